"""Queries that would cost too much are refused before they run, with a plain error; responses
larger than the ceiling are replaced by one plain error; the portal's own operations fit."""

import pytest

from graphql import parse
from portal.api.cost import document_costs
from portal.api.schema import build_schema
from portal.settings import ROOT, Settings
from tests.support.api import Api

SETTINGS = Settings()
SCHEMA = build_schema(SETTINGS)._schema
DEEP = "conferences(first: 100) { nodes { invitations { contribution { versions { sections { text { html } } } } } } }"
EXPENSIVE = {
    "nested lists under a full page": "{ " + DEEP + " }",
    "aliases of a full page": "{ " + " ".join(f"a{i}: conferences(first: 100) {{ nodes {{ invitations {{ contribution {{ sections {{ text {{ html source }} }} }} }} }} }}" for i in range(15)) + " }",
    "a page size in a variable": "query($n: Int) { conferences(first: $n) { nodes { invitations { contribution { versions { sections { text { html } } } } } } } }",
    "a fragment repeated": "fragment F on Contribution { versions { sections { text { html } } } sections { text { html } } } "
    "{ myInvitations(first: 100) { nodes { contribution { ...F } conference { invitations { contribution { ...F } } } } } }",
}


@pytest.mark.parametrize("name", EXPENSIVE)
async def test_an_expensive_query_is_refused_before_it_runs(api, world, name):
    response = await api.client.post(
        "/graphql", json={"query": EXPENSIVE[name], "variables": {"n": 100}},
        headers={"x-portal-demo-person": str(world.chair_a), "accept": "application/graphql-response+json"},
    )
    body = response.json()
    assert response.status_code == 400 and "data" not in body, body
    (error,) = body["errors"]
    assert error["message"].startswith("This query asks for too much at once") and f"the limit is {SETTINGS.max_query_cost:,}" in error["message"]


async def test_the_chairs_dashboard_query_is_still_answered(api, world):
    query = (ROOT / "graphql" / "operations" / "ChairUpcoming.graphql").read_text()
    data = await api(query, {"first": 100}, as_=world.chair_a)
    assert data["conferences"]["nodes"]


def test_every_named_operation_costs_less_than_the_limit_even_at_the_largest_page():
    documents = sorted((ROOT / "graphql" / "operations").glob("*.graphql"))
    costs = {}
    for document in documents:
        parsed = parse(document.read_text())
        costs |= document_costs(SCHEMA, parsed, {"first": SETTINGS.page_size_max}, SETTINGS.page_size_max)
    assert len(costs) >= 30 and "ChairUpcoming" in costs and "AuditRoundItems" in costs
    over = {name: cost for name, cost in costs.items() if cost > SETTINGS.max_query_cost}
    assert over == {}


def test_the_estimate_counts_pages_lists_and_rendering():
    costs = document_costs(SCHEMA, parse("{ conferences(first: 7) { nodes { id children { id } } } }"), {}, 100)
    assert costs == {None: 1 + 7 * (1 + 1 + (1 + 10 * 1))}
    html = document_costs(SCHEMA, parse('{ contribution(id: "1") { sections { text { html } } } }'), {}, 100)
    assert html == {None: 1 + (1 + 10 * (1 + 10))}


async def test_a_response_over_the_ceiling_is_one_plain_error(database, world):
    async with Api.running(database, max_response_bytes=200) as small:
        response = await small.raw("{ conferences(first: 100) { nodes { id kind status scheduledAt children { id givenName familyName } } } }", as_=world.chair_a)
        assert response.status_code == 200
        assert response.json() == {"errors": [{"message": "The response would be larger than the limit of 200 bytes, so none of it is sent. Ask for fewer items per page, or fewer fields."}]}
        assert len(response.content) < 200
        assert (await small("{ me { name } }", as_=world.chair_a)) == {"me": {"name": "Chair A"}}  # a small answer is untouched
