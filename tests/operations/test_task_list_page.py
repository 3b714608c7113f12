"""TaskListPage: my organisation's open invitations, soonest due first, with the report's status and what the chair needs from us."""


from portal.conferences.models import Invitation
from portal.db import StatementCounter
from tests.support.contributions import REQUIRED_GP, draft
from tests.support.seeding import seed_conferences
from tests.support.world import soon


async def test_my_organisations_invitations_soonest_due_first_with_status_and_what_the_chair_needs(page, api, database, world, frozen):
    async with database.session() as session:
        earlier = Invitation(conference_id=world.conf_b, organisation_id=world.gp1, report_due_at=soon(2))
        session.add(earlier)
        await session.commit()
        earlier_id = str(earlier.id)
    data = await page("TaskListPage", as_=world.gp1_author)
    nodes = data["myInvitations"]["nodes"]
    assert [n["id"] for n in nodes] == [earlier_id, world.id("inv_gp1")]
    mine = nodes[1]
    assert mine["reportStatus"] == "NOT_STARTED" and mine["overdue"] is False and mine["contribution"] is None
    assert mine["conference"]["kind"] == "ICPC" and mine["conference"]["scheduledAt"]
    assert [c["givenName"] for c in mine["conference"]["children"]] == ["Maisie", "Theo"]
    needs = {n["checkId"]: n for n in mine["chairNeeds"]}
    assert needs["all_invited_submitted"]["status"] == "AT_RISK" and needs["all_invited_submitted"]["by"] == mine["reportDueAt"]
    assert {"checkId", "title", "status", "by"} == set(needs["all_invited_submitted"])

    await draft(api, world, REQUIRED_GP)
    frozen.move_to(soon(8))  # past the report's due time, before the meeting
    mine = (await page("TaskListPage", as_=world.gp1_colleague))["myInvitations"]["nodes"][1]
    assert mine["reportStatus"] == "DRAFT" and mine["overdue"] is True and mine["contribution"]["status"] == "DRAFT"
    assert {n["checkId"]: n["status"] for n in mine["chairNeeds"]}["all_invited_submitted"] == "NOT_MET"

    saved = mine["contribution"]["id"]
    await api.mutate("submitContribution", {"contributionId": saved}, "contribution { id }", as_=world.gp1_author)
    mine = (await page("TaskListPage", as_=world.gp1_author))["myInvitations"]["nodes"][1]
    assert mine["reportStatus"] == "SUBMITTED" and mine["overdue"] is False
    assert "all_invited_submitted" not in {n["checkId"] for n in mine["chairNeeds"]}


async def test_other_people_get_nothing_of_our_invitations(page, api, world):
    await draft(api, world, REQUIRED_GP)
    for person in ("chair_a", "chair_b", "bs_a", "guardian_1"):
        assert (await page("TaskListPage", as_=getattr(world, person)))["myInvitations"]["nodes"] == [], person
    for person, expected in (("gp2_author", "inv_gp2_b"), ("school_author", "inv_school")):
        nodes = (await page("TaskListPage", as_=getattr(world, person)))["myInvitations"]["nodes"]
        assert [n["id"] for n in nodes] == [world.id(expected)], person
        assert all(need["checkId"] for n in nodes for need in n["chairNeeds"])
    # Another organisation invited to the same conference sees the GP's invitation, but not its draft nor what the chair needs from the GP.
    query = """query($id: ID!) { invitation(id: $id) { reportStatus overdue chairNeeds { checkId } contribution { id } } }"""
    for person in ("school_author", "chair_a", "sw_a"):
        seen = (await api(query, {"id": world.id("inv_gp1")}, as_=getattr(world, person)))["invitation"]
        assert seen == {"reportStatus": "NOT_SUBMITTED", "overdue": False, "chairNeeds": [], "contribution": None}, person


async def _statements(page, database, world, first: int) -> tuple[int, int]:
    counter = StatementCounter(database.engine)
    try:
        data = await page("TaskListPage", {"first": first}, as_=world.gp1_author)
    finally:
        counter.close()
    return counter.count, len(data["myInvitations"]["nodes"])


async def test_the_task_list_costs_the_same_sql_for_5_and_50_invitations(page, database, world):
    await seed_conferences(database, world, 55)
    small, small_rows = await _statements(page, database, world, 5)
    large, large_rows = await _statements(page, database, world, 50)
    assert (small_rows, large_rows) == (5, 50)
    assert small == large
