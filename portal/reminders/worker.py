"""The reminder worker: plan, send what is due, forget old idempotency keys; once, or in a loop."""

import asyncio
import contextlib
import logging
import os
import signal
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from portal import clock
from portal.db import Database
from portal.idempotency import prune
from portal.readiness.loading import load_readiness
from portal.reminders.outbox import DeliveryResult, OutboxSettings, PlanResult, ReadinessLoader, Sender, deliver, plan
from portal.reminders.smtp import SmtpSender, SmtpSettings
from portal.settings import Settings
from portal.timescales import RULES_DIR, LARules, load_rules
from portal.unit_of_work import commit_command

log = logging.getLogger(__name__)

# Test-only: exit straight after the first send, before it is recorded, as a crash would.
CRASH_AFTER_SEND = "PORTAL_TEST_CRASH_AFTER_SEND"


@dataclass(frozen=True)
class PassResult:
    planned: PlanResult
    delivered: DeliveryResult
    keys_pruned: int = 0


def outbox_settings(settings: Settings) -> OutboxSettings:
    return OutboxSettings(
        batch_size=settings.worker_batch_size,
        lease=timedelta(seconds=settings.worker_lease_seconds),
        max_attempts=settings.worker_max_attempts,
        retry_backoff=timedelta(seconds=settings.worker_retry_backoff_seconds),
        max_backoff=timedelta(seconds=settings.worker_max_backoff_seconds),
        horizon=timedelta(days=settings.reminder_horizon_days),
    )


def make_sender(settings: Settings) -> Sender:
    if settings.notify_api_key:
        from portal.reminders.notify import NotifySender

        if not settings.notify_template_id:
            raise ValueError("PORTAL_NOTIFY_TEMPLATE_ID must be set with PORTAL_NOTIFY_API_KEY")
        return NotifySender(settings.notify_api_key, settings.notify_template_id, settings.notify_base_url)
    return SmtpSender(SmtpSettings(
        host=settings.smtp_host, port=settings.smtp_port, username=settings.smtp_username, password=settings.smtp_password,
        start_tls=settings.smtp_starttls, timeout=settings.smtp_timeout_seconds, attempts=2, backoff_seconds=1.0,
    ))


def _crash_hook() -> Callable[[str], None]:
    if os.environ.get(CRASH_AFTER_SEND):
        def crash(key: str) -> None:
            log.error("exiting after sending %s, before recording it (%s is set)", key, CRASH_AFTER_SEND)
            logging.shutdown()
            os._exit(70)
        return crash
    return lambda key: None


async def run_pass(
    db: Database,
    sender: Sender,
    settings: Settings,
    rules: dict[str, LARules],
    worker: str,
    readiness: ReadinessLoader | None = None,
    after_send: Callable[[str], None] = lambda key: None,
) -> PassResult:
    config = outbox_settings(settings)
    async with db.session() as session:
        planned = await plan(session, clock.now(), rules, config, readiness)
    delivered = await deliver(db, sender, worker, settings.public_url, settings.smtp_sender, config, after_send)
    return PassResult(planned, delivered, await prune_keys(db, settings))


async def prune_keys(db: Database, settings: Settings) -> int:
    async with db.session() as session:
        pruned = await prune(session, clock.now() - timedelta(days=settings.idempotency_retention_days))
        await commit_command(session)
    return pruned


async def run(settings: Settings, once: bool) -> list[PassResult]:
    """Pass after pass until SIGTERM or SIGINT, which stop the worker between passes. A worker
    killed mid-pass loses nothing: what it had claimed is sent again when its lease runs out."""
    db = Database(settings.database_url)
    sender = make_sender(settings)
    rules = load_rules(RULES_DIR)
    worker = f"{socket.gethostname()}:{os.getpid()}"
    after_send = _crash_hook()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    results = []
    try:
        while True:
            try:
                result = await run_pass(db, sender, settings, rules, worker, readiness=load_readiness, after_send=after_send)
            except Exception:
                if once:
                    raise
                log.exception("reminder pass failed; trying again in %ss", settings.worker_interval_seconds)
            else:
                results.append(result)
                d = result.delivered
                log.info("worker %s: %d planned, %d cancelled, %d sent, %d deferred, %d failed, %d idempotency keys pruned",
                         worker, result.planned.inserted, result.planned.cancelled, d.sent, d.deferred, d.failed, result.keys_pruned)
            if once:
                return results
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), settings.worker_interval_seconds)
            if stop.is_set():
                log.info("worker %s stopping", worker)
                return results
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
        await db.dispose()
