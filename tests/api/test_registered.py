"""The portal's own operations are parsed and validated once; any other document, a changed one too, on each request, with its limits."""

from portal.api.registered import _parse, _validate
from portal.demo_identity import HEADER
from portal.edge.operations import documents

UPCOMING = documents()["ChairUpcoming"]


def calls() -> tuple[int, int]:
    parsed, validated = _parse.cache_info(), _validate.cache_info()
    return parsed.hits + parsed.misses, validated.hits + validated.misses


async def post(api, world, query: str) -> dict:
    response = await api.client.post("/graphql", json={"query": query, "operationName": "ChairUpcoming", "variables": {"first": 5}}, headers={HEADER: str(world.chair_a)})
    assert response.status_code == 200
    return response.json()


async def test_a_registered_operation_is_parsed_and_validated_on_its_first_request_only(api, world):
    before = calls()
    first = await post(api, world, UPCOMING)
    assert "errors" not in first
    assert calls() == (before[0] + 1, before[1] + 1)
    for _ in range(3):
        assert await post(api, world, UPCOMING) == first
    assert calls() == (before[0] + 1, before[1] + 1)


async def test_a_changed_document_is_parsed_and_validated_on_each_request_and_still_limited(api, world):
    await post(api, world, UPCOMING)
    changed = UPCOMING.replace("kind\n", "nope\n")
    before = calls()
    for _ in range(2):
        assert "Cannot query field 'nope'" in (await post(api, world, changed))["errors"][0]["message"]
    assert calls() == (before[0] + 2, before[1] + 2)
    aliased = UPCOMING.replace("kind\n", " ".join(f"k{i}: kind" for i in range(20)) + "\n")
    deep = UPCOMING.replace("kind\n", "kind " + "invitations { conference { " * 6 + "id" + " } }" * 6 + "\n")
    for _ in range(2):
        assert "aliases" in (await post(api, world, aliased))["errors"][0]["message"].lower()
        assert "exceeds maximum operation depth" in (await post(api, world, deep))["errors"][0]["message"]
