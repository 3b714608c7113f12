"""Conference.readiness: LA staff see it; agencies see null; 50 conferences cost the same SQL as 5."""


from sqlalchemy import select

from portal import clock
from portal.conferences.models import Conference, Invitation
from portal.db import StatementCounter
from portal.demo_identity import HEADER
from portal.readiness.loading import load_readiness
from portal.timescales import RULES_DIR, load_rules
from tests.support.seeding import seed_conferences
from tests.support.world import soon

READINESS = """query($id: ID!) { conference(id: $id) { readiness { conferenceId status
  checks { id title status explanation whoMustAct { role organisation { name } } } } } }"""

UPCOMING = """query($first: Int!) { conferences(first: $first, filter: {chairedByMe: true, upcoming: true}) {
  nodes { id readiness { status checks { id status explanation whoMustAct { role organisation { name agencyId } } } } } } }"""


async def readiness_as(api, world, person: int) -> dict | None:
    return (await api(READINESS, {"id": world.id("conf_a")}, as_=person))["conference"]["readiness"]


async def test_the_chair_sees_every_check_and_who_must_act(api, world):
    readiness = await readiness_as(api, world, world.chair_a)
    assert readiness["conferenceId"] == world.id("conf_a")
    checks = {c["id"]: c for c in readiness["checks"]}
    assert len(checks) == 10
    submitted = checks["all_invited_submitted"]
    assert submitted["status"] == "AT_RISK"
    assert {(w["role"], w["organisation"]["name"]) for w in submitted["whoMustAct"]} == {
        ("CONTRIBUTOR", "Easterby Children's Social Care"), ("CONTRIBUTOR", "Riverside Surgery"), ("CONTRIBUTOR", "Oakfield Primary School"),
    }
    assert checks["children_consulted"]["whoMustAct"] == [{"role": "SOCIAL_WORKER", "organisation": None}]
    assert readiness["status"] in ("AT_RISK", "NOT_MET")


async def test_la_staff_see_readiness_and_agencies_see_null(api, world):
    for person in (world.bs_a, world.sw_a, world.chair_a2):
        assert (await readiness_as(api, world, person)) is not None
    for person in (world.gp1_author, world.school_author):
        data = await api(READINESS, {"id": world.id("conf_a")}, as_=person)
        assert data["conference"] is not None
        assert data["conference"]["readiness"] is None


async def test_a_change_shows_in_the_next_result(api, world):
    before = {c["id"]: c for c in (await readiness_as(api, world, world.chair_a))["checks"]}
    assert before["children_consulted"]["status"] == "AT_RISK"
    for child in ("child_a1", "child_a2"):
        payload = await api.mutate(
            "recordChildConsultation",
            {"conferenceId": world.id("conf_a"), "childId": world.id(child), "seen": True, "viewsConveyed": "ADVOCATE"},
            "consultation { seen }", as_=world.sw_a,
        )
        assert payload["errors"] == []
    after = {c["id"]: c for c in (await readiness_as(api, world, world.chair_a))["checks"]}
    assert after["children_consulted"]["status"] == "MET"


async def test_load_readiness_skips_unknown_and_unscheduled_conferences(database, world):
    rules = load_rules(RULES_DIR)
    async with database.session() as session:
        results = await load_readiness(session, [world.conf_a, world.conf_b, 999_999], clock.now(), rules)
    assert set(results) == {world.conf_a, world.conf_b}
    assert results[world.conf_b].check("within_statutory_timescale").status == "AT_RISK"  # an RCPC with no previous conference recorded


async def statements(api, database, world, first: int) -> tuple[int, list]:
    counter = StatementCounter(database.engine)
    try:
        data = await api(UPCOMING, {"first": first}, as_=world.chair_a)
    finally:
        counter.close()
    return counter.count, data["conferences"]["nodes"]


async def seed_with_outstanding_reports(database, world, count: int) -> None:
    """The query-count world, plus an invitation still waiting for a report on every conference,
    so every page names organisations that must act."""
    await seed_conferences(database, world, count)
    async with database.session() as session:
        ids = (await session.execute(select(Conference.id).where(Conference.chair_id == world.chair_a))).scalars().all()
        session.add_all(Invitation(conference_id=i, organisation_id=world.gp2, report_due_at=soon(1)) for i in ids)
        await session.commit()


async def test_readiness_of_50_upcoming_conferences_costs_the_same_sql_as_5(api, database, world):
    await seed_with_outstanding_reports(database, world, 55)
    small, small_nodes = await statements(api, database, world, 5)
    large, large_nodes = await statements(api, database, world, 50)
    assert (len(small_nodes), len(large_nodes)) == (5, 50)
    for nodes in (small_nodes, large_nodes):
        submitted = [next(c for c in n["readiness"]["checks"] if c["id"] == "all_invited_submitted") for n in nodes]
        assert all(c["status"] == "AT_RISK" and "Millbrook Surgery" in c["explanation"] for c in submitted)
    assert small == large
    assert large <= 12


async def test_the_subscription_is_refused_over_plain_http(api, world):
    query = f'subscription {{ readiness(conferenceId: "{world.conf_a}") {{ status }} }}'
    for accept in ("application/json", "multipart/mixed;subscriptionSpec=1.0,application/json"):
        response = await api.client.post("/graphql", json={"query": query}, headers={HEADER: str(world.chair_a), "accept": accept})
        assert response.json() == {
            "data": None, "errors": [{"message": "Subscriptions are served over WebSocket at /graphql with the graphql-transport-ws protocol only."}],
        }
