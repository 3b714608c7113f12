"""A corpus of invented GP reports in the layouts councils and clinical systems publish, each
paragraph marked with the section it belongs in. See README.md in this folder."""

from collections.abc import Callable

from tests.support.ingest_corpus.build import Layout, Unit
from tests.support.ingest_corpus.held_out import HELD_OUT as FIRST_HELD_OUT
from tests.support.ingest_corpus.held_out_fifth import HELD_OUT_FIFTH
from tests.support.ingest_corpus.held_out_fourth import HELD_OUT_FOURTH
from tests.support.ingest_corpus.held_out_fresh import HELD_OUT_FRESH
from tests.support.ingest_corpus.held_out_seventh import HELD_OUT_SEVENTH
from tests.support.ingest_corpus.held_out_sixth import HELD_OUT_SIXTH
from tests.support.ingest_corpus.held_out_third import HELD_OUT_THIRD
from tests.support.ingest_corpus.tuning import TUNING as FIRST_TUNING
from tests.support.ingest_corpus.tuning_banners import TUNING_BANNERS
from tests.support.ingest_corpus.tuning_forms import TUNING_FORMS
from tests.support.ingest_corpus.tuning_numbered import TUNING_NUMBERED
from tests.support.ingest_corpus.tuning_prints import TUNING_PRINTS
from tests.support.ingest_corpus.tuning_unlearnt import TUNING_UNLEARNT

TUNING: list[Callable[[], Layout]] = [*FIRST_TUNING, *TUNING_UNLEARNT, *TUNING_PRINTS, *TUNING_BANNERS, *TUNING_FORMS, *TUNING_NUMBERED]
HELD_OUT: list[Callable[[], Layout]] = [*FIRST_HELD_OUT, *HELD_OUT_FRESH, *HELD_OUT_THIRD, *HELD_OUT_FOURTH]
ALL: list[Callable[[], Layout]] = [*TUNING, *HELD_OUT, *HELD_OUT_FIFTH, *HELD_OUT_SIXTH, *HELD_OUT_SEVENTH]  # the fifth to seventh batches are measured apart

__all__ = ["ALL", "FIRST_HELD_OUT", "HELD_OUT", "HELD_OUT_FIFTH", "HELD_OUT_FOURTH", "HELD_OUT_FRESH", "HELD_OUT_SEVENTH", "HELD_OUT_SIXTH", "HELD_OUT_THIRD", "TUNING", "TUNING_BANNERS", "TUNING_FORMS", "TUNING_NUMBERED", "TUNING_PRINTS", "TUNING_UNLEARNT", "Layout", "Unit"]
