"""Withholding a section and recording sharing with the family, as GOV.UK forms run by the invited organisation only."""

import pytest

from portal.demo_identity import HEADER
from tests.support.contributions import draft

SUBMIT = "mutation($id: ID!) { submitContribution(input: {contributionId: $id}) { contribution { id status } errors { message } } }"


def as_(person: int) -> dict[str, str]:
    return {HEADER: str(person), "accept": "text/html"}


async def submitted(api, world) -> str:
    contribution = await draft(api, world)
    result = await api(SUBMIT, {"id": contribution["id"]}, as_=world.gp1_author)
    assert result["submitContribution"]["errors"] == []
    return contribution["id"]


async def test_sharing_takes_a_real_past_date_and_keeps_what_was_typed(api, world):
    await submitted(api, world)
    path = f"/reports/{world.inv_gp1}/sharing"
    empty = await api.client.get(path, headers=as_(world.gp1_author))
    assert empty.status_code == 200 and 'name="shared-on-day"' in empty.text and "Error:" not in empty.text
    impossible = await api.client.post(path, data={"shared-on-day": "31", "shared-on-month": "2", "shared-on-year": "2026"}, headers=as_(world.gp1_author))
    assert impossible.status_code == 200 and "<title>Error:" in impossible.text
    assert "must be a real date" in impossible.text and 'href="#shared-on-day"' in impossible.text and 'value="31"' in impossible.text
    partial = await api.client.post(path, data={"shared-on-day": "3", "shared-on-month": "", "shared-on-year": "2026"}, headers=as_(world.gp1_author))
    assert "must include a month" in partial.text and 'href="#shared-on-month"' in partial.text
    future = await api.client.post(path, data={"shared-on-day": "13", "shared-on-month": "10", "shared-on-year": "2026"}, headers=as_(world.gp1_author))
    assert future.status_code == 200 and "cannot be in the future" in future.text and 'href="#shared-on-day"' in future.text
    done = await api.client.post(path, data={"shared-on-day": "9", "shared-on-month": "10", "shared-on-year": "2026"}, headers=as_(world.gp1_author))
    assert done.status_code == 303 and done.headers["location"] == f"{path}?done=shared"
    shown = await api.client.get(done.headers["location"], headers=as_(world.gp1_author))
    assert "2026-10-09" in shown.text and 'value="9"' in shown.text


async def test_a_draft_cannot_be_recorded_as_shared_but_may_ask_for_withholding(api, world):
    await draft(api, world)
    asked = await api.client.post(f"/reports/{world.inv_gp1}/withholding", data={"section": "worries", "reason": "A neighbour's account."},
                                  headers=as_(world.gp1_author))
    assert asked.status_code == 303
    page = await api.client.get(f"/reports/{world.inv_gp1}/sharing", headers=as_(world.gp1_author))
    assert page.status_code == 200 and "once the report is submitted" in page.text and "<form method=\"post\" action=\"/reports" not in page.text


async def test_withholding_needs_a_section_and_a_reason_and_shows_the_chairs_decision(api, world):
    contribution_id = await submitted(api, world)
    path = f"/reports/{world.inv_gp1}/withholding"
    nothing = await api.client.post(path, data={"section": "", "reason": ""}, headers=as_(world.gp1_author))
    assert nothing.status_code == 200 and "Choose the section" in nothing.text and "Say why" in nothing.text
    no_reason = await api.client.post(path, data={"section": "parental_health", "reason": "  "}, headers=as_(world.gp1_author))
    assert no_reason.status_code == 200 and 'href="#reason"' in no_reason.text
    assert 'value="parental_health" checked' in no_reason.text
    asked = await api.client.post(path, data={"section": "parental_health", "reason": "Names the mother's new partner."}, headers=as_(world.gp1_author))
    assert asked.status_code == 303
    pending = await api.client.get(asked.headers["location"], headers=as_(world.gp1_author))
    assert "Waiting for the chair" in pending.text and "Names the mother&#39;s new partner." in pending.text
    assert 'value="parental_health"' not in pending.text  # no second request for the same section
    request_id = (await api("query($id: ID!) { contribution(id: $id) { withholdingRequests { id } } }", {"id": contribution_id},
                            as_=world.gp1_author))["contribution"]["withholdingRequests"][0]["id"]
    decided = await api.mutate("decideWithholding", {"requestId": request_id, "agree": False, "note": "The partner already knows."},
                               "withholdingRequest { id }", as_=world.chair_a)
    assert decided["errors"] == []
    after = await api.client.get(path, headers=as_(world.gp1_author))
    assert "Refused" in after.text and "The partner already knows." in after.text and 'value="parental_health"' in after.text


@pytest.mark.parametrize("person", ["gp2_author", "chair_b", "chair_a", "school_author"])
async def test_other_organisations_get_not_found_on_every_page(api, world, person):
    await submitted(api, world)
    for path in ("sharing", "withholding"):
        url = f"/reports/{world.inv_gp1}/{path}"
        page = await api.client.get(url, headers=as_(getattr(world, person)))
        posted = await api.client.post(url, data={"section": "worries", "reason": "x", "shared-on-day": "1", "shared-on-month": "10", "shared-on-year": "2026"},
                                       headers=as_(getattr(world, person)))
        assert (page.status_code, posted.status_code) == (404, 404), (person, path)
        assert "Riverside" not in page.text + posted.text
    assert (await api.client.get("/reports/nonsense/sharing", headers=as_(world.gp1_author))).status_code == 404
