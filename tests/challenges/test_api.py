"""IRO challenges through GraphQL: raising, answering, escalating and closing with clear errors, the
IRO's and the managers' lists, the head of service's overview, and who may see and do each thing (the
IROs and managers of the LA only; nobody in another LA)."""

from datetime import UTC, datetime

from sqlalchemy import func, select

from portal.accesslog import AccessLogEntry
from portal.challenges.models import Challenge, ChallengeStep
from tests.support.challenges import LA_A_READERS, NOT_LA_A

CHALLENGE = """id kind status state raisedOn dueOn overLimit stage stageName outcome resolutionSought otherReason awaitingMe
  reasons { id label } raisedBy { name } child { givenName } conference { id }
  currentStep { stage dueOn overdue responder { name } }
  steps { stage stageName startedOn dueOn outcome response respondedOn respondedBy { name } startedBy { name } escalationNote }"""
ONE = f'query One($id: ID!) {{ challenge(id: $id) {{ {CHALLENGE} }} }}'
MINE = "{ myOpenChallenges { id state } }"
AWAITING = "{ challengesAwaitingMyResponse { id stage } }"
OVERVIEW = """query($la: ID!, $filter: ChallengeFilter) { challenges(laId: $la, filter: $filter) { nodes { id stage outcome } }
  challengeSummary(laId: $la) { raised open overLimit upheld byReason { key label count } byStage { key label count } byOutcome { key count } } }"""


def raising(world, **change):
    return {"childId": world.id("child_a1"), "conferenceId": world.id("conf_a"), "kind": "FORMAL", "reasons": ["child_not_consulted"],
            "resolutionSought": "Maisie is visited and consulted before the review.", "responderId": world.id("tm_a"), **change}


async def raise_(api, world, **change) -> str:
    payload = await api.mutate("raiseChallenge", raising(world, **change), "challenge { id }", as_=world.chair_a)
    assert payload["errors"] == [], payload
    return payload["challenge"]["id"]


async def test_an_iro_raises_a_challenge_and_reads_it_with_its_stage_deadline_and_overall_limit(api, managed):
    payload = await api.mutate("raiseChallenge", raising(managed, reasons=["child_not_consulted", "other"], otherReason="Visits too rare"),
                               CHALLENGE.replace("\n", " ").join(("challenge { ", " }")), as_=managed.chair_a)
    assert payload["errors"] == []
    challenge = payload["challenge"]
    assert {k: challenge[k] for k in ("kind", "status", "state", "raisedOn", "dueOn", "overLimit", "stage", "stageName", "awaitingMe")} == {
        "kind": "FORMAL", "status": "OPEN", "state": "AWAITING_RESPONSE", "raisedOn": "2026-10-12", "dueOn": "2026-11-09", "overLimit": False,
        "stage": "informal", "stageName": "Informal resolution", "awaitingMe": False}
    assert [r["label"] for r in challenge["reasons"]] == ["The child was not consulted before the review", "Other"]
    assert (challenge["otherReason"], challenge["child"]["givenName"], challenge["conference"]["id"]) == ("Visits too rare", "Maisie", managed.id("conf_a"))
    assert challenge["currentStep"] == {"stage": "informal", "dueOn": "2026-10-19", "overdue": False, "responder": {"name": "Tm A"}}


async def test_raising_gives_each_mistake_at_its_field_and_saves_nothing(api, managed, database):
    payload = await api.mutate("raiseChallenge", raising(managed, reasons=[], resolutionSought="", responderId=managed.id("hos_a"),
                                                         raisedOn="2027-01-01"), "challenge { id }", as_=managed.chair_a)
    assert payload["challenge"] is None
    assert {tuple(e["path"]): e["code"] for e in payload["errors"]} == {
        ("input", "reasons"): "INVALID", ("input", "resolutionSought"): "INVALID", ("input", "raisedOn"): "INVALID", ("input", "responderId"): "INVALID"}
    assert any("Choose at least one reason" in e["message"] for e in payload["errors"])
    wrong_kind = await api.raw("mutation($i: RaiseChallengeInput!) { raiseChallenge(input: $i) { errors { message } } }",
                               {"i": raising(managed, kind="GRUMBLE")}, as_=managed.chair_a)
    assert "GRUMBLE" in wrong_kind.json()["errors"][0]["message"]
    async with database.session() as session:
        assert (await session.execute(select(func.count()).select_from(Challenge))).scalar_one() == 0


async def test_the_manager_asked_sees_it_awaiting_their_answer_and_the_iro_escalates_past_not_upheld(api, managed, frozen):
    challenge = await raise_(api, managed)
    assert [c["id"] for c in (await api(AWAITING, as_=managed.tm_a))["challengesAwaitingMyResponse"]] == [challenge]
    for person in ("tm_a2", "sm_a", "hos_a", "chair_a"):
        assert (await api(AWAITING, as_=getattr(managed, person)))["challengesAwaitingMyResponse"] == [], person
    assert (await api(MINE, as_=managed.chair_a))["myOpenChallenges"] == [{"id": challenge, "state": "AWAITING_RESPONSE"}]
    assert (await api(MINE, as_=managed.chair_a2))["myOpenChallenges"] == []

    frozen.move_to(datetime(2026, 10, 20, 9, 0, tzinfo=UTC))
    late = (await api(ONE, {"id": challenge}, as_=managed.tm_a))["challenge"]
    assert (late["currentStep"]["overdue"], late["awaitingMe"]) == (True, True)
    answered = await api.mutate("respondToChallenge", {"challengeId": challenge, "outcome": "NOT_UPHELD", "response": "Visits are monthly, as planned."},
                                "challenge { state outcome }", as_=managed.tm_a)
    assert answered == {"challenge": {"state": "AWAITING_IRO", "outcome": "NOT_UPHELD"}, "errors": []}
    assert (await api(AWAITING, as_=managed.tm_a))["challengesAwaitingMyResponse"] == []
    escalated = await api.mutate("escalateChallenge", {"challengeId": challenge, "stage": "head_of_service", "note": "Skipping to the head of service"},
                                 "challenge { stage state }", as_=managed.chair_a)
    assert escalated == {"challenge": {"stage": "head_of_service", "state": "AWAITING_RESPONSE"}, "errors": []}
    assert [c["stage"] for c in (await api(AWAITING, as_=managed.hos_a))["challengesAwaitingMyResponse"]] == ["head_of_service"]

    frozen.move_to(datetime(2026, 11, 10, 9, 0, tzinfo=UTC))
    upheld = await api.mutate("respondToChallenge", {"challengeId": challenge, "outcome": "UPHELD", "response": "Agreed."},
                              "challenge { status state overLimit closedOn }", as_=managed.hos_a)
    # Answered on 10 November, a working day past the 20 allowed from 12 October.
    assert upheld["challenge"] == {"status": "CLOSED", "state": "CLOSED", "overLimit": True, "closedOn": "2026-11-10"}
    steps = (await api(ONE, {"id": challenge}, as_=managed.chair_a))["challenge"]["steps"]
    assert [(s["stage"], s["outcome"], s["respondedBy"]["name"], s["respondedOn"]) for s in steps] == [
        ("informal", "NOT_UPHELD", "Tm A", "2026-10-20"), ("head_of_service", "UPHELD", "Hos A", "2026-11-10")]
    assert (steps[1]["startedOn"], steps[1]["dueOn"], steps[1]["escalationNote"]) == ("2026-10-20", "2026-10-27", "Skipping to the head of service")
    assert (await api(MINE, as_=managed.chair_a))["myOpenChallenges"] == []


async def test_only_the_las_iros_and_managers_read_a_challenge_and_the_conference_only_its_staff(api, managed, database):
    challenge = await raise_(api, managed)
    for person in LA_A_READERS:
        read = (await api(ONE, {"id": challenge}, as_=getattr(managed, person)))["challenge"]
        assert read is not None and read["child"]["givenName"] == "Maisie", person
        assert (read["conference"] is not None) == person.startswith("chair"), person
    for person in NOT_LA_A:
        who = getattr(managed, person)
        assert (await api(ONE, {"id": challenge}, as_=who))["challenge"] is None, person
        assert (await api(MINE, as_=who))["myOpenChallenges"] == [], person
        assert (await api(AWAITING, as_=who))["challengesAwaitingMyResponse"] == [], person
    async with database.session() as session:
        entries = (await session.execute(select(AccessLogEntry).where(AccessLogEntry.person_id == managed.sm_a,
                                                                        AccessLogEntry.operation_name == "One"))).scalars().all()
    assert [e.child_ids for e in entries] == [[managed.child_a1]]


async def test_every_write_is_refused_to_each_other_role_and_to_the_same_role_elsewhere(api, managed, database):
    challenge = await raise_(api, managed)
    raise_codes = {"bs_a": "FORBIDDEN", "sw_a": "FORBIDDEN", "gp1_author": "FORBIDDEN", "school_author": "FORBIDDEN", "guardian_1": "FORBIDDEN"}
    for person in (*NOT_LA_A, "tm_a", "sm_a", "hos_a", "dir_a", "irom_a"):
        who = getattr(managed, person)
        raised = await api.mutate("raiseChallenge", raising(managed), "challenge { id }", as_=who)
        assert [e["code"] for e in raised["errors"]] == [raise_codes.get(person, "NOT_FOUND")], person
        expected = "FORBIDDEN" if person in LA_A_READERS else "NOT_FOUND"
        for name, change in (("respondToChallenge", {"outcome": "RESOLVED", "response": "Done."}),
                             ("escalateChallenge", {"stage": "director"}), ("closeChallenge", {})):
            if person == "tm_a" and name == "respondToChallenge":
                continue
            payload = await api.mutate(name, {"challengeId": challenge, **change}, "challenge { id }", as_=who)
            assert payload["challenge"] is None and [e["code"] for e in payload["errors"]] == [expected], (person, name)
    for person in ("tm_a2", "sm_a", "chair_a"):
        payload = await api.mutate("respondToChallenge", {"challengeId": challenge, "outcome": "RESOLVED", "response": "Done."},
                                   "challenge { id }", as_=getattr(managed, person))
        assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"], person
    async with database.session() as session:
        assert (await session.execute(select(func.count()).select_from(Challenge))).scalar_one() == 1
        (step,) = (await session.execute(select(ChallengeStep))).scalars().all()
    assert (step.stage, step.outcome) == ("informal", None)


async def test_the_head_of_service_and_iro_manager_see_every_challenge_counted_by_reason_stage_and_outcome(api, managed):
    first = await raise_(api, managed, reasons=["child_not_consulted", "report_quality"])
    second = await raise_(api, managed, childId=managed.id("child_a2"), conferenceId=None, kind="ALERT", reasons=["report_quality"])
    await api.mutate("escalateChallenge", {"challengeId": second, "stage": "director"}, "challenge { id }", as_=managed.chair_a)
    await api.mutate("respondToChallenge", {"challengeId": second, "outcome": "UPHELD", "response": "Agreed."}, "challenge { id }", as_=managed.dir_a)
    for person in ("hos_a", "irom_a"):
        data = await api(OVERVIEW, {"la": managed.id("la_a")}, as_=getattr(managed, person))
        assert [n["id"] for n in data["challenges"]["nodes"]] == [second, first], person
        summary = data["challengeSummary"]
        assert (summary["raised"], summary["open"], summary["overLimit"], summary["upheld"]) == (2, 1, 0, 1)
        counts = {c["key"]: c["count"] for c in summary["byReason"]}
        assert (counts["report_quality"], counts["child_not_consulted"], counts["other"]) == (2, 1, 0)
        assert [(c["key"], c["label"], c["count"]) for c in summary["byStage"]] == [
            ("informal", "Informal resolution", 1), ("director", "Director of children's services", 1)]
        assert {c["key"]: c["count"] for c in summary["byOutcome"]} == {"RESOLVED": 0, "UPHELD": 1, "NOT_UPHELD": 0, "AWAITING": 1}
    filtered = await api(OVERVIEW, {"la": managed.id("la_a"), "filter": {"reason": "child_not_consulted", "awaitingAnswer": True}}, as_=managed.hos_a)
    assert [n["id"] for n in filtered["challenges"]["nodes"]] == [first]
    upheld = await api(OVERVIEW, {"la": managed.id("la_a"), "filter": {"outcome": "UPHELD", "stage": "director"}}, as_=managed.hos_a)
    assert [n["id"] for n in upheld["challenges"]["nodes"]] == [second]
    for person in ("chair_a", "tm_a", "sm_a", "dir_a", "bs_a", "sw_a", "hos_b", "irom_b", "chair_b", "gp1_author"):
        data = await api(OVERVIEW, {"la": managed.id("la_a")}, as_=getattr(managed, person))
        assert data == {"challenges": None, "challengeSummary": None}, person


async def test_the_stages_and_who_may_answer_them_are_for_the_las_iros_and_managers(api, managed):
    query = "query($la: ID!) { challengeStages(laId: $la) { id name external responseWorkingDays responders { name } } challengeReasons { id } }"
    stages = (await api(query, {"la": managed.id("la_a")}, as_=managed.chair_a))["challengeStages"]
    assert [(s["id"], [p["name"] for p in s["responders"]]) for s in stages] == [
        ("informal", ["Tm A", "Tm A2"]), ("team_manager", ["Tm A", "Tm A2"]), ("service_manager", ["Sm A"]), ("head_of_service", ["Hos A"]),
        ("director", ["Dir A"]), ("cafcass", [])]
    assert stages[-1]["external"] and stages[-1]["responseWorkingDays"] == 10
    for person in ("chair_b", "tm_b", "bs_a", "sw_a", "gp1_author"):
        assert (await api(query, {"la": managed.id("la_a")}, as_=getattr(managed, person)))["challengeStages"] == [], person
    reasons = (await api(query, {"la": managed.id("la_b")}, as_=managed.gp1_author))["challengeReasons"]
    assert len(reasons) == 10 and reasons[-1] == {"id": "other"}
