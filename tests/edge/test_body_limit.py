"""The body-size limit counts the bytes that arrive, whatever the request declares."""

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.support.api import Api

MB = 1024 * 1024


FILE_PART = b'--x\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n'


class Body:
    """A multipart file sent in chunks with no Content-Length (chunked), counting what the app read."""

    def __init__(self, size: int, chunk: int = 64 * 1024) -> None:
        self.size, self.chunk, self.sent = size, chunk, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield FILE_PART
        while self.sent < self.size:
            self.sent += self.chunk
            yield b"0" * self.chunk


@pytest.mark.parametrize("path", ["/graphql", "/invitations/1/upload"])
async def test_a_60_mb_chunked_body_is_refused_once_the_limit_has_arrived(database, world, path):
    body = Body(60 * MB)
    async with Api.running(database, ingest_max_bytes=MB) as api:
        response = await api.client.post(
            path, content=body, headers={"content-type": "multipart/form-data; boundary=x", "x-portal-demo-person": str(world.gp1_author)}
        )
    assert response.status_code == 413
    assert "1 MB" in response.json()["errors"][0]["message"]
    assert body.sent <= 3 * MB


async def test_a_declared_length_over_the_limit_is_refused_before_reading(database, world):
    async with Api.running(database, ingest_max_bytes=MB) as api:
        request = api.client.build_request("POST", "/graphql", content=b"{}", headers={"content-type": "application/json"})
        request.headers["content-length"] = str(5 * MB)
        response = await api.client.send(request)
    assert response.status_code == 413


async def test_bodies_under_the_limit_are_answered(api, world):
    response = await api.client.post("/graphql", json={"query": "{ me { name } }", "pad": "x" * 100_000}, headers={"x-portal-demo-person": str(world.chair_a)})
    assert response.json() == {"data": {"me": {"name": "Chair A"}}}


def test_chunked_bodies_carry_no_length():
    request = httpx.Request("POST", "http://portal.test/", content=Body(10))
    assert "content-length" not in request.headers and request.headers["transfer-encoding"] == "chunked"
