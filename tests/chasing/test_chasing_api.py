"""Business support's API: overriding due times with a reason, the chasing list, phone chases, and
finding children, organisations and chairs; each refused to everyone else."""

from datetime import datetime, timedelta

from sqlalchemy import select

from portal import clock
from portal.chasing.models import PhoneChase
from portal.conferences.models import Conference, Invitation
from portal.contributions.models import Contribution
from portal.enums import ConferenceStatus, ContributionStatus
from portal.reminders.models import ReminderOutbox
from portal.reminders.outbox import OutboxSettings, deliver, plan
from portal.timescales import RULES_DIR, load_rules

RULES = load_rules(RULES_DIR)
OUTSIDERS = ("chair_a", "bs_b", "sw_a", "gp1_author", "guardian_1")
CHASE = """rule: ruleReportDueAt submitted overdue recipients nextReminderAt lastReminderSentAt lastReminderKind
           dueOverride { reason overriddenAt overriddenBy { name } }
           invitation { id reportDueAt familyDueAt organisation { name } }
           phoneChases { spokeTo chasedAt note recordedBy { name } }"""
CHASING = f"""query($la: ID!, $days: Int!) {{ chasing(laId: $la, withinWorkingDays: $days) {{
  until withinWorkingDays organisations {{ organisation {{ name }} chases {{ {CHASE} }} }} }} }}"""
CONFERENCE_CHASES = f"query($c: ID!) {{ invitationChases(conferenceId: $c) {{ {CHASE} }} }}"
ONE_CHASE = f"query($i: ID!) {{ invitationChase(invitationId: $i) {{ {CHASE} }} }}"
SENDER = "Conference portal <noreply@portal.example>"


def override(world, **change):
    return {"invitationId": world.id("inv_gp1"), "reportDueAt": "2026-10-20T16:00:00+00:00", "reason": "GP on leave until the 20th", **change}


async def invitation(database, world, name="inv_gp1") -> Invitation:
    async with database.session() as session:
        return await session.get(Invitation, getattr(world, name))


async def test_business_support_override_a_due_time_with_a_reason_and_the_rules_time_stays_shown(api, world, database):
    before = await invitation(database, world)
    payload = await api.mutate("overrideDueTimes", override(world), "invitation { reportDueAt familyDueAt }", as_=world.bs_a)
    assert payload["errors"] == []
    assert payload["invitation"]["reportDueAt"] == "2026-10-20T16:00:00+00:00"
    assert payload["invitation"]["familyDueAt"] == before.family_due_at.isoformat()
    (chase,) = [c for c in (await api(CONFERENCE_CHASES, {"c": world.id("conf_a")}, as_=world.bs_a))["invitationChases"]
                if c["invitation"]["id"] == world.id("inv_gp1")]
    # Easterby: an ICPC's reports reach the chair one working day before the meeting (Thu 22 Oct), by 10:00 local time.
    assert chase["rule"] == "2026-10-21T09:00:00+00:00"
    assert chase["dueOverride"]["reason"] == "GP on leave until the 20th"
    assert chase["dueOverride"]["overriddenBy"]["name"] == "Bs A" and chase["dueOverride"]["overriddenAt"] == clock.now().isoformat()


async def test_readiness_and_reminders_follow_the_override(api, world, database):
    await api.mutate("overrideDueTimes", override(world), "invitation { id }", as_=world.bs_a)
    readiness = await api(
        "query($c: ID!) { conference(id: $c) { readiness { checks { whoMustAct { organisation { name } by } } } } }",
        {"c": world.id("conf_a")}, as_=world.chair_a)
    times = {w["by"] for check in readiness["conference"]["readiness"]["checks"] for w in check["whoMustAct"]
             if (w["organisation"] or {}).get("name") == "Riverside Surgery"}
    assert "2026-10-20T16:00:00+00:00" in times
    async with database.session() as session:
        await plan(session, clock.now(), RULES, OutboxSettings())
        rows = (await session.execute(select(ReminderOutbox).where(ReminderOutbox.invitation_id == world.inv_gp1))).scalars().all()
    assert rows and {r.payload["dueAt"] for r in rows} == {"2026-10-20T16:00:00+00:00"}


async def test_rescheduling_returns_an_overridden_due_time_to_the_rules(api, world, database):
    await api.mutate("overrideDueTimes", override(world), "invitation { id }", as_=world.bs_a)
    moved = await api.mutate("scheduleConference", {"conferenceId": world.id("conf_a"), "scheduledAt": "2026-10-29T10:00:00+00:00"},
                             "conference { id }", as_=world.bs_a)
    assert moved["errors"] == []
    chase = (await api(ONE_CHASE, {"i": world.id("inv_gp1")}, as_=world.bs_a))["invitationChase"]
    assert chase["dueOverride"] is None
    assert chase["invitation"]["reportDueAt"] == chase["rule"] == "2026-10-28T10:00:00+00:00"


async def test_an_override_needs_a_reason_a_time_before_the_meeting_and_an_open_conference(api, world, database):
    before = await invitation(database, world)
    for change, path in (
        ({"reason": "  "}, ["input", "reason"]),
        ({"reason": "x" * 501}, ["input", "reason"]),
        ({"reportDueAt": "2026-10-23T10:00:00+00:00"}, ["input", "reportDueAt"]),
        ({"familyDueAt": "2026-10-23T10:00:00+00:00"}, ["input", "familyDueAt"]),
        ({"invitationId": "99999"}, ["input", "invitationId"]),
    ):
        payload = await api.mutate("overrideDueTimes", override(world, **change), "invitation { id }", as_=world.bs_a)
        assert payload["invitation"] is None and payload["errors"][0]["path"] == path, change
    async with database.session() as session:
        (await session.get(Conference, world.conf_a)).status = ConferenceStatus.HELD
        await session.commit()
    held = await api.mutate("overrideDueTimes", override(world), "invitation { id }", as_=world.bs_a)
    assert held["errors"][0]["code"] == "CONFLICT"
    after = await invitation(database, world)
    assert (after.report_due_at, after.due_override_reason) == (before.report_due_at, None)


async def test_nobody_but_the_las_business_support_overrides_or_chases(api, world, database):
    call = {"invitationId": world.id("inv_gp1"), "spokeTo": "Practice manager", "chasedAt": clock.now().isoformat()}
    for person in OUTSIDERS:
        who = getattr(world, person)
        overridden = await api.mutate("overrideDueTimes", override(world), "invitation { id }", as_=who)
        assert overridden["invitation"] is None and overridden["errors"][0]["code"] == "NOT_FOUND", person
        chased = await api.mutate("recordPhoneChase", call, "phoneChase { id }", as_=who)
        assert chased["phoneChase"] is None and chased["errors"][0]["code"] == "NOT_FOUND", person
        assert (await api(CHASING, {"la": world.id("la_a"), "days": 20}, as_=who))["chasing"] is None, person
        assert (await api(CONFERENCE_CHASES, {"c": world.id("conf_a")}, as_=who))["invitationChases"] == [], person
        assert (await api(ONE_CHASE, {"i": world.id("inv_gp1")}, as_=who))["invitationChase"] is None, person
    after = await invitation(database, world)
    assert after.due_override_reason is None
    async with database.session() as session:
        assert (await session.execute(select(PhoneChase))).first() is None


async def test_the_chasing_list_holds_the_las_open_reports_due_within_the_working_days_grouped_by_organisation(api, world, database, frozen):
    # Reports in the world are due Mon 19 Oct 10:00 UTC; today is Mon 12 Oct.
    async with database.session() as session:
        session.add(Contribution(conference_id=world.conf_a, invitation_id=world.inv_school, organisation_id=world.school, author_id=world.school_author,
                                 status=ContributionStatus.SUBMITTED, submitted_at=clock.now()))
        await session.commit()
    short = (await api(CHASING, {"la": world.id("la_a"), "days": 4}, as_=world.bs_a))["chasing"]
    assert short["organisations"] == [] and short["until"] == "2026-10-16T22:59:59+00:00"
    week = (await api(CHASING, {"la": world.id("la_a"), "days": 5}, as_=world.bs_a))["chasing"]
    assert [g["organisation"]["name"] for g in week["organisations"]] == ["Easterby Children's Social Care", "Riverside Surgery"]
    gp = week["organisations"][1]["chases"][0]
    # Easterby reminds two working days before the due time, at 09:00 local; two contributors get it.
    assert (gp["overdue"], gp["recipients"], gp["nextReminderAt"], gp["lastReminderSentAt"]) == (False, 2, "2026-10-15T08:00:00+00:00", None)

    frozen.move_to(datetime(2026, 10, 15, 8, 0, tzinfo=clock.UTC))
    async with database.session() as session:
        await plan(session, clock.now(), RULES, OutboxSettings())
    sent = await deliver(database, Outbox(), "w1", "https://portal.example", SENDER, OutboxSettings())
    assert sent.sent == 4  # Easterby: a social worker and two GPs; Westmarsh: one GP
    gp = (await api(ONE_CHASE, {"i": world.id("inv_gp1")}, as_=world.bs_a))["invitationChase"]
    assert (gp["lastReminderSentAt"], gp["lastReminderKind"], gp["nextReminderAt"]) == (
        "2026-10-15T08:00:00+00:00", "BEFORE_DUE", "2026-10-19T10:00:00+00:00")

    frozen.move_to(datetime(2026, 10, 20, 9, 0, tzinfo=clock.UTC))
    late = (await api(CHASING, {"la": world.id("la_a"), "days": 0}, as_=world.bs_a))["chasing"]
    assert {c["invitation"]["organisation"]["name"]: c["overdue"] for g in late["organisations"] for c in g["chases"]} == {
        "Easterby Children's Social Care": True, "Riverside Surgery": True}
    assert (await api(ONE_CHASE, {"i": world.id("inv_gp1")}, as_=world.bs_a))["invitationChase"]["nextReminderAt"] == "2026-10-20T09:00:00+00:00"


async def test_the_chasing_list_refuses_a_count_of_days_out_of_range(api, world):
    response = await api.raw(CHASING, {"la": world.id("la_a"), "days": 61}, as_=world.bs_a)
    assert "withinWorkingDays must be from 0 to 60" in response.json()["errors"][0]["message"]


async def test_business_support_record_phone_chases_listed_latest_first(api, world, database):
    first = {"invitationId": world.id("inv_gp1"), "spokeTo": "Practice manager", "chasedAt": "2026-10-09T14:30:00+00:00", "note": "Will pass it on"}
    second = {**first, "spokeTo": "Dr Lee's secretary", "chasedAt": "2026-10-12T08:15:00+00:00", "note": ""}
    for call in (first, second):
        payload = await api.mutate("recordPhoneChase", call, "phoneChase { id spokeTo recordedBy { name } }", as_=world.bs_a)
        assert payload["errors"] == [] and payload["phoneChase"]["recordedBy"]["name"] == "Bs A"
    calls = (await api(ONE_CHASE, {"i": world.id("inv_gp1")}, as_=world.bs_a))["invitationChase"]["phoneChases"]
    assert [(c["spokeTo"], c["note"]) for c in calls] == [("Dr Lee's secretary", ""), ("Practice manager", "Will pass it on")]


async def test_a_phone_chase_needs_who_and_a_time_not_in_the_future(api, world, database):
    call = {"invitationId": world.id("inv_gp1"), "spokeTo": "Practice manager", "chasedAt": "2026-10-12T08:15:00+00:00"}
    for change, path in (
        ({"spokeTo": " "}, ["input", "spokeTo"]),
        ({"spokeTo": "x" * 201}, ["input", "spokeTo"]),
        ({"note": "x" * 2001}, ["input", "note"]),
        ({"chasedAt": (clock.now() + timedelta(minutes=5)).isoformat()}, ["input", "chasedAt"]),
    ):
        payload = await api.mutate("recordPhoneChase", {**call, **change}, "phoneChase { id }", as_=world.bs_a)
        assert payload["phoneChase"] is None and payload["errors"][0]["path"] == path, change
    async with database.session() as session:
        assert (await session.execute(select(PhoneChase))).first() is None


async def test_schedulers_find_the_las_children_and_chairs_and_anyone_finds_organisations_by_name_or_code(api, world):
    children = "query($la: ID!, $s: String!) { children(laId: $la, search: $s) { givenName familyName } }"
    found = await api(children, {"la": world.id("la_a"), "s": "ashd"}, as_=world.bs_a)
    assert [c["givenName"] for c in found["children"]] == ["Maisie", "Theo"]
    assert (await api(children, {"la": world.id("la_a"), "s": "theo ash"}, as_=world.chair_a))["children"] == [{"givenName": "Theo", "familyName": "Ashdown"}]
    assert (await api(children, {"la": world.id("la_a"), "s": "%"}, as_=world.bs_a))["children"] == []
    chairs = "query($la: ID!) { chairs(laId: $la) { name } }"
    assert [p["name"] for p in (await api(chairs, {"la": world.id("la_a")}, as_=world.bs_a))["chairs"]] == ["Chair A", "Chair A2"]
    for person in ("bs_b", "sw_a", "gp1_author", "guardian_1"):
        assert (await api(children, {"la": world.id("la_a"), "s": ""}, as_=getattr(world, person)))["children"] == [], person
        assert (await api(chairs, {"la": world.id("la_a")}, as_=getattr(world, person)))["chairs"] == [], person
    organisations = "query($s: String!) { organisations(search: $s) { nodes { name } } }"
    assert (await api(organisations, {"s": "river"}, as_=world.bs_a))["organisations"]["nodes"] == [{"name": "Riverside Surgery"}]
    assert (await api(organisations, {"s": "gp2"}, as_=world.bs_a))["organisations"]["nodes"] == [{"name": "Millbrook Surgery"}]


class Outbox:
    def __init__(self) -> None:
        self.messages: list[object] = []

    async def send(self, message: object) -> None:
        self.messages.append(message)
