"""The GraphQL-over-HTTP media type: request errors get 400 and no data; field errors keep 200."""

import pytest

SPEC = "application/graphql-response+json"
REQUEST_ERRORS = {
    "a syntax error": ("{ me { name ", None),
    "a validation error": ("{ nope }", None),
    "a variable of the wrong type": ("query($first: Int) { conferences(first: $first) { nodes { id } } }", {"first": "many"}),
    "a missing variable": ("query($id: ID!) { conference(id: $id) { id } }", {}),
}


async def _post(api, world, query, variables, accept):
    return await api.client.post(
        "/graphql", json={"query": query, "variables": variables}, headers={"accept": accept, "x-portal-demo-person": str(world.chair_a)}
    )


@pytest.mark.parametrize("name", REQUEST_ERRORS)
async def test_request_errors_are_400_without_data_in_the_spec_media_type(api, world, name):
    response = await _post(api, world, *REQUEST_ERRORS[name], SPEC)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(SPEC)
    body = response.json()
    assert "data" not in body and body["errors"][0]["message"]


@pytest.mark.parametrize("name", REQUEST_ERRORS)
async def test_plain_json_clients_keep_200(api, world, name):
    response = await _post(api, world, *REQUEST_ERRORS[name], "application/json")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    assert response.json()["data"] is None


async def test_answers_and_field_errors_are_200_in_the_spec_media_type(api, world):
    answer = await _post(api, world, "{ me { name } }", None, f"{SPEC}, application/json")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(SPEC)
    assert answer.json() == {"data": {"me": {"name": "Chair A"}}}
    field_error = await _post(api, world, '{ conferences(first: 1000) { nodes { id } } }', None, SPEC)
    assert field_error.status_code == 200 and "data" in field_error.json() and field_error.json()["errors"]
