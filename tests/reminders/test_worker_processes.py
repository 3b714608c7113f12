"""`portal worker` as real processes, against a real SMTP server on loopback (aiosmtpd)."""

import os
import re
import signal
import subprocess
import time
from datetime import timedelta

import pytest

from portal import clock
from portal.clock import FixedClock
from portal.db import Database
from portal.reminders.models import OutboxStatus
from portal.reminders.worker import CRASH_AFTER_SEND
from tests.support.databases import PG_URL, truncate
from tests.support.mail import Inbox, add_due_invitations, outbox_rows
from tests.support.processes import portal_command


def _env(database_url: str, smtp_port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env.update(
        PORTAL_DATABASE_URL=database_url, PORTAL_SMTP_HOST="127.0.0.1", PORTAL_SMTP_PORT=str(smtp_port),
        PORTAL_SMTP_SENDER="Conference portal <noreply@portal.example>", PORTAL_BASE_URL="https://portal.example",
        PORTAL_WORKER_BATCH_SIZE="5", **extra,
    )
    return env


def _start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    command = portal_command("worker", *(args or ("--once",)))
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="PostgreSQL is not configured: set PORTAL_TEST_DATABASE_URL to run the two-worker test")
async def test_two_workers_deliver_every_reminder_exactly_once(postgres_database: str, inbox: Inbox, smtp_port: int):
    truncate(postgres_database)
    database = Database(postgres_database)
    try:
        from tests.support.world import build_world

        async with database.session() as session:
            world = await build_world(session)
        await add_due_invitations(database, world, 40)
        env = _env(postgres_database, smtp_port)
        workers = [_start(env, "--interval", "0.2"), _start(env, "--interval", "0.2")]
        try:
            deadline = time.monotonic() + 90
            while len(inbox.messages) < 80 and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(1)  # passes after the last send, when a duplicate would show
            for worker in workers:
                worker.send_signal(signal.SIGTERM)
            results = [_finish(worker) for worker in workers]
        finally:
            for worker in workers:
                worker.kill()
        assert [r[0] for r in results] == [0, 0], [r[2] for r in results]
        rows = await outbox_rows(database)
    finally:
        await database.dispose()
    due = {r.key for r in rows if r.send_at <= clock.now()}
    assert len(due) == 80
    delivered = inbox.keys()
    assert set(delivered) == due
    assert set(delivered.values()) == {1}
    assert {r.status for r in rows if r.key in due} == {OutboxStatus.SENT}
    sent = [sum(int(n) for n in re.findall(r"(\d+) sent", err)) for _, _, err in results]
    assert sum(sent) == 80 and min(sent) > 0, sent


async def test_a_crash_between_send_and_record_resends_once_and_loses_nothing(database: Database, database_url: str, world, frozen: FixedClock,
                                                                             inbox: Inbox, smtp_port: int):
    await add_due_invitations(database, world, 6)
    crashed = _finish(_start(_env(database_url, smtp_port, PORTAL_WORKER_LEASE_SECONDS="1", **{CRASH_AFTER_SEND: "1"})))
    assert crashed[0] == 70, crashed[2]
    assert len(inbox.messages) == 1
    first_key = inbox.messages[0]["X-Reminder-Key"]
    assert [r.status for r in await outbox_rows(database) if r.key == first_key] == [OutboxStatus.SENDING]
    frozen.advance(timedelta(seconds=2))
    code, out, err = _finish(_start(_env(database_url, smtp_port, PORTAL_WORKER_LEASE_SECONDS="1")))
    assert code == 0, err
    rows = await outbox_rows(database)
    due = {r.key for r in rows if r.send_at <= clock.now()}
    delivered = inbox.keys()
    assert set(delivered) == due and len(due) == 12
    assert delivered[first_key] == 2 and all(delivered[k] == 1 for k in due - {first_key})
    copies = [m["Message-ID"] for m in inbox.messages if m["X-Reminder-Key"] == first_key]
    assert copies[0] == copies[1]
    assert {r.status for r in rows if r.key in due} == {OutboxStatus.SENT}



async def test_a_looping_worker_sends_what_falls_due_and_stops_cleanly_on_sigterm(sqlite_world, inbox: Inbox, smtp_port: int):
    database_url, database, world = sqlite_world
    await add_due_invitations(database, world, 2)
    worker = _start(_env(database_url, smtp_port), "--interval", "0.2")
    try:
        deadline = time.monotonic() + 60
        while len(inbox.messages) < 4 and time.monotonic() < deadline:
            time.sleep(0.1)
        await add_due_invitations(database, world, 2)
        while len(inbox.messages) < 8 and time.monotonic() < deadline:
            time.sleep(0.1)
        worker.send_signal(signal.SIGTERM)
        code, out, err = _finish(worker)
    finally:
        worker.kill()
    assert code == 0, err
    assert "stopping" in err
    assert len(inbox.messages) == 8 and set(inbox.keys().values()) == {1}
