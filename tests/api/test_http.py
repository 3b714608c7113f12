"""The HTTP edge: refusals without identity, malformed and abusive queries, health, GraphiQL only in demo."""

import httpx

from portal.api.registered import _validate
from portal.app import create_app
from portal.settings import Settings
from tests.support.api import Api


async def test_outside_demo_mode_requests_without_identity_are_refused(database, world):
    app = create_app(Settings(database_url=database.url, demo=False), database=database)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal.test") as client:
        anonymous = await client.post("/graphql", json={"query": "{ me { name } }"})
        pretending = await client.post("/graphql", json={"query": "{ me { name } }"}, headers={"x-portal-demo-person": str(world.chair_a)})
        ide = await client.get("/graphql", headers={"accept": "text/html"})
        health = await client.get("/healthz")
        act_as = await client.post("/demo/act-as", data={"person": str(world.chair_a)})
    assert anonymous.status_code == pretending.status_code == ide.status_code == 401
    assert "chair" not in pretending.text.lower()
    assert health.json() == {"status": "ok"}
    assert act_as.status_code == 404


async def test_demo_mode_lists_people_and_acting_as_one_sets_the_identity(api, world):
    home = await api.client.get("/")
    assert "Chair A" in home.text and "Gp1 Author" in home.text
    chosen = await api.client.post("/demo/act-as", data={"person": str(world.gp1_author)})
    assert chosen.status_code == 303 and chosen.headers["location"] == "/"
    me = await api.client.post("/graphql", json={"query": "{ me { name } }"})
    assert me.json() == {"data": {"me": {"name": "Gp1 Author"}}}
    ide = await api.client.get("/graphql", headers={"accept": "text/html"})
    assert ide.status_code == 200 and "graphiql" in ide.text.lower()


async def test_unknown_demo_person_is_refused(api):
    response = await api.raw("{ me { name } }", as_=987654)
    assert response.status_code == 401


async def errors_of(api, world, query: str, variables=None) -> list[str]:
    response = await api.raw(query, variables, as_=world.chair_a)
    body = response.json()
    assert "Traceback" not in response.text and "File \"" not in response.text
    return [e["message"] for e in body.get("errors", [])]


async def test_malformed_queries_get_a_clear_error(api, world):
    assert any("Syntax Error" in m for m in await errors_of(api, world, "{ me { name "))
    assert any("Cannot query field 'nope'" in m for m in await errors_of(api, world, "{ nope }"))
    assert any("Int cannot represent" in m or "Expected value of type" in m for m in await errors_of(api, world, '{ conferences(first: "x") { nodes { id } } }'))


async def test_over_deep_over_wide_and_over_long_queries_are_refused(api, world):
    deep = "{ conferences { nodes " + "{ invitations { conference " * 6 + "{ id }" + " } }" * 6 + " } }"
    assert any("exceeds maximum operation depth" in m for m in await errors_of(api, world, deep))
    wide = "{ " + " ".join(f"a{i}: me {{ name }}" for i in range(40)) + " }"
    assert any("aliases" in m.lower() for m in await errors_of(api, world, wide))
    long = "{ me { " + " ".join(["name"] * 3000) + " } }"
    assert any("token" in m.lower() for m in await errors_of(api, world, long))


async def test_a_document_asked_again_is_not_validated_again_and_its_limits_still_hold(api, world):
    validated = _validate
    query = "{ conferences(first: 3) { nodes { id kind } } }"
    await api(query, as_=world.chair_a)
    misses = validated.cache_info().misses
    await api(query, as_=world.chair_a)
    assert validated.cache_info().misses == misses
    wide = "{ " + " ".join(f"a{i}: me {{ name }}" for i in range(40)) + " }"
    for _ in range(2):
        assert any("aliases" in m.lower() for m in await errors_of(api, world, wide))


async def test_page_sizes_and_cursors_are_checked(api, world):
    assert any("between 1 and 100" in m for m in await errors_of(api, world, "{ conferences(first: 1000) { nodes { id } } }"))
    assert any("cursor" in m for m in await errors_of(api, world, '{ conferences(after: "bogus") { nodes { id } } }'))


async def test_pages_follow_their_cursors(api, world, database):
    from tests.support.seeding import seed_conferences

    await seed_conferences(database, world, 7)
    seen: list[str] = []
    after = None
    while True:
        data = await api("query($after: String) { conferences(first: 3, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }", {"after": after}, as_=world.chair_a)
        page = data["conferences"]
        seen += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == 8


async def test_unexpected_failures_are_masked(database, world, monkeypatch):
    from portal.api.children import queries

    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(queries, "child_conferences", boom)
    async with Api.running(database) as api:
        response = await api.raw(f'{{ child(id: "{world.id("child_a1")}") {{ conferences {{ id }} }} }}', as_=world.chair_a)
    assert "secret internal detail" not in response.text
    assert response.json()["errors"][0]["message"] == "Unexpected error."
