"""ChairConferencesPage: the signed-in chair's upcoming conferences, soonest first, with readiness, the checks not met,
who must act and by when."""

from sqlalchemy import update

from portal.conferences.models import Conference
from portal.db import StatementCounter
from tests.support.contributions import REQUIRED_GP, draft
from tests.support.seeding import seed_conferences
from tests.support.world import soon


async def test_the_chair_sees_readiness_the_checks_not_met_and_who_must_act_by_when(page, api, world):
    await draft(api, world, REQUIRED_GP)
    nodes = (await page("ChairConferencesPage", as_=world.chair_a))["conferences"]["nodes"]
    assert [n["id"] for n in nodes] == [world.id("conf_a")]
    readiness = nodes[0]["readiness"]
    assert readiness["status"] in ("AT_RISK", "NOT_MET")
    assert readiness["unmet"] and all(c["status"] in ("AT_RISK", "NOT_MET") and c["explanation"] for c in readiness["unmet"])
    submitted = next(c for c in readiness["unmet"] if c["id"] == "all_invited_submitted")
    assert {(w["organisation"]["name"], w["by"]) for w in submitted["whoMustAct"]} == {
        (name, soon(7).isoformat()) for name in ("Easterby Children's Social Care", "Riverside Surgery", "Oakfield Primary School")}
    consulted = next(c for c in readiness["unmet"] if c["id"] == "children_consulted")
    assert consulted["whoMustAct"] == [{"role": "SOCIAL_WORKER", "by": nodes[0]["scheduledAt"], "organisation": None}]
    assert [c["givenName"] for c in nodes[0]["children"]] == ["Maisie", "Theo"]


async def test_only_the_chairs_own_conferences_within_the_filter(page, api, world):
    assert (await page("ChairConferencesPage", {"scheduledBefore": soon(9).isoformat()}, as_=world.chair_a))["conferences"]["nodes"] == []
    assert len((await page("ChairConferencesPage", {"scheduledBefore": soon(11).isoformat()}, as_=world.chair_a))["conferences"]["nodes"]) == 1
    assert [n["id"] for n in (await page("ChairConferencesPage", as_=world.chair_b))["conferences"]["nodes"]] == [world.id("conf_b")]
    for person in ("chair_a2", "bs_a", "gp1_author", "school_author", "guardian_1"):  # another chair of the same LA, and people who chair nothing
        assert (await page("ChairConferencesPage", as_=getattr(world, person)))["conferences"]["nodes"] == [], person


async def _statements(page, database, world, first: int) -> tuple[int, int]:
    counter = StatementCounter(database.engine)
    try:
        data = await page("ChairConferencesPage", {"first": first}, as_=world.chair_a)
    finally:
        counter.close()
    return counter.count, len(data["conferences"]["nodes"])


async def test_the_chairs_list_costs_the_same_sql_for_5_and_50_conferences(page, database, world):
    await seed_conferences(database, world, 55)
    async with database.session() as session:  # first on both pages, with agencies still to submit
        await session.execute(update(Conference).where(Conference.id == world.conf_a).values(scheduled_at=soon(1)))
        await session.commit()
    small, small_rows = await _statements(page, database, world, 5)
    large, large_rows = await _statements(page, database, world, 50)
    assert (small_rows, large_rows) == (5, 50)
    assert small == large
