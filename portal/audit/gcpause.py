"""Pausing the cyclic garbage collector while a batch builds many small objects."""

import gc
from types import TracebackType


class gc_paused:
    """Scoring and storing a batch allocates hundreds of thousands of small objects and no reference
    cycles; the collector would otherwise walk them over and over. Reference counting still frees
    everything, and the collector is back on afterwards."""

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None) -> None:
        if self.was_enabled:
            gc.enable()
