"""Creating, scheduling and inviting; children's consultation; care-plan views."""

from datetime import timedelta

from sqlalchemy import func, select

from portal import clock
from portal.conferences.models import Conference


def later() -> str:
    return (clock.now() + timedelta(days=30)).replace(microsecond=0).isoformat()
SELECTION = "conference { id kind status scheduledAt chair { name } children { givenName } }"


async def conference_count(database) -> int:
    async with database.session() as session:
        return (await session.execute(select(func.count()).select_from(Conference))).scalar_one()


async def test_business_support_creates_a_sibling_conference_and_schedules_it(api, world):
    created = await api.mutate(
        "createConference",
        {"laId": world.id("la_a"), "kind": "ICPC", "childIds": [world.id("child_a1"), world.id("child_a2")], "strategyDiscussionOn": "2026-11-20"},
        SELECTION,
        as_=world.bs_a,
    )
    assert created["errors"] == []
    conference = created["conference"]
    assert conference["status"] == "DRAFT" and {c["givenName"] for c in conference["children"]} == {"Maisie", "Theo"}
    scheduled = await api.mutate(
        "scheduleConference", {"conferenceId": conference["id"], "scheduledAt": later(), "chairId": world.id("chair_a")}, SELECTION, as_=world.bs_a
    )
    assert scheduled["errors"] == []
    assert scheduled["conference"]["status"] == "SCHEDULED" and scheduled["conference"]["chair"]["name"] == "Chair A"


async def test_creating_refuses_bad_input_and_writes_nothing(api, world, database):
    before = await conference_count(database)
    cases = [
        ({"childIds": []}, ["input", "childIds"]),
        ({"childIds": [world.id("child_b1")]}, ["input", "childIds", "0"]),
        ({"childIds": ["424242"]}, ["input", "childIds", "0"]),
        ({"chairId": world.id("chair_b")}, ["input", "chairId"]),
        ({"chairId": world.id("gp1_author")}, ["input", "chairId"]),
        ({"scheduledAt": "2020-01-01T10:00:00+00:00"}, ["input", "scheduledAt"]),
        ({"strategyDiscussionOn": None}, ["input", "strategyDiscussionOn"]),
        ({"laId": world.id("la_b")}, ["input", "laId"]),
    ]
    for change, path in cases:
        data = {"laId": world.id("la_a"), "kind": "ICPC", "childIds": [world.id("child_a1")], "strategyDiscussionOn": "2026-11-20", **change}
        payload = await api.mutate("createConference", data, "conference { id }", as_=world.bs_a)
        assert payload["conference"] is None, change
        assert payload["errors"][0]["path"] == path, change
    lac = await api.mutate("createConference", {"laId": world.id("la_a"), "kind": "LAC_REVIEW", "childIds": [world.id("child_a1")]}, "conference { id }", as_=world.bs_a)
    assert lac["errors"][0]["path"] == ["input", "becameLookedAfterOn"]
    assert await conference_count(database) == before


async def test_only_schedulers_of_that_la_create_conferences(api, world, database):
    data = {"laId": world.id("la_a"), "kind": "RCPC", "childIds": [world.id("child_a1")]}
    for person in ("sw_a", "gp1_author", "guardian_1"):
        payload = await api.mutate("createConference", data, "conference { id }", as_=getattr(world, person))
        assert payload["errors"][0]["code"] in ("FORBIDDEN", "NOT_FOUND"), person
    other_la = await api.mutate("createConference", data, "conference { id }", as_=world.bs_b)
    assert other_la["errors"][0]["code"] == "NOT_FOUND"
    by_chair = await api.mutate("createConference", data, "conference { id }", as_=world.chair_a)
    assert by_chair["errors"] == []


async def test_inviting_checks_duplicates_times_and_region(api, world):
    data = {"conferenceId": world.id("conf_a"), "organisationId": world.id("gp1"), "reportDueAt": "2026-01-01T10:00:00+00:00"}
    duplicate = await api.mutate("inviteOrganisation", data, "invitation { id }", as_=world.bs_a)
    assert duplicate["errors"][0]["code"] == "CONFLICT" and "already invited" in duplicate["errors"][0]["message"]
    fine = await api.mutate("inviteOrganisation", {**data, "organisationId": world.id("cafcass")}, "invitation { id reportDueAt organisation { name } }", as_=world.bs_a)
    assert fine["errors"] == [] and fine["invitation"]["organisation"]["name"] == "CAFCASS Northmoor"
    late = await api.mutate("inviteOrganisation", {**data, "organisationId": world.id("gp2"), "reportDueAt": "2999-01-01T10:00:00+00:00"}, "invitation { id }", as_=world.bs_a)
    assert late["errors"][0]["path"] == ["input", "reportDueAt"]
    other_la = await api.mutate("inviteOrganisation", {**data, "conferenceId": world.id("conf_b"), "organisationId": world.id("gp1")}, "invitation { id }", as_=world.bs_a)
    assert other_la["errors"][0]["code"] == "NOT_FOUND"


async def test_child_consultation_is_recorded_and_updated(api, world):
    data = {"conferenceId": world.id("conf_a"), "childId": world.id("child_a1"), "seen": True, "viewsConveyed": "ADVOCATE", "note": "Seen at school."}
    first = await api.mutate("recordChildConsultation", data, "consultation { seen viewsConveyed note child { givenName } }", as_=world.sw_a)
    assert first["consultation"] == {"seen": True, "viewsConveyed": "ADVOCATE", "note": "Seen at school.", "child": {"givenName": "Maisie"}}
    await api.mutate("recordChildConsultation", {**data, "viewsConveyed": "CONSULTATION_FORM"}, "consultation { seen }", as_=world.sw_a)
    listed = await api(f'{{ conference(id: "{world.id("conf_a")}") {{ consultations {{ viewsConveyed }} }} }}', as_=world.chair_a)
    assert listed["conference"]["consultations"] == [{"viewsConveyed": "CONSULTATION_FORM"}]
    contradiction = await api.mutate("recordChildConsultation", {**data, "seen": False, "viewsConveyed": "ATTENDED"}, "consultation { seen }", as_=world.sw_a)
    assert contradiction["errors"][0]["path"] == ["input", "seen"]
    not_in_conference = await api.mutate("recordChildConsultation", {**data, "childId": world.id("child_b1")}, "consultation { seen }", as_=world.sw_a)
    assert not_in_conference["errors"][0]["code"] == "NOT_FOUND"
    by_gp = await api.mutate("recordChildConsultation", data, "consultation { seen }", as_=world.gp1_author)
    assert by_gp["errors"][0]["code"] == "FORBIDDEN"


async def test_iro_records_versioned_care_plan_views(api, world):
    data = {"proceedingsId": world.id("proceedings_a"), "childId": world.id("child_a1"), "view": "The IRO now supports a special guardianship order."}
    recorded = await api.mutate("recordCarePlanView", data, "carePlanView { version view { source } }", as_=world.chair_a)
    assert recorded["carePlanView"]["version"] == 2
    empty = await api.mutate("recordCarePlanView", {**data, "view": " "}, "carePlanView { version }", as_=world.chair_a)
    assert empty["errors"][0]["path"] == ["input", "view"]
    wrong_child = await api.mutate("recordCarePlanView", {**data, "childId": world.id("child_a2")}, "carePlanView { version }", as_=world.chair_a)
    assert wrong_child["errors"][0]["code"] == "NOT_FOUND"
    by_guardian = await api.mutate("recordCarePlanView", data, "carePlanView { version }", as_=world.guardian_1)
    assert by_guardian["errors"][0]["code"] == "FORBIDDEN"
    by_other_la = await api.mutate("recordCarePlanView", data, "carePlanView { version }", as_=world.chair_b)
    assert by_other_la["errors"][0]["code"] == "NOT_FOUND"


async def test_business_support_records_a_child_with_a_valid_nhs_number(api, world):
    data = {"laId": world.id("la_a"), "givenName": "Ivy", "familyName": "Marwood", "dateOfBirth": "2022-03-01", "nhsNumber": "943 476 5919"}
    added = await api.mutate("addChild", data, "child { givenName nhsNumber }", as_=world.bs_a)
    assert added["child"] == {"givenName": "Ivy", "nhsNumber": "9434765919"}
    again = await api.mutate("addChild", data, "child { id }", as_=world.bs_a)
    assert again["errors"][0]["code"] == "CONFLICT"


async def test_recording_a_child_refuses_bad_input(api, world, database):
    from portal.children.models import Child

    async with database.session() as session:
        before = (await session.execute(select(func.count()).select_from(Child))).scalar_one()
    base = {"laId": world.id("la_a"), "givenName": "Ivy", "familyName": "Marwood", "dateOfBirth": "2022-03-01"}
    for change, path in (
        ({"nhsNumber": "9434765918"}, ["input", "nhsNumber"]),
        ({"nhsNumber": "12345"}, ["input", "nhsNumber"]),
        ({"givenName": " "}, ["input", "givenName"]),
        ({"dateOfBirth": "2999-01-01"}, ["input", "dateOfBirth"]),
        ({"laId": world.id("la_b")}, ["input", "laId"]),
    ):
        payload = await api.mutate("addChild", {**base, **change}, "child { id }", as_=world.bs_a)
        assert payload["errors"][0]["path"] == path, change
    by_gp = await api.mutate("addChild", base, "child { id }", as_=world.gp1_author)
    assert by_gp["errors"][0]["code"] == "NOT_FOUND"
    by_social_worker = await api.mutate("addChild", base, "child { id }", as_=world.sw_a)
    assert by_social_worker["errors"][0]["code"] == "FORBIDDEN"
    async with database.session() as session:
        assert (await session.execute(select(func.count()).select_from(Child))).scalar_one() == before


async def test_only_schedulers_of_that_la_schedule_and_invite(api, world):
    schedule = {"conferenceId": world.id("conf_a"), "scheduledAt": later()}
    invite = {"conferenceId": world.id("conf_a"), "organisationId": world.id("cafcass"), "reportDueAt": later()}
    for person in ("sw_a", "gp1_author", "school_author"):
        refused = await api.mutate("scheduleConference", schedule, "conference { id }", as_=getattr(world, person))
        assert refused["errors"][0]["code"] == "FORBIDDEN", person
        refused = await api.mutate("inviteOrganisation", invite, "invitation { id }", as_=getattr(world, person))
        assert refused["errors"][0]["code"] == "FORBIDDEN", person
    for person in ("bs_b", "chair_b", "guardian_1"):
        hidden = await api.mutate("scheduleConference", schedule, "conference { id }", as_=getattr(world, person))
        assert hidden["errors"][0]["code"] == "NOT_FOUND", person
    assert (await api.mutate("scheduleConference", schedule, "conference { status }", as_=world.chair_a))["errors"] == []
