"""The reminder worker under faults, as real processes against a real SMTP server on loopback: the relay
down and then back, and a worker killed in the middle of a batch. Every reminder due is sent exactly once."""

import asyncio
import os
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message

from aiosmtpd.controller import Controller

from portal import clock
from portal.reminders.models import OutboxStatus
from tests.support.mail import Inbox, add_due_invitations, free_port, outbox_rows, running_inbox
from tests.support.processes import portal_command

WITHIN = 60  # seconds, for anything the worker should do promptly


def worker(database_url: str, smtp_port: int, **settings: str) -> subprocess.Popen[str]:
    """A looping `portal worker` whose clock starts at the test's instant and runs on, so its back-offs and
    leases run out as in production, only quicker."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env.update(PORTAL_DATABASE_URL=database_url, PORTAL_SMTP_HOST="127.0.0.1", PORTAL_SMTP_PORT=str(smtp_port),
               PORTAL_SMTP_SENDER="Conference portal <noreply@portal.example>", PORTAL_BASE_URL="https://portal.example",
               PORTAL_SMTP_TIMEOUT_SECONDS="5", PORTAL_WORKER_BATCH_SIZE="4", PORTAL_WORKER_RETRY_BACKOFF_SECONDS="1",
               PORTAL_WORKER_MAX_BACKOFF_SECONDS="2", PORTAL_WORKER_MAX_ATTEMPTS="50",
               **{f"PORTAL_{k.upper()}": v for k, v in settings.items()})
    return subprocess.Popen(portal_command("worker", "--interval", "0.3", tick=True), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    try:
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
    return err


async def wait_until(condition, what: str) -> None:
    """`condition` is a function, or a coroutine function; polled until true."""
    deadline = time.monotonic() + WITHIN
    while not ((await found) if asyncio.iscoroutine(found := condition()) else found):
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {WITHIN} s: {what}")
        await asyncio.sleep(0.1)


async def tried_twice(database) -> bool:
    return any(r.attempts >= 2 for r in await outbox_rows(database))


def due(rows: list) -> set[str]:
    """The reminders the worker planned as due now: tried already (a failure moves a row's time on), or not yet."""
    return {r.key for r in rows if r.attempts or r.status != OutboxStatus.PENDING or r.send_at <= clock.now()}


async def test_reminders_wait_while_the_relay_is_down_and_go_once_when_it_is_back(served_url, served_database, served_world):
    await add_due_invitations(served_database, served_world, 4)
    port = free_port()  # nothing listens there yet: the relay is down
    process = worker(served_url, port)
    try:
        await wait_until(lambda: tried_twice(served_database), "the worker tried the relay twice")
        waiting = await outbox_rows(served_database)
        planned = due(waiting)
        with running_inbox(port) as inbox:
            await wait_until(lambda: len(inbox.messages) >= len(planned), "every reminder sent once the relay was back")
            await asyncio.sleep(1.5)  # passes after the last send, when a duplicate would show
            err = stop(process)
        after = await outbox_rows(served_database)
    finally:
        process.kill()
    assert len(planned) == 8
    assert {r.status for r in waiting if r.key in planned} <= {OutboxStatus.PENDING, OutboxStatus.SENDING}
    assert all(r.sent_at is None for r in waiting) and any("unavailable" in (r.last_error or "") for r in waiting)
    assert inbox.keys() == Counter(dict.fromkeys(planned, 1)), err[-2000:]
    assert {r.status for r in after if r.key in planned} == {OutboxStatus.SENT}


class StallingInbox(Inbox):
    """Accepts the first `accept` messages, then holds the next one open without ever accepting it."""

    def __init__(self, accept: int) -> None:
        super().__init__()
        self.accept = accept
        self.stalled = 0

    async def handle_DATA(self, server, session, envelope) -> str:
        if len(self.messages) >= self.accept:
            self.stalled += 1
            await asyncio.sleep(3600)
        return await super().handle_DATA(server, session, envelope)


@contextmanager
def stalling_inbox(port: int, accept: int) -> Iterator[StallingInbox]:
    inbox = StallingInbox(accept)
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


async def test_a_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(served_url, served_database, served_world):
    await add_due_invitations(served_database, served_world, 4)
    port = free_port()
    with stalling_inbox(port, accept=2) as first:
        doomed = worker(served_url, port, worker_lease_seconds="2")
        try:
            await wait_until(lambda: first.stalled, "the worker reached its third message")
            doomed.send_signal(signal.SIGKILL)
            doomed.wait(timeout=10)
        finally:
            doomed.kill()
        mid_batch = await outbox_rows(served_database)
    planned = due(mid_batch)
    delivered: list[Message] = [*first.messages]
    with running_inbox(port) as second:
        process = worker(served_url, port, worker_lease_seconds="2")
        try:
            await wait_until(lambda: len(delivered) + len(second.messages) >= len(planned), "the rest sent once the lease ran out")
            await asyncio.sleep(1.5)
            err = stop(process)
        finally:
            process.kill()
        delivered += second.messages
    after = await outbox_rows(served_database)
    assert len(planned) == 8 and len(first.messages) == 2
    statuses = Counter(r.status for r in mid_batch if r.key in planned)
    assert statuses[OutboxStatus.SENT] == 2 and statuses[OutboxStatus.SENDING] >= 1, statuses
    assert Counter(m["X-Reminder-Key"] for m in delivered) == Counter(dict.fromkeys(planned, 1)), err[-2000:]
    assert {r.status for r in after if r.key in planned} == {OutboxStatus.SENT}
