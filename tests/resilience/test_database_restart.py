"""PostgreSQL restarted while the portal serves: requests fail cleanly (503, a message, Retry-After) while it
is down and succeed again once it is back, without restarting the portal. The cluster is the test's own."""

import asyncio
import time

import httpx
import pytest

from portal.db import Database
from portal.demo_identity import HEADER
from portal.migrate import upgrade
from tests.support import own_postgres
from tests.support.servers import portal_process
from tests.support.world import build_world

CONFERENCES = "{ conferences(first: 5) { nodes { id } } }"
pytestmark = pytest.mark.skipif(not own_postgres.available(), reason="PostgreSQL's initdb and pg_ctl are not installed")


def ask(base: str, chair: int) -> list[httpx.Response]:
    """One of each kind: the API, a page, and the readiness probe."""
    with httpx.Client(base_url=base, timeout=30) as client:
        return [client.post("/graphql", json={"query": CONFERENCES}, headers={HEADER: str(chair)}),
                client.get("/chair/conferences", headers={HEADER: str(chair), "accept": "text/html"}),
                client.get("/healthz/ready")]


def test_requests_answer_503_while_postgresql_is_down_and_succeed_once_it_is_back():
    with own_postgres.own_postgres() as cluster:
        upgrade(cluster.url)

        async def seed() -> int:
            database = Database(cluster.url)
            async with database.session() as session:
                world = await build_world(session)
            await database.dispose()
            return world.chair_a

        chair = asyncio.run(seed())
        with portal_process(cluster.url) as served:
            assert [r.status_code for r in ask(served.base, chair)] == [200, 200, 200]
            cluster.stop("fast")
            down = ask(served.base, chair) + ask(served.base, chair)
            live = httpx.get(f"{served.base}/healthz/live", timeout=10)
            cluster.start()
            deadline = time.monotonic() + 30
            while (answers := ask(served.base, chair)) and any(a.status_code != 200 for a in answers) and time.monotonic() < deadline:
                time.sleep(0.5)
            back = [ask(served.base, chair) for _ in range(3)]
            log = served.log.read_text()
    assert live.status_code == 200
    assert [r.status_code for r in down] == [503] * 6, [(r.status_code, r.text[:300]) for r in down]
    api, page, ready = down[:3]
    assert api.json()["errors"][0]["message"] == "The portal cannot reach its database just now. Nothing was changed; try again in a minute."
    assert api.json()["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
    assert "cannot reach its database" in page.text and "<html" in page.text
    assert all(r.headers["retry-after"] == "30" for r in (api, page))
    assert ready.json() == {"status": "unavailable", "database": "unreachable"}
    assert [r.status_code for answers in back for r in answers] == [200] * 9
    assert "Traceback" not in log, log[-3000:]
