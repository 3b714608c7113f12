"""One worker pass in this process, with the real SMTP sender, against aiosmtpd on loopback."""

import logging
from datetime import timedelta

from aiosmtpd.controller import Controller

from portal import clock
from portal.clock import FixedClock
from portal.db import Database
from portal.reminders.models import OutboxStatus
from portal.reminders.smtp import SmtpSender
from portal.reminders.worker import make_sender, run_pass
from portal.settings import Settings
from portal.timescales import RULES_DIR, load_rules
from tests.support.mail import Inbox, add_due_invitations, outbox_rows

RULES = load_rules(RULES_DIR)


def _settings(database_url: str, smtp_port: int) -> Settings:
    return Settings(database_url=database_url, smtp_host="127.0.0.1", smtp_port=smtp_port, base_url="https://portal.example",
                    smtp_sender="noreply@portal.example", worker_retry_backoff_seconds=60, worker_batch_size=3)


async def test_smtp_down_keeps_every_reminder_logs_the_error_and_delivers_when_it_is_back(
    database: Database, database_url: str, world, smtp_port: int, caplog, frozen: FixedClock,
):
    await add_due_invitations(database, world, 4)
    settings = _settings(database_url, smtp_port)
    sender = make_sender(settings)
    assert isinstance(sender, SmtpSender)
    now = clock.now()
    with caplog.at_level(logging.WARNING):
        down = await run_pass(database, sender, settings, RULES, "w1")
    assert (down.delivered.sent, down.delivered.deferred) == (0, 1)
    assert f"127.0.0.1:{smtp_port} unavailable" in caplog.text
    assert any(r.levelname == "ERROR" and r.name == "portal.reminders.outbox" for r in caplog.records)
    rows = await outbox_rows(database)
    assert down.planned.inserted == len(rows) and {r.status for r in rows} == {OutboxStatus.PENDING}
    due = {r.key for r in rows if r.send_at <= now or r.attempts}
    tried = [r for r in rows if r.attempts]
    assert len(tried) == 1 and f"127.0.0.1:{smtp_port}" in tried[0].last_error
    assert tried[0].send_at == now + timedelta(seconds=60)

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        frozen.move_to(now + timedelta(seconds=1))
        early = await run_pass(database, sender, settings, RULES, "w1")
        frozen.move_to(now + timedelta(seconds=61))
        back = await run_pass(database, sender, settings, RULES, "w1")
    finally:
        controller.stop()
    assert (early.delivered.sent, back.delivered.sent) == (7, 1)
    assert len(due) == 8 and set(inbox.keys()) == due and set(inbox.keys().values()) == {1}
    assert {r.status for r in await outbox_rows(database) if r.key in due} == {OutboxStatus.SENT}
