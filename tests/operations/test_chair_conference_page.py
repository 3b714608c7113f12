"""ChairConferencePage: one conference for its chair: children, invited agencies and their reports, readiness,
the withholding requests to decide, and the conference map with every child's scales."""

from portal.db import StatementCounter
from tests.support.contributions import REQUIRED_GP, draft
from tests.support.seeding import seed_conferences
from tests.support.world import soon

WITHHELD = "Third-party health detail."


async def _submitted_with_a_pending_request(api, world) -> str:
    saved = await draft(api, world, {**REQUIRED_GP, "complicating_factors": WITHHELD}, scales=[{"childId": world.id("child_a1"), "score": 3}])
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    asked = await api.mutate("requestWithholding", {"contributionId": saved["id"], "sectionId": "complicating_factors", "reason": "Third party's health."},
                             "withholdingRequest { id }", as_=world.gp1_author)
    return asked["withholdingRequest"]["id"]


async def test_the_chair_sees_the_agencies_readiness_requests_to_decide_and_the_map(page, api, world):
    request_id = await _submitted_with_a_pending_request(api, world)
    conference = (await page("ChairConferencePage", {"conference": world.id("conf_a")}, as_=world.chair_a))["conference"]
    assert [c["givenName"] for c in conference["children"]] == ["Maisie", "Theo"]
    statuses = {i["organisation"]["name"]: (i["reportStatus"], i["overdue"], i["reportDueAt"]) for i in conference["invitations"]}
    assert statuses == {
        "Easterby Children's Social Care": ("NOT_STARTED", False, soon(7).isoformat()),  # the chair's own organisation
        "Riverside Surgery": ("SUBMITTED", False, soon(7).isoformat()),
        "Oakfield Primary School": ("NOT_SUBMITTED", False, soon(7).isoformat()),
    }
    checks = {c["id"]: c for c in conference["readiness"]["checks"]}
    assert checks["withholding_decided"]["status"] == "AT_RISK" and checks["withholding_decided"]["explanation"].startswith("1 of 1")
    assert checks["withholding_decided"]["whoMustAct"] == [{"role": "CHAIR", "by": soon(7).isoformat(), "organisation": None}]
    [pending] = conference["withholdingRequests"]
    assert pending["id"] == request_id and pending["sectionTitle"] == "Complicating factors" and pending["organisation"]["name"] == "Riverside Surgery"
    assert pending["reason"] == "Third party's health." and pending["requestedBy"]["name"] == "Gp1 Author"
    by_kind = {m["sectionId"]: m for m in conference["map"]}
    assert list(by_kind)[:6] == ["worries", "danger_statement", "complicating_factors", "working_well", "existing_safety", "safety_goals"]
    assert [e["organisation"]["name"] for e in by_kind["worries"]["entries"]] == ["Riverside Surgery"]
    assert WITHHELD in by_kind["complicating_factors"]["entries"][0]["text"]["html"]
    assert [(s["child"]["givenName"], [(x["organisation"]["name"], x["score"]) for x in s["scores"]]) for s in conference["scaleMap"]] == [
        ("Maisie", [("Riverside Surgery", 3)]), ("Theo", [])]

    await api.mutate("decideWithholding", {"requestId": request_id, "agree": True}, "withholdingRequest { id }", as_=world.chair_a)
    assert (await page("ChairConferencePage", {"conference": world.id("conf_a")}, as_=world.chair_a))["conference"]["withholdingRequests"] == []


async def test_others_get_nothing_of_the_chairs_conference(page, api, world):
    await _submitted_with_a_pending_request(api, world)
    for person in ("chair_b", "bs_b", "gp2_author", "guardian_1"):  # another LA's chair and staff, an organisation not invited
        assert (await page("ChairConferencePage", {"conference": world.id("conf_a")}, as_=getattr(world, person)))["conference"] is None, person
    for person in ("chair_a2", "school_author", "sw_a"):  # another chair of the LA, an invited agency, a social worker
        conference = (await page("ChairConferencePage", {"conference": world.id("conf_a")}, as_=getattr(world, person)))["conference"]
        assert conference["withholdingRequests"] == [], person
        entries = {m["sectionId"]: m["entries"] for m in conference["map"]}
        assert entries["complicating_factors"] == [] and entries["worries"], person
    school = (await page("ChairConferencePage", {"conference": world.id("conf_a")}, as_=world.school_author))["conference"]
    assert school["readiness"] is None
    # The GP's own view of the requests is its own organisation's.
    gp = (await page("ChairConferencePage", {"conference": world.id("conf_a")}, as_=world.gp1_colleague))["conference"]
    assert [w["organisation"]["name"] for w in gp["withholdingRequests"]] == ["Riverside Surgery"]


async def test_requests_and_scales_for_many_conferences_cost_the_same_sql(api, database, world):
    await seed_conferences(database, world, 55)
    query = """query($first: Int!) { conferences(first: $first, filter: {upcoming: true}) { nodes { id
      withholdingRequests(decision: PENDING) { id sectionTitle organisation { name } requestedBy { name } }
      scaleMap { child { givenName } scores { organisation { name } score } } } } }"""
    counts = []
    for first in (5, 50):
        counter = StatementCounter(database.engine)
        try:
            data = await api(query, {"first": first}, as_=world.chair_a)
        finally:
            counter.close()
        nodes = data["conferences"]["nodes"]
        seeded = [n for n in nodes if n["id"] != world.id("conf_a")]
        assert len(nodes) == first and all(n["withholdingRequests"] and n["scaleMap"][0]["scores"] for n in seeded)
        counts.append(counter.count)
    assert counts[0] == counts[1]
