"""Any text at all, saved as a section of a report, is either saved and shown or refused with a
typed user error; never an unexpected error, never a later read that breaks."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.contributions import SELECTION

SPECIAL = st.sampled_from(["\x00", "\ud800", "\udbff", "\udc00", "\udfff", "\u202e", "\u2066", "\u200b", "\ufeff", "![x](https://evil.example/t.gif)", "\r\n", "**"])
PIECE = st.one_of(st.characters(exclude_categories=()), SPECIAL)


def _text(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.lists(PIECE, min_size=min_size, max_size=max_size).map("".join)


TEXT = st.one_of(_text(0, 200), st.builds(lambda piece, times: piece * times, _text(1, 8), st.integers(1, 40_000)))
READ = '{{ contribution(id: "{0}") {{ sections {{ id text {{ source html }} }} }} }}'


def _unencodable(text: str) -> bool:
    return "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text)


async def _post(api, person: int, query: str, variables: dict) -> dict:
    response = await api.client.post(
        "/graphql", content=json.dumps({"query": query, "variables": variables}),
        headers={"content-type": "application/json", "x-portal-demo-person": str(person)},
    )
    assert response.status_code == 200, response.text[:500]
    body = response.json()
    assert "errors" not in body, body["errors"][:3]
    return body["data"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(worries=TEXT, section_id=st.one_of(st.just("worries"), TEXT))
async def test_any_text_is_saved_and_shown_or_refused_with_a_user_error(api, world, worries, section_id):
    query = f"mutation($input: SaveDraftInput!) {{ saveDraft(input: $input) {{ {SELECTION} errors {{ path message code }} }} }}"
    saved = (await _post(api, world.gp1_author, query, {"input": {"invitationId": world.id("inv_gp1"), "sections": [{"sectionId": section_id, "text": worries}]}}))["saveDraft"]
    if saved["errors"]:
        assert saved["contribution"] is None
        assert {e["code"] for e in saved["errors"]} <= {"INVALID", "CONFLICT"} and all(e["message"] for e in saved["errors"])
        return
    contribution_id = saved["contribution"]["id"]
    again = await _post(api, world.gp1_author, READ.format(contribution_id), {})
    for section in again["contribution"]["sections"]:
        assert not _unencodable(section["text"]["source"]) and not _unencodable(section["text"]["html"])
        assert "<img" not in section["text"]["html"] and "\u202e" not in section["text"]["html"]
