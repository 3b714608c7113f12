"""The annualReport query: the head of service and the IRO manager of the LA see its figures; nobody else does."""

import pytest

from portal.history.imports import import_ssda903
from portal.settings import ROOT
from tests.history.conftest import add_managers
from tests.support.api import GraphQLErrors
from tests.support.dfe_returns import folder
from tests.support.people import EVERYONE

QUERY = (ROOT / "graphql" / "operations" / "AnnualReport.graphql").read_text()


async def test_the_head_of_service_and_iro_manager_of_the_la_read_its_figures_and_no_one_else(api, world, database, tmp_path):
    people = await add_managers(database, world)
    async with database.session() as session:
        await import_ssda903(session, world.la_a, folder(tmp_path))
    variables = {"laId": str(world.la_a), "year": "2018-19"}
    for name in ("hos_a", "irom_a"):
        report = (await api(QUERY, variables, as_=people[name]))["annualReport"]
        assert (report["year"], report["startsOn"], report["endsOn"], report["lastYear"]) == ("2018-19", "2018-04-01", "2019-03-31", "2017-18")
        figures = {f["id"]: f for f in report["figures"]}
        assert figures["looked_after.started"]["thisYear"] == {"value": 2, "count": None, "of": None, "parts": []}
        assert figures["looked_after.started"]["definition"].startswith("Children whose period of care began in the year")
        assert figures["lac_reviews.in_timescale_pct"]["thisYear"] == {"value": 100.0, "count": 3, "of": 3, "parts": []}
        parts = {p["code"]: p for p in figures["participation.by_code"]["thisYear"]["parts"]}
        assert parts["PN7"] == {"code": "PN7", "meaning": "Did not attend and did not convey their views", "count": 1, "pct": 33.3}
        assert figures["challenges.raised"]["thisYear"]["value"] == 0 and figures["challenges.raised"]["lastYear"] is None
        assert figures["lac_reviews.held"]["lastYear"] is None
    for name in EVERYONE:
        assert (await api(QUERY, variables, as_=getattr(world, name)))["annualReport"] is None, name
    assert (await api(QUERY, variables, as_=people["hos_b"]))["annualReport"] is None
    assert (await api(QUERY, {"laId": str(world.la_b), "year": "2018-19"}, as_=people["hos_b"]))["annualReport"]["figures"][0]["thisYear"]["value"] == 0
    assert (await api(QUERY, {"laId": "999999", "year": "2018-19"}, as_=people["hos_a"]))["annualReport"] is None
    with pytest.raises(GraphQLErrors, match="is not a reporting year"):
        await api(QUERY, {"laId": str(world.la_a), "year": "2018"}, as_=people["hos_a"])
