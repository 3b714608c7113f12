"""The corpus of invented layouts (tests/support/ingest_corpus): nothing lost anywhere, and a floor
on placement for the tuning layouts. The held-out layouts are measured by bench/ingest_score.py,
never tuned against: for them the no-loss rule and a floor against regression overall are asserted."""

import pytest

from portal.ingest.limits import IngestLimits
from portal.ingest.parse import parse_pdf
from tests.support import ingest_corpus
from tests.support.corpus_scoring import place

# Set from measured figures (bench/ingest_score.py): the eight older tuning layouts place 93-100% each; the three
# one-column question tables and header-row grids 100% (these eleven's paragraphs are the agency file's examples, so
# their floors guard the structure more than the words); the three family-J layouts, whose words are not learnt,
# 87-100%; all fourteen 97.7%; all fifteen held-out 94.6% (the fourth batch, at its first measurement, 88.0%). The two
# family-S layouts (clinical prints and a letter of numbered requests) 91.7% and 100%; the fifth held-out batch 81.3%,
# then 84.6%. The four family-Y layouts (details banners, bars naming two neighbouring sections, terse answers) were
# written for the fifth batch's remaining misses and are not yet met: they have a floor of their own against regression,
# and the overall tuning floor is over the layouts before them. The four family-K layouts (long questions wrapping in a
# form's bold left cell, a signed letter, run-in labels ending with a full stop, tick-box questions) and a fifth (broad
# label, colon, narrower name) were written for the sixth batch's failing shapes (25.0% to 87.5% when first measured) and have a floor of their own likewise.
TUNING_FLOOR = 0.93  # each of the older tuning layouts
TABLE_SHAPE_FLOOR = 0.95  # each one-column question table or header-row grid
UNLEARNT_FLOOR = 0.87  # each family-J and family-S layout
BANNERS_FLOOR = 0.4  # each family-Y layout (41.7% to 85.7% when first landed)
FORMS_FLOOR = 0.7  # each family-K layout (75.0% to 100% since)
TUNING_OVERALL_FLOOR = 0.97
HELD_OUT_OVERALL_FLOOR = 0.94  # a floor against regression only; nothing is tuned to it
FIFTH_FLOOR = 0.84  # the fifth batch (75.8% at its first measurement, 84.6% since): against regression only
SIXTH_FLOOR = 0.83  # the sixth batch (65.6% at its first measurement, 83.3% since): against regression only
SEVENTH_FLOOR = 0.8  # the seventh batch (77.1% at its first measurement, 80.2% since): against regression only
NUMBERED_FLOOR = 0.8  # each family-Marchbank layout (60.0% to 63.6% when first measured, 80.0% to 81.8% since)
TABLE_SHAPES = {"question_rows_table", "strengths_and_needs_grid", "triangle_grid"}


@pytest.fixture(scope="module")
def placed(gp):
    return {make.__name__: place(layout := make(), parse_pdf(layout.data, gp, IngestLimits())) for make in ingest_corpus.ALL}


def test_the_corpus_has_twelve_layouts_four_held_out():
    layouts = [make() for make in ingest_corpus.ALL]
    assert len(layouts) >= 12 and sum(1 for x in layouts if x.held_out) >= 4
    assert all(unit.section for x in layouts for unit in x.units)


def test_the_corpus_is_the_same_on_every_run():
    assert ingest_corpus.TUNING[0]().data == ingest_corpus.TUNING[0]().data


@pytest.mark.parametrize("make", [*ingest_corpus.HELD_OUT_SIXTH, *ingest_corpus.HELD_OUT_SEVENTH], ids=lambda make: make.__name__)
def test_the_sixth_and_seventh_held_out_batches_build_the_same_bytes_every_run(make):
    assert make().data == make().data


@pytest.mark.parametrize("make", ingest_corpus.ALL, ids=lambda make: make.__name__)
def test_no_paragraph_is_lost(placed, make):
    assert placed[make.__name__].lost == []


@pytest.mark.parametrize("make", ingest_corpus.TUNING, ids=lambda make: make.__name__)
def test_tuning_layouts_place_most_paragraphs_right(placed, make):
    unlearnt = {m.__name__ for m in (*ingest_corpus.TUNING_UNLEARNT, *ingest_corpus.TUNING_PRINTS)}
    banners = {m.__name__ for m in ingest_corpus.TUNING_BANNERS}
    forms = {m.__name__ for m in ingest_corpus.TUNING_FORMS}
    numbered = {m.__name__ for m in ingest_corpus.TUNING_NUMBERED}
    floor = (NUMBERED_FLOOR if make.__name__ in numbered else FORMS_FLOOR if make.__name__ in forms else BANNERS_FLOOR if make.__name__ in banners else UNLEARNT_FLOOR if make.__name__ in unlearnt else TABLE_SHAPE_FLOOR if make.__name__ in TABLE_SHAPES
             else TUNING_FLOOR)
    assert placed[make.__name__].accuracy >= floor, placed[make.__name__].misplaced


def test_tuning_layouts_overall(placed):
    newest = (*ingest_corpus.TUNING_BANNERS, *ingest_corpus.TUNING_FORMS, *ingest_corpus.TUNING_NUMBERED)
    tuning = [placed[make.__name__] for make in ingest_corpus.TUNING if make not in newest]
    assert sum(p.placed for p in tuning) / sum(p.total for p in tuning) >= TUNING_OVERALL_FLOOR


def test_the_fifth_held_out_batch_does_not_regress(placed):
    fifth = [placed[make.__name__] for make in ingest_corpus.HELD_OUT_FIFTH]
    assert sum(p.placed for p in fifth) / sum(p.total for p in fifth) >= FIFTH_FLOOR


def test_the_sixth_held_out_batch_does_not_regress(placed):
    sixth = [placed[make.__name__] for make in ingest_corpus.HELD_OUT_SIXTH]
    assert sum(p.placed for p in sixth) / sum(p.total for p in sixth) >= SIXTH_FLOOR


def test_the_seventh_held_out_batch_does_not_regress(placed):
    seventh = [placed[make.__name__] for make in ingest_corpus.HELD_OUT_SEVENTH]
    assert sum(p.placed for p in seventh) / sum(p.total for p in seventh) >= SEVENTH_FLOOR


def test_held_out_layouts_overall_do_not_regress(placed):
    held = [placed[make.__name__] for make in ingest_corpus.HELD_OUT]
    assert sum(p.placed for p in held) / sum(p.total for p in held) >= HELD_OUT_OVERALL_FLOOR
