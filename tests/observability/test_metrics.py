"""/metrics: off by default, then only for the configured token or from loopback; the counters move."""

import re
from datetime import timedelta

import httpx
import pytest

from portal.app import create_app
from portal.demo_identity import HEADER as DEMO_PERSON
from portal.identity.events import Event, record
from portal.reminders.models import OutboxStatus, ReminderOutbox
from portal.settings import Settings

TOKEN = "scrape-token-for-tests"


def client(database, client_address: str = "127.0.0.1", **settings) -> httpx.AsyncClient:
    app = create_app(Settings(database_url=database.url, demo=True, **settings), database=database)
    transport = httpx.ASGITransport(app=app, client=(client_address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://portal.test")


def sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text, 0 when absent."""
    for line in text.splitlines():
        found = re.fullmatch(r"(\w+)(?:\{(.*)\})? (\S+)", line)
        if found and found[1] == name and dict(re.findall(r'(\w+)="([^"]*)"', found[2] or "")) == labels:
            return float(found[3])
    return 0.0


async def test_metrics_are_refused_while_off(database):
    async with client(database) as c:
        assert (await c.get("/metrics")).status_code == 404


@pytest.mark.parametrize("address,configured,sent,status", [
    ("127.0.0.1", None, None, 200), ("::1", None, None, 200), ("203.0.113.9", None, None, 404),
    ("203.0.113.9", TOKEN, TOKEN, 200), ("127.0.0.1", TOKEN, "wrong", 404), ("127.0.0.1", TOKEN, None, 404),
])
async def test_with_a_token_only_it_opens_metrics_and_without_one_only_loopback(database, address, configured, sent, status):
    async with client(database, address, metrics=True, metrics_token=configured) as c:
        headers = {"Authorization": f"Bearer {sent}"} if sent else {}
        assert (await c.get("/metrics", headers=headers)).status_code == status


async def test_counters_move_after_requests(database, world):
    async with client(database, metrics=True) as c:
        before = (await c.get("/metrics")).text
        await c.get("/healthz/live")
        await c.get(f"/reports/{world.id('inv_gp1')}", headers={DEMO_PERSON: str(world.gp1_author)})
        await c.post("/graphql", json={"query": "query Nope { nothing }"}, headers={DEMO_PERSON: str(world.gp1_author)})
        after = (await c.get("/metrics")).text
    moved = lambda name, **labels: sample(after, name, **labels) - sample(before, name, **labels)  # noqa: E731
    assert moved("portal_http_requests_total", method="GET", route="/healthz/live", status="200") == 1
    assert moved("portal_http_requests_total", method="GET", route="/reports/{invitation}", status="200") == 1
    assert moved("portal_http_request_duration_seconds_count", method="GET", route="/reports/{invitation}") == 1
    assert moved("portal_graphql_operations_total", operation="WriteReportPage") == 1
    assert moved("portal_graphql_operation_duration_seconds_count", operation="WriteReportPage") == 1
    assert moved("portal_graphql_errors_total", operation="other", code="REQUEST") == 1
    assert sample(after, "portal_db_connections", state="open") >= 1
    for name in ("portal_reminder_outbox_due", "portal_reminder_oldest_due_age_seconds", "portal_ingest_refused_busy_total"):
        assert re.search(rf"^{name} ", after, re.M), name
    assert "/reports/" + world.id("inv_gp1") not in after  # routes by template only


async def test_the_outbox_is_read_at_each_scrape(database, world, frozen):
    now = frozen.now()
    rows = [("due-old", OutboxStatus.PENDING, now - timedelta(minutes=10), 2), ("due-new", OutboxStatus.PENDING, now - timedelta(minutes=1), 0),
            ("later", OutboxStatus.PENDING, now + timedelta(days=1), 0), ("lease-ran-out", OutboxStatus.SENDING, now - timedelta(minutes=5), 1),
            ("given-up", OutboxStatus.FAILED, now - timedelta(days=1), 8), ("done", OutboxStatus.SENT, now - timedelta(days=2), 1)]
    async with database.session() as session:
        session.add_all(ReminderOutbox(key=key, kind="BEFORE_DUE", recipient="gp@example.org", conference_id=world.conf_a, send_at=at, status=status,
                                       attempts=attempts, claimed_until=now - timedelta(seconds=1) if status == OutboxStatus.SENDING else None)
                        for key, status, at, attempts in rows)
        await session.commit()
    async with client(database, metrics=True) as c:
        text = (await c.get("/metrics")).text
    assert [sample(text, "portal_reminder_outbox_rows", status=s) for s in ("PENDING", "SENDING", "FAILED")] == [3, 1, 1]
    assert sample(text, "portal_reminder_outbox_due") == 3  # two pending whose time has come, one whose worker's lease ran out
    assert sample(text, "portal_reminder_outbox_retrying") == 1
    assert sample(text, "portal_reminder_oldest_due_age_seconds") == 600


async def test_refused_sign_ins_are_counted_by_reason(database):
    async with client(database, metrics=True) as c:
        before = (await c.get("/metrics")).text
        async with database.session() as session:
            record(session, Event.CODE_REFUSED)
            record(session, Event.SIGNED_IN, person_id=None)
            await session.rollback()
        after = (await c.get("/metrics")).text
    assert sample(after, "portal_sign_in_failures_total", reason="CODE_REFUSED") - sample(before, "portal_sign_in_failures_total", reason="CODE_REFUSED") == 1
    assert sample(after, "portal_sign_in_failures_total", reason="SIGNED_IN") == 0
