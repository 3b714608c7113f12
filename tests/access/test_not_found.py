"""No answer tells whether another council's or organisation's record exists: for every operation that
takes an id, naming someone else's existing record gives the same answer as naming an id that was never used."""

import pytest

from tests.support.contributions import REQUIRED_GP, draft

MISSING = "987654"


@pytest.fixture
async def records(api, world):
    """A submitted GP contribution in the first LA with a pending withholding request on one section."""
    saved = await draft(api, world, REQUIRED_GP)
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    asked = await api.mutate(
        "requestWithholding", {"contributionId": saved["id"], "sectionId": "parental_health", "reason": "Third party's health."},
        "withholdingRequest { id }", as_=world.gp1_author,
    )
    return {"contribution": saved["id"], "request": asked["withholdingRequest"]["id"]}


def mutations(world, records) -> list[tuple[str, str, str, dict]]:
    """(person, mutation, the id field, the rest of its input): each person is outside the record's LA or organisation."""
    when = "2026-12-18T10:00:00+00:00"
    return [
        ("chair_b", "scheduleConference", "conferenceId", {"conferenceId": world.id("conf_a"), "scheduledAt": when}),
        ("chair_b", "recordConferenceHeld", "conferenceId", {"conferenceId": world.id("conf_a"), "heldOn": "2026-10-01"}),
        ("chair_b", "inviteOrganisation", "conferenceId", {"conferenceId": world.id("conf_a"), "organisationId": world.id("school")}),
        ("chair_b", "createConference", "laId", {"laId": world.id("la_a"), "kind": "RCPC", "childIds": [world.id("child_a1")]}),
        ("chair_b", "createConference", "childIds", {"laId": world.id("la_b"), "kind": "RCPC", "childIds": [world.id("child_a1")]}),
        ("chair_b", "createConference", "previousConferenceId",
         {"laId": world.id("la_b"), "kind": "RCPC", "childIds": [world.id("child_b1")], "previousConferenceId": world.id("conf_a")}),
        ("bs_b", "addChild", "laId", {"laId": world.id("la_a"), "givenName": "Ada", "familyName": "Lane", "dateOfBirth": "2020-01-01"}),
        ("gp2_author", "saveDraft", "invitationId", {"invitationId": world.id("inv_gp1"), "sections": []}),
        ("chair_b", "submitContribution", "contributionId", {"contributionId": records["contribution"]}),
        ("gp2_author", "submitContribution", "contributionId", {"contributionId": records["contribution"]}),
        ("chair_b", "amendContribution", "contributionId", {"contributionId": records["contribution"], "reason": "x"}),
        ("chair_b", "withdrawContribution", "contributionId", {"contributionId": records["contribution"], "reason": "x"}),
        ("chair_b", "recordSharedWithFamily", "contributionId", {"contributionId": records["contribution"], "sharedOn": "2026-10-01"}),
        ("chair_b", "requestWithholding", "contributionId", {"contributionId": records["contribution"], "sectionId": "worries", "reason": "x"}),
        ("chair_b", "decideWithholding", "requestId", {"requestId": records["request"], "agree": True}),
        ("school_author", "decideWithholding", "requestId", {"requestId": records["request"], "agree": True}),
        ("chair_b", "recordChildConsultation", "conferenceId",
         {"conferenceId": world.id("conf_a"), "childId": world.id("child_a1"), "seen": True, "viewsConveyed": "ATTENDED"}),
        ("chair_b", "recordChildConsultation", "childId",
         {"conferenceId": world.id("conf_b"), "childId": world.id("child_a1"), "seen": True, "viewsConveyed": "ATTENDED"}),
        ("chair_b", "recordCarePlanView", "proceedingsId",
         {"proceedingsId": world.id("proceedings_a"), "childId": world.id("child_a1"), "view": "A view."}),
    ]


def _with_missing(value, field: str, input: dict) -> dict:
    missing = [MISSING] if isinstance(input[field], list) else MISSING
    return {**input, field: missing}


async def test_mutations_answer_the_same_for_anothers_record_and_a_missing_id(api, world, records):
    for person, name, field, input in mutations(world, records):
        existing = await api.mutate(name, input, "__typename", as_=getattr(world, person))
        missing = await api.mutate(name, _with_missing(MISSING, field, input), "__typename", as_=getattr(world, person))
        assert existing["errors"], (person, name, field)
        assert existing["errors"][0]["code"] == "NOT_FOUND", (person, name, field, existing)
        assert existing == missing, (person, name, field)


async def test_queries_answer_the_same_for_anothers_record_and_a_missing_id(api, world, records):
    queries = [
        ("chair_b", "conference", world.id("conf_a")), ("gp2_author", "conference", world.id("conf_a")),
        ("chair_b", "invitation", world.id("inv_gp1")), ("gp2_author", "invitation", world.id("inv_gp1")),
        ("chair_b", "contribution", records["contribution"]), ("gp2_author", "contribution", records["contribution"]),
        ("chair_b", "child", world.id("child_a1")), ("guardian_2", "child", world.id("child_a1")),
        ("chair_b", "auditRound", MISSING),
    ]
    for person, field, existing_id in queries:
        query = "query($id: ID!) { found: %s(id: $id) { __typename } }" % field
        existing = await api.raw(query, {"id": existing_id}, as_=getattr(world, person))
        missing = await api.raw(query, {"id": MISSING}, as_=getattr(world, person))
        assert existing.json() == missing.json() == {"data": {"found": None}}, (person, field)


async def test_the_invitation_page_answers_the_same_for_anothers_invitation_and_a_missing_id(api, world):
    headers = {"x-portal-demo-person": str(world.gp2_author)}
    existing = await api.client.get(f"/invitations/{world.id('inv_gp1')}", headers=headers)
    missing = await api.client.get(f"/invitations/{MISSING}", headers=headers)
    assert existing.status_code == missing.status_code == 404
    assert existing.text == missing.text
