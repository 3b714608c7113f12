"""A corpus of invented GP reports in the layouts councils and clinical systems publish, each
paragraph marked with the section it belongs in. See README.md in this folder."""

from collections.abc import Callable

from tests.support.ingest_corpus.build import Layout, Unit
from tests.support.ingest_corpus.held_out import HELD_OUT
from tests.support.ingest_corpus.tuning import TUNING

ALL: list[Callable[[], Layout]] = [*TUNING, *HELD_OUT]

__all__ = ["ALL", "HELD_OUT", "TUNING", "Layout", "Unit"]
