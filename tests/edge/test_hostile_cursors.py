"""A cursor the API never gave out, however long or strange, is a plain error on every connection."""

import base64

import pytest


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


CURSORS = [
    "bogus", "", "====", _b64("o:-1"), _b64("o:"), _b64("x:3"), _b64("o:٣"), _b64("o:2147483648"), _b64("o:9223372036854775808"),
    _b64("o:" + "9" * 30), _b64("o:" + "9" * 5000), "A" * 200_000, _b64("o:1") + "é", base64.urlsafe_b64encode(b"\xff\xfe").decode(),
]
FIELDS = ["organisations", "myInvitations", "conferences", "careProceedings", "auditRounds"]


@pytest.mark.parametrize("cursor", CURSORS, ids=lambda c: c[:24])
async def test_a_cursor_not_given_out_is_a_plain_error(api, world, cursor):
    for field in FIELDS:
        response = await api.raw(f"query($after: String) {{ {field}(after: $after) {{ nodes {{ __typename }} }} }}", {"after": cursor}, as_=world.chair_a)
        errors = response.json()["errors"]
        assert [e["message"] for e in errors] == ["The 'after' cursor is not one this API gave out."], (field, errors)


async def test_a_cursor_given_out_still_works(api, world):
    first = await api('{ conferences(first: 1) { pageInfo { endCursor } } }', as_=world.chair_a)
    cursor = first["conferences"]["pageInfo"]["endCursor"]
    assert await api("query($after: String) { conferences(first: 1, after: $after) { nodes { id } } }", {"after": cursor}, as_=world.chair_a)
