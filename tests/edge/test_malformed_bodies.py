"""Malformed request bodies get 400 and a plain message, never a 500."""

import json

import pytest

from tests.support import pdfs

QUERY = '{"query": "mutation($f: Upload!) { uploadReport(input: {invitationId: \\"1\\", file: $f}) { errors { message } } }", "variables": {"f": null}}'
JSON_BODIES = {
    "a number": b"1",
    "a string": b'"query"',
    "a list": b"[]",
    "null": b"null",
    "invalid UTF-8": b'{"query": "{ me { name } }\xff"}',
    "not JSON": b"{query",
}
MULTIPART = {
    "map not an object": {"operations": QUERY, "map": "[1]"},
    "map paths not a list": {"operations": QUERY, "map": '{"0": "variables.f"}'},
    "operations not an object": {"operations": "1", "map": '{"0": ["variables.f"]}'},
    "operations a list": {"operations": "[1]", "map": '{"0": ["variables.f"]}'},
    "a path into a non-list": {"operations": QUERY.replace("null", "3"), "map": '{"0": ["variables.f.0"]}'},
    "a path into a string": {"operations": '{"query": "x", "variables": {"f": "abc"}}', "map": '{"0": ["variables.f.x"]}'},
    "a path to nothing": {"operations": QUERY, "map": '{"0": ["variables.g.h"]}'},
    "no map": {"operations": QUERY},
    "no operations": {"map": '{"0": ["variables.f"]}'},
    "invalid UTF-8 operations": {"operations": b'{"query": "\xff"}', "map": '{"0": ["variables.f"]}'},
    "a map naming no file": {"operations": QUERY, "map": '{"9": ["variables.f"]}'},
}


def _plain(response) -> None:
    assert response.status_code == 400, response.text
    assert "Traceback" not in response.text and "Internal Server Error" not in response.text and response.text.strip()


@pytest.mark.parametrize("name", JSON_BODIES)
async def test_a_json_body_that_is_not_a_request_is_refused(api, world, name):
    response = await api.client.post(
        "/graphql", content=JSON_BODIES[name], headers={"content-type": "application/json", "x-portal-demo-person": str(world.gp1_author)}
    )
    _plain(response)


@pytest.mark.parametrize("name", MULTIPART)
async def test_a_multipart_request_that_does_not_follow_the_spec_is_refused(api, world, name):
    fields = {k: (None, v) for k, v in MULTIPART[name].items()}
    response = await api.client.post(
        "/graphql", files={**fields, "0": ("letter.pdf", pdfs.letter().data, "application/pdf")}, headers={"x-portal-demo-person": str(world.gp1_author)}
    )
    _plain(response)


async def test_the_upload_form_refuses_a_broken_multipart_body(api, world):
    response = await api.client.post(
        f"/invitations/{world.inv_gp1}/upload", content=b"--x\r\nnot a header\r\n\r\n",
        headers={"content-type": "multipart/form-data; boundary=x", "x-portal-demo-person": str(world.gp1_author)},
    )
    _plain(response)


async def test_a_well_formed_upload_still_works(api, world):
    query = json.loads(QUERY)["query"].replace('"1"', f'"{world.inv_gp1}"')
    operations = json.dumps({"query": query, "variables": {"f": None}})
    response = await api.client.post(
        "/graphql", files={"operations": (None, operations), "map": (None, '{"0": ["variables.f"]}'), "0": ("letter.pdf", pdfs.letter().data, "application/pdf")},
        headers={"x-portal-demo-person": str(world.gp1_author)},
    )
    assert response.status_code == 200 and response.json()["data"]["uploadReport"]["errors"] == []
