"""The annual report from an invented LA's returns, imported year by year, against the figures counted
independently from the same facts (tests/support/annual_expected.py)."""

from pathlib import Path

from portal.history.annual import ReportingYear, annual_report
from portal.history.imports import import_cin_census, import_ssda903
from portal.history.report import load_records
from portal.timescales import RULES_DIR, load_rules
from tests.support.annual_expected import expected
from tests.support.la_history import generate, write_cin_census, write_ssda903

RULES = load_rules(RULES_DIR)["default"].model_copy(update={"postcode_districts": tuple(f"TS{n}" for n in range(1, 9))})
COMPARED = tuple(expected(generate(children=1), 2018))


async def import_history(database, la_id: int, history, tmp_path: Path, years=range(2014, 2020)) -> None:
    for first in years:
        async with database.session() as session:
            for written in await import_ssda903(session, la_id, write_ssda903(history, first, tmp_path / str(first))):
                assert not written.refused, written.rejections
            written = await import_cin_census(session, la_id, write_cin_census(history, first, tmp_path / f"cin-{first}.xml"))
            assert not written.refused, written.rejections


def figures(report) -> tuple[dict, dict]:
    def shown(figure):
        value = figure["value"]
        return value if not isinstance(value, dict) else {k: (v if not isinstance(v, dict) else {"count": v["count"], "pct": v["value"]})
                                                         for k, v in value.items()}
    this = {k: shown(report.figures[k]) for k in COMPARED}
    last = {k: shown(report.figures[k]["last_year"]) for k in COMPARED}
    return this, last


async def test_six_years_of_returns_give_the_independently_counted_figures(database, la, tmp_path):
    history = generate()
    await import_history(database, la.id, history, tmp_path)
    async with database.session() as session:
        records = await load_records(session, la.id)
    report = annual_report("ashby", records, ReportingYear.parse("2018-19"), RULES)
    this, last = figures(report)
    assert this == expected(history, 2018)
    assert last == expected(history, 2017)
    assert this["looked_after.at_year_end"] > 100 and this["lac_reviews.held"] > 200 and this["icpc.held"] > 30
    assert report.figures["icpc.in_timescale_pct"]["count"] < report.figures["icpc.held"]["value"]


async def test_last_year_is_left_out_where_the_records_do_not_reach_back(database, la, tmp_path):
    history = generate(children=60)
    await import_history(database, la.id, history, tmp_path, years=[2018])
    async with database.session() as session:
        report = annual_report("ashby", await load_records(session, la.id), ReportingYear.parse("2018-19"), RULES)
    assert report.figures["lac_reviews.held"]["last_year"] is None
    assert report.figures["icpc.held"]["last_year"] is None
    assert report.figures["lac_reviews.held"]["value"] == expected(history, 2018)["lac_reviews.held"]
