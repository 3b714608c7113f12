"""recordConferenceOutcome, recordOutcomeSent and recordMinutesSent, and the outcome's fields as each role may read them."""

from datetime import UTC, date, datetime

from sqlalchemy import select

from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild
from portal.enums import ConferenceKind, ConferenceStatus
from portal.history.models import LookedAfterReview, ProtectionPlan
from tests.history.conftest import add_managers
from tests.support.outcomes import HELD_ON, hold, icpc, record, run
from tests.support.people import EVERYONE


async def test_the_chair_records_an_icpc_plan_and_the_childrens_protection_plans_are_written(api, world, database):
    await hold(database, world.conf_a, {world.child_a1: "EA1001", world.child_a2: ""})
    async with database.session() as session:  # an earlier plan of Maisie's makes this her second
        session.add(ProtectionPlan(la_id=world.la_a, la_child_id="EA1001", started_on=date(2023, 2, 1), ended_on=date(2024, 3, 1), latest_category="PHY"))
        await session.commit()
    payload = await record(api, world, icpc(world), world.chair_a)
    assert payload["errors"] == []
    outcome = payload["outcome"]
    # Ten working days after Monday 12 October 2026 is Monday 26 October; Easterby's outcome letter: 1, minutes: 15.
    assert (outcome["coreGroupOn"], outcome["coreGroupDueBy"], outcome["coreGroupInTimescale"]) == ("2026-10-23", "2026-10-26", True)
    assert (outcome["outcomeDueBy"], outcome["minutesDueBy"], outcome["outcomeSentOnTime"], outcome["minutesSentOn"]) == ("2026-10-13", "2026-11-02", None, None)
    assert (outcome["nextReviewOn"], outcome["nextReviewDueBy"], outcome["nextReviewInTimescale"]) == ("2027-01-08", "2027-01-12", True)
    maisie, theo = outcome["children"]
    assert (maisie["decision"], maisie["initialCategory"], maisie["initialCategories"], maisie["latestCategory"], maisie["planStartedOn"]) == (
        "CHILD_PROTECTION_PLAN", "MUL", ["NEG", "EMO"], "MUL", "2026-10-12")
    assert (maisie["recordedInHistory"], theo["recordedInHistory"], theo["initialCategory"]) == (True, False, "NEG")  # Theo has no LA child id
    async with database.session() as session:
        plans = (await session.execute(select(ProtectionPlan).where(ProtectionPlan.started_on == HELD_ON))).scalars().all()
    assert [(p.la_child_id, p.initial_category, p.latest_category, p.previous_plans, p.ended_on) for p in plans] == [("EA1001", "MUL", "MUL", 1, None)]

    again = await record(api, world, icpc(world), world.chair_a)
    assert again["outcome"] is None and again["errors"] == [
        {"path": ["input", "conferenceId"], "message": "The outcome of this conference is already recorded.", "code": "CONFLICT"}]


async def test_bad_outcomes_are_refused_with_each_problem_named_and_nothing_written(api, world, database):
    await hold(database, world.conf_a)
    payload = await record(api, world, {"conferenceId": world.id("conf_a"), "carePlanEndorsed": True, "children": [
        {"childId": world.id("child_a1"), "decision": "PLAN_ENDS", "initialCategories": ["MUL"]},
        {"childId": world.id("child_a2"), "decision": "NO_PLAN", "initialCategories": ["NEG"], "participation": "PN1"},
    ]}, world.chair_a)
    assert payload["outcome"] is None
    assert [(e["path"], e["message"]) for e in payload["errors"]] == [
        (["input", "children", "0", "decision"], "Choose the conference's decision for the child: child protection plan or no child protection plan."),
        (["input", "children", "1", "participation"], "Participation codes are for looked-after child reviews."),
        (["input", "children", "1", "initialCategories"], "Only a child protection plan has a category of abuse."),
        (["input", "carePlanEndorsed"], "Only a looked-after child review endorses a care plan."),
    ]
    planned = await record(api, world, {"conferenceId": world.id("conf_a"), "children": [
        {"childId": world.id("child_a1"), "decision": "CHILD_PROTECTION_PLAN", "planStartedOn": "2026-10-01"},
    ]}, world.chair_a)
    assert [(e["path"], e["message"]) for e in planned["errors"]] == [
        (["input", "children", "0", "initialCategories"], "Choose at least one category of abuse for the plan."),
        (["input", "children", "0", "planStartedOn"], "The plan cannot start before the conference that made it."),
        (["input", "children"], "Give the decision for every child the conference was about."),
        (["input", "coreGroupOn"], "Give the date of the first core group."),
        (["input", "nextReviewOn"], "Give the date of the next review."),
    ]
    stranger = await record(api, world, {"conferenceId": world.id("conf_a"), "children": [{"childId": world.id("child_b1"), "decision": "NO_PLAN"}]}, world.chair_a)
    assert stranger["errors"][0]["code"] == "NOT_FOUND" and stranger["errors"][0]["path"] == ["input", "children", "0", "childId"]
    async with database.session() as session:
        assert (await session.execute(select(ProtectionPlan))).first() is None
    not_held = await record(api, world, icpc(world, conferenceId=world.id("conf_b")), world.chair_b)
    assert not_held["errors"][0]["message"] == "Record that the conference was held first."


async def test_only_the_conferences_chair_records_the_outcome_and_no_one_else_reads_or_changes_it(api, world, database):
    await hold(database, world.conf_a)
    managers = await add_managers(database, world)
    for name in [n for n in EVERYONE if n != "chair_a"] + ["irom_a", "hos_a", "hos_b"]:
        person = managers.get(name) or getattr(world, name)
        payload = await record(api, world, icpc(world), person)
        assert payload["outcome"] is None and payload["errors"][0]["code"] in ("NOT_FOUND", "FORBIDDEN"), name
        if name in ("chair_b", "bs_b", "hos_b", "irom_a", "hos_a", "gp2_author", "guardian_2"):
            assert payload["errors"][0]["code"] == "NOT_FOUND", name  # they may not know the conference exists
    assert (await record(api, world, icpc(world), world.chair_a))["errors"] == []
    sent = await run(api, "RecordMinutesSent", {"conference": world.id("conf_a"), "sentOn": "2026-10-12"}, world.bs_a)
    assert sent["recordMinutesSent"]["errors"] == [] and sent["recordMinutesSent"]["outcome"]["minutesSentOnTime"] is True
    for name in ("chair_a2", "sw_a", "gp1_author", "chair_b", "bs_b", "guardian_1"):
        refused = await run(api, "RecordOutcomeSent", {"conference": world.id("conf_a"), "sentOn": "2026-10-12"}, getattr(world, name))
        assert refused["recordOutcomeSent"]["outcome"] is None and refused["recordOutcomeSent"]["errors"][0]["code"] in ("NOT_FOUND", "FORBIDDEN"), name


async def test_each_role_reads_the_outcomes_fields_it_may_and_nothing_more(api, world, database):
    await hold(database, world.conf_a, {world.child_a1: "EA1001"})
    managers = await add_managers(database, world)
    await record(api, world, icpc(world), world.chair_a)

    def seen(outcome: dict | None) -> tuple:
        if outcome is None:
            return (None,)
        return (outcome["minutesDueBy"], bool(outcome["children"]), outcome["coreGroupOn"], outcome["notes"])

    full = ("2026-11-02", True, "2026-10-23", "Father did not attend; follow up.")
    through_conference = {
        "chair_a": full, "chair_a2": (*full[:3], None), "bs_a": ("2026-11-02", False, None, None),
        "sw_a": (None,), "gp1_author": (None,), "school_author": (None,),
    }
    for name, expected in through_conference.items():
        conference = (await run(api, "ChairOutcomePage", {"conference": world.id("conf_a")}, getattr(world, name)))["conference"]
        assert seen(conference["outcome"]) == expected, name
    by_id = {"irom_a": full, "hos_a": (*full[:3], None), "hos_b": (None,), "chair_b": (None,), "bs_b": (None,), "sw_a": (None,),
             "gp1_author": (None,), "guardian_1": (None,), "chair_a2": (*full[:3], None)}
    for name, expected in by_id.items():
        person = managers.get(name) or getattr(world, name)
        assert seen((await run(api, "ConferenceOutcome", {"conference": world.id("conf_a")}, person))["conferenceOutcome"]) == expected, name
    for name in ("chair_b", "guardian_1", "gp2_author"):
        assert (await run(api, "ChairOutcomePage", {"conference": world.id("conf_a")}, getattr(world, name)))["conference"] is None, name


async def test_the_outcome_letter_and_minutes_dates_are_checked_against_the_las_deadlines(api, world, database, frozen):
    await hold(database, world.conf_a)
    await record(api, world, icpc(world), world.chair_a)
    frozen.move_to(datetime(2026, 11, 3, 9, tzinfo=UTC))
    early = await run(api, "RecordOutcomeSent", {"conference": world.id("conf_a"), "sentOn": "2026-10-09"}, world.chair_a)
    assert early["recordOutcomeSent"]["errors"][0]["message"] == "It cannot have been sent before the conference was held."
    future = await run(api, "RecordMinutesSent", {"conference": world.id("conf_a"), "sentOn": "2026-11-04"}, world.chair_a)
    assert future["recordMinutesSent"]["errors"][0]["message"] == "The date sent cannot be in the future."
    late = (await run(api, "RecordOutcomeSent", {"conference": world.id("conf_a"), "sentOn": "2026-10-14"}, world.bs_a))["recordOutcomeSent"]["outcome"]
    assert (late["outcomeSentOn"], late["outcomeDueBy"], late["outcomeSentOnTime"]) == ("2026-10-14", "2026-10-13", False)
    last_day = (await run(api, "RecordMinutesSent", {"conference": world.id("conf_a"), "sentOn": "2026-11-02"}, world.chair_a))["recordMinutesSent"]["outcome"]
    assert (last_day["minutesSentOn"], last_day["minutesSentOnTime"]) == ("2026-11-02", True)
    corrected = (await run(api, "RecordMinutesSent", {"conference": world.id("conf_a"), "sentOn": "2026-11-03"}, world.chair_a))["recordMinutesSent"]["outcome"]
    assert (corrected["minutesSentOn"], corrected["minutesSentOnTime"]) == ("2026-11-03", False)


async def test_an_rcpc_ends_the_open_plan_and_a_lac_review_writes_the_review_with_the_confirmed_code(api, world, database):
    async with database.session() as session:
        (await session.get(Child, world.child_b1)).la_child_id = "WM77"
        session.add(ProtectionPlan(la_id=world.la_b, la_child_id="WM77", started_on=date(2026, 1, 5), initial_category="NEG", latest_category="NEG",
                                   review_dates="2026-04-01"))
        await session.commit()
    await hold(database, world.conf_b)
    ended = await record(api, world, {"conferenceId": world.id("conf_b"), "children": [
        {"childId": world.id("child_b1"), "decision": "PLAN_ENDS"}]}, world.chair_b)
    assert ended["errors"] == [] and ended["outcome"]["children"][0]["initialCategories"] == ["NEG"]
    async with database.session() as session:
        plan = (await session.execute(select(ProtectionPlan))).scalar_one()
        assert (plan.ended_on, plan.review_dates) == (HELD_ON, "2026-04-01 2026-10-12")
        review = Conference(la_id=world.la_b, kind=ConferenceKind.LAC_REVIEW, status=ConferenceStatus.SCHEDULED, chair_id=world.chair_b,
                            became_looked_after_on=date(2026, 9, 1), review_number=1)
        session.add(review)
        await session.flush()
        session.add(ConferenceChild(conference_id=review.id, child_id=world.child_b1))
        await session.commit()
        review_id = review.id
    await hold(database, review_id)
    page = (await run(api, "ChairOutcomePage", {"conference": str(review_id)}, world.chair_b))["conference"]
    assert page["participationSuggestions"] == [{"childId": world.id("child_b1"), "code": None, "meaning": None,
                                                 "reason": "No consultation is recorded for the child: choose the code yourself."}]
    await api.mutate("recordChildConsultation", {"conferenceId": str(review_id), "childId": world.id("child_b1"), "seen": True,
                                                 "viewsConveyed": "CONSULTATION_FORM"}, "consultation { seen }", as_=world.chair_b)
    page = (await run(api, "ChairOutcomePage", {"conference": str(review_id)}, world.chair_b))["conference"]
    assert page["participationSuggestions"][0]["code"] == "PN6"
    missing = await record(api, world, {"conferenceId": str(review_id), "children": [{"childId": world.id("child_b1")}]}, world.chair_b)
    assert [e["path"][-1] for e in missing["errors"]] == ["participation", "nextReviewOn", "carePlanEndorsed", "decisions"]
    done = await record(api, world, {"conferenceId": str(review_id), "carePlanEndorsed": True, "decisions": "Placement continues.",
                                     "nextReviewOn": "2027-01-04", "children": [{"childId": world.id("child_b1"), "participation": "PN5"}]}, world.chair_b)
    assert done["errors"] == [] and done["outcome"]["children"][0]["participationMeaning"] == "Did not attend, briefed an advocate"
    async with database.session() as session:
        rows = (await session.execute(select(LookedAfterReview))).scalars().all()
    assert [(r.la_id, r.la_child_id, r.held_on, r.participation) for r in rows] == [(world.la_b, "WM77", HELD_ON, "PN5")]
