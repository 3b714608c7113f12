"""Liveness asks nothing of the database; readiness does, and says 503 when it does not answer."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from portal.app import create_app
from portal.settings import Settings


@asynccontextmanager
async def client(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(database_url=database_url))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal.test") as c:
        yield c
    await app.state.database.dispose()


async def test_ready_and_live_with_the_database(database_url):
    async with client(database_url) as c:
        for path in ("/healthz", "/healthz/ready", "/healthz/live"):
            answer = await c.get(path)
            assert (answer.status_code, answer.json()) == (200, {"status": "ok"}), path


async def test_without_the_database_the_process_is_live_but_not_ready(tmp_path):
    async with client(f"sqlite:///{tmp_path / 'no such folder' / 'portal.db'}") as c:
        assert (await c.get("/healthz/live")).status_code == 200
        for path in ("/healthz", "/healthz/ready"):
            answer = await c.get(path)
            assert (answer.status_code, answer.json()) == (503, {"status": "unavailable", "database": "unreachable"}), path
