"""Pausing the cyclic garbage collector while a batch builds many small objects."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Scoring and storing a batch allocates hundreds of thousands of small objects and no reference
    cycles; the collector would otherwise walk them over and over. Reference counting still frees
    everything, and the collector is back on afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
