"""PostgreSQL restarted while the portal serves: requests fail cleanly (503, a message, Retry-After) while it
is down and succeed again once it is back, without restarting the portal; an open readiness subscription
gets the conference's state afresh once the process's listener has connected again by itself (changes made
while nobody listened were not heard) and hears later changes on the same WebSocket. The cluster is the
tests' own; they share it and one served process, since starting those is most of their time."""

import asyncio
import time
from collections.abc import Iterator

import httpx
import pytest

from portal.demo_identity import HEADER
from portal.migrate import upgrade
from tests.support import own_postgres
from tests.support.readiness_watch import SUBSCRIPTION, check, consult, seeded_world
from tests.support.servers import Served, portal_process
from tests.support.world import World
from tests.support.wsclient import subscribe

CONFERENCES = "{ conferences(first: 5) { nodes { id } } }"
pytestmark = pytest.mark.skipif(not own_postgres.available(), reason="PostgreSQL's initdb and pg_ctl are not installed")


@pytest.fixture(scope="module")
def restartable() -> Iterator[tuple[own_postgres.Cluster, Served, World]]:
    with own_postgres.own_postgres() as cluster:
        upgrade(cluster.url)
        world = asyncio.run(seeded_world(cluster.url))
        with portal_process(cluster.url) as served:
            yield cluster, served, world


def ask(base: str, chair: int) -> list[httpx.Response]:
    """One of each kind: the API, a page, and the readiness probe."""
    with httpx.Client(base_url=base, timeout=30) as client:
        return [client.post("/graphql", json={"query": CONFERENCES}, headers={HEADER: str(chair)}),
                client.get("/chair/conferences", headers={HEADER: str(chair), "accept": "text/html"}),
                client.get("/healthz/ready")]


def test_requests_answer_503_while_postgresql_is_down_and_succeed_once_it_is_back(restartable):
    cluster, served, world = restartable
    chair = world.chair_a
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


async def watch_through_restart(cluster: own_postgres.Cluster, base: str, world: World) -> tuple[dict, dict, dict]:
    connection, subscription = await subscribe(base, world.chair_a, SUBSCRIPTION, {"id": world.id("conf_a")})
    try:
        before = check(await subscription.next(), "children_consulted")
        await asyncio.to_thread(cluster.stop, "fast")
        await asyncio.to_thread(cluster.start)
        afresh = check(await subscription.next(timeout=30), "children_consulted")
        await consult(base, world, "child_a1")
        after = check(await subscription.next(), "children_consulted")
        return before, afresh, after
    finally:
        await connection.close()


def test_an_open_subscription_gets_fresh_readiness_after_postgresql_restarts_and_hears_later_changes(restartable):
    cluster, served, world = restartable
    before, afresh, after = asyncio.run(watch_through_restart(cluster, served.base, world))
    log = served.log.read_text()
    assert before["status"] == afresh["status"] == "AT_RISK" and world.id("child_a1") in afresh["explanation"]
    assert after["status"] == "AT_RISK" and world.id("child_a1") not in after["explanation"]
    assert world.id("child_a2") in after["explanation"]
    assert "listening for conference changes again" in log, log[-3000:]
    assert "Traceback" not in log, log[-3000:]
