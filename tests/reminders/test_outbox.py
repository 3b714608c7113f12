"""The outbox against the invented world, on SQLite and (when configured) PostgreSQL."""

import re
from datetime import datetime, timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.clock import FixedClock
from portal.conferences.models import Invitation
from portal.contributions.models import Contribution
from portal.db import Database
from portal.enums import ContributionStatus
from portal.readiness import ReadinessResult, Status
from portal.reminders import DeliveryFailed
from portal.reminders.models import OutboxStatus, ReminderOutbox
from portal.reminders.outbox import PLANNING_LOCK, OutboxSettings, PlanResult, claim, deliver, message_id, plan
from portal.timescales import RULES_DIR, load_rules
from tests.support.child_details import assert_no_child_details

RULES = load_rules(RULES_DIR)
SETTINGS = OutboxSettings(batch_size=3, lease=timedelta(minutes=5), max_attempts=3, retry_backoff=timedelta(minutes=1))
SENDER = "Conference portal <noreply@portal.example>"


class Outbox:
    def __init__(self, messages: list[EmailMessage] | None = None, fail: DeliveryFailed | None = None) -> None:
        self.messages = messages if messages is not None else []
        self.fail = fail

    async def send(self, message: EmailMessage) -> None:
        if self.fail:
            raise self.fail
        self.messages.append(message)


async def _due_at(database: Database, world) -> datetime:
    async with database.session() as session:
        return (await session.get(Invitation, world.inv_gp1)).report_due_at


async def _rows(database: Database) -> list[ReminderOutbox]:
    async with database.session() as session:
        return list((await session.execute(select(ReminderOutbox).order_by(ReminderOutbox.key))).scalars())


async def _plan(database: Database, now: datetime, readiness=None):
    async with database.session() as session:
        return await plan(session, now, RULES, SETTINGS, readiness)


async def _deliver(database: Database, sender: Outbox, now: datetime, worker: str = "w1"):
    previous = clock.install(FixedClock(now))
    try:
        return await deliver(database, sender, worker, "https://portal.example", SENDER, SETTINGS)
    finally:
        clock.install(previous)


async def test_planning_stores_each_reminder_once_for_every_contributor_of_the_invited_organisation(database, world):
    now = await _due_at(database, world) - timedelta(hours=1)
    first = await _plan(database, now)
    again = await _plan(database, now)
    rows = await _rows(database)
    assert (first.inserted, again.inserted) == (len(rows), 0)
    due = {(r.recipient, r.invitation_id) for r in rows if r.send_at <= now}
    assert due == {
        ("sw_a@example.org", world.inv_social_a), ("gp1_author@example.org", world.inv_gp1),
        ("gp1_colleague@example.org", world.inv_gp1), ("school_author@example.org", world.inv_school),
        ("gp2_author@example.org", world.inv_gp2_b),
    }
    # Westmarsh reminds 4 and 1 working days before; a worker planning late sends only the latest.
    assert sorted(r.kind for r in rows if r.invitation_id == world.inv_gp2_b) == ["BEFORE_DUE", "OVERDUE"]
    assert {r.status for r in rows} == {OutboxStatus.PENDING}


async def test_a_submitted_report_cancels_its_unsent_reminders_and_plans_no_more(database, world):
    now = await _due_at(database, world) - timedelta(hours=1)
    await _plan(database, now)
    async with database.session() as session:
        session.add(Contribution(invitation_id=world.inv_gp1, conference_id=world.conf_a, organisation_id=world.gp1,
                                 author_id=world.gp1_author, status=ContributionStatus.SUBMITTED, submitted_at=now))
        await session.commit()
    result = await _plan(database, now)
    gp1 = [r for r in await _rows(database) if r.invitation_id == world.inv_gp1]
    assert (result.inserted, result.cancelled) == (0, len(gp1)) and len(gp1) == 4
    assert {r.status for r in gp1} == {OutboxStatus.CANCELLED}


async def test_a_new_due_time_replaces_the_unsent_reminders_for_the_old_one(database, world):
    due = await _due_at(database, world)
    await _plan(database, due - timedelta(days=20))
    async with database.session() as session:
        invitation = await session.get(Invitation, world.inv_gp1)
        invitation.report_due_at = due + timedelta(days=7)
        await session.commit()
    result = await _plan(database, due - timedelta(days=20))
    gp1 = [r for r in await _rows(database) if r.invitation_id == world.inv_gp1]
    old = [r for r in gp1 if r.payload["dueAt"] == due.isoformat()]
    new = [r for r in gp1 if r.payload["dueAt"] == (due + timedelta(days=7)).isoformat()]
    assert {r.status for r in old} == {OutboxStatus.CANCELLED} and {r.status for r in new} == {OutboxStatus.PENDING}
    assert result.inserted == len(new) == len(old) == result.cancelled > 0
    async with database.session() as session:
        (await session.get(Invitation, world.inv_gp1)).report_due_at = due
        await session.commit()
    await _plan(database, due - timedelta(days=20))
    back = {r.key: r.status for r in await _rows(database) if r.invitation_id == world.inv_gp1}
    assert {back[r.key] for r in old} == {OutboxStatus.PENDING} and {back[r.key] for r in new} == {OutboxStatus.CANCELLED}


async def test_due_reminders_are_sent_once_and_recorded(database, world):
    now = await _due_at(database, world) - timedelta(hours=1)
    await _plan(database, now)
    sender = Outbox()
    first = await _deliver(database, sender, now)
    second = await _deliver(database, sender, now)
    assert (first.sent, second.sent) == (5, 0)
    sent = {r.key: r for r in await _rows(database) if r.status == OutboxStatus.SENT}
    assert sorted(m["X-Reminder-Key"] for m in sender.messages) == sorted(sent)
    for message in sender.messages:
        assert message["Message-ID"] == message_id(message["X-Reminder-Key"], SENDER)
        assert message["To"] == sent[message["X-Reminder-Key"]].recipient
        assert "https://portal.example/invitations/" in message.get_content()
        assert sent[message["X-Reminder-Key"]].sent_at == now


async def test_overdue_reminders_are_sent_when_the_report_is_late(database, world):
    now = await _due_at(database, world) + timedelta(minutes=1)
    await _plan(database, now)
    sender = Outbox()
    await _deliver(database, sender, now)
    overdue = [m for m in sender.messages if m["Subject"] == "Conference report overdue"]
    assert len(overdue) == 5


async def test_message_id_is_stable_and_reveals_nothing():
    key = "OVERDUE:55:2026-10-05T17:00:00+01:00:to:9"
    assert message_id(key, SENDER) == message_id(key, SENDER)
    assert message_id(key, SENDER) != message_id(key.replace(":9", ":10"), SENDER)
    assert re.fullmatch(r"<[0-9a-f]{32}@portal\.example>", message_id(key, SENDER))


async def test_mail_service_down_defers_with_back_off_keeps_the_error_and_gives_up_after_max_attempts(database, world, caplog):
    now = await _due_at(database, world) - timedelta(hours=1)
    await _plan(database, now)
    down = Outbox(fail=DeliveryFailed("SMTP server 127.0.0.1:2525 unavailable after 2 attempts: refused"))
    result = await _deliver(database, down, now)
    assert (result.sent, result.deferred, result.failed) == (0, 1, 0)
    rows = [r for r in await _rows(database) if r.attempts]
    assert len(rows) == 1
    assert rows[0].status == OutboxStatus.PENDING and rows[0].send_at == now + timedelta(minutes=1)
    assert "unavailable" in rows[0].last_error and rows[0].claimed_by is None
    assert "retrying" in caplog.text and rows[0].key in caplog.text
    assert not [r for r in await _rows(database) if r.status == OutboxStatus.SENDING]
    later = now
    for _ in range(10 * SETTINGS.max_attempts):
        later += timedelta(hours=1)
        await _deliver(database, down, later)
    rows = await _rows(database)
    assert len(rows) == 10
    assert {(r.status, r.attempts) for r in rows} == {(OutboxStatus.FAILED, SETTINGS.max_attempts)}
    assert "giving up" in caplog.text

async def test_a_permanent_refusal_fails_that_reminder_and_the_rest_still_go(database, world):
    now = await _due_at(database, world) - timedelta(hours=1)
    await _plan(database, now)

    class RefusesOne(Outbox):
        async def send(self, message: EmailMessage) -> None:
            if message["To"] == "school_author@example.org":
                raise DeliveryFailed("550 no such mailbox", permanent=True)
            await super().send(message)

    sender = RefusesOne()
    result = await _deliver(database, sender, now)
    assert (result.sent, result.failed) == (4, 1)
    failed = [r for r in await _rows(database) if r.status == OutboxStatus.FAILED]
    assert [r.recipient for r in failed] == ["school_author@example.org"]


async def test_a_claim_is_skipped_by_others_until_its_lease_runs_out(database, world):
    now = await _due_at(database, world) - timedelta(hours=1)
    await _plan(database, now)
    async with database.session() as session:
        mine = await claim(session, "w1", now, SETTINGS)
        others = await claim(session, "w2", now, SETTINGS)
        assert len(mine) == 3 and {c.key for c in mine}.isdisjoint(c.key for c in others)
        rest = await claim(session, "w2", now, SETTINGS)
        assert rest == []
        expired = await claim(session, "w3", now + SETTINGS.lease + timedelta(seconds=1), SETTINGS)
    assert {c.key for c in expired} == {c.key for c in mine}


async def test_chair_is_alerted_about_a_conference_at_risk_and_the_alert_is_withdrawn_when_it_is_ready(database, world):
    now = await _due_at(database, world) + timedelta(days=2, hours=23)
    statuses = {world.conf_a: Status.NOT_MET, world.conf_b: Status.MET}

    async def readiness(session, conference_ids, at, rules):
        assert at == now and rules is RULES
        return {cid: ReadinessResult(str(cid), statuses[cid], ()) for cid in conference_ids}

    await _plan(database, now, readiness)
    alerts = [r for r in await _rows(database) if r.kind == "AT_RISK"]
    assert [(r.recipient, r.conference_id, r.status) for r in alerts] == [("chair_a@example.org", world.conf_a, OutboxStatus.PENDING)]
    statuses[world.conf_a] = Status.MET
    await _plan(database, now, readiness)
    assert [r.status for r in await _rows(database) if r.kind == "AT_RISK"] == [OutboxStatus.CANCELLED]


async def test_no_email_carries_anything_about_a_child(database, world):
    now = await _due_at(database, world) - timedelta(hours=1)

    async def at_risk(session, conference_ids, at, rules):
        return {cid: ReadinessResult(str(cid), Status.AT_RISK, ()) for cid in conference_ids}

    sender = Outbox()
    await _plan(database, now, at_risk)
    await _deliver(database, sender, now)
    await _plan(database, now + timedelta(days=1), at_risk)
    await _deliver(database, sender, now + timedelta(days=1))
    assert {m["X-Reminder-Key"].split(":")[0] for m in sender.messages} == {"BEFORE_DUE", "OVERDUE", "AT_RISK"}
    for message in sender.messages:
        assert_no_child_details(message.as_bytes())
    for row in await _rows(database):
        assert set(row.payload) == {"organisationName", "dueAt", "linkPath", "timezone"}


@pytest.mark.parametrize("status", [OutboxStatus.SENT, OutboxStatus.CANCELLED, OutboxStatus.FAILED])
async def test_finished_rows_are_never_claimed(database, world, status):
    now = await _due_at(database, world) - timedelta(hours=1)
    await _plan(database, now)
    async with database.session() as session:
        for row in (await session.execute(select(ReminderOutbox))).scalars():
            row.status = status
        await session.commit()
        assert await claim(session, "w1", now + timedelta(days=30), SETTINGS) == []



async def test_while_one_worker_plans_the_others_skip_planning(database, database_url, world):
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time and no advisory locks")
    now = await _due_at(database, world) - timedelta(hours=1)
    async with database.session() as first, database.session() as second:
        assert await first.scalar(select(func.pg_try_advisory_xact_lock(PLANNING_LOCK)))
        assert await plan(second, now, RULES, SETTINGS) == PlanResult(0, 0)
        await first.rollback()
        assert (await plan(second, now, RULES, SETTINGS)).inserted == 10


async def test_chair_alerts_come_from_the_real_readiness_assessment(database, world):
    from portal.readiness.loading import load_readiness

    now = await _due_at(database, world) + timedelta(days=2, hours=23)
    await _plan(database, now, load_readiness)
    alerts = [(r.recipient, r.conference_id) for r in await _rows(database) if r.kind == "AT_RISK"]
    # nothing has been submitted to either conference, so both chairs are told
    assert sorted(alerts) == sorted([("chair_a@example.org", world.conf_a), ("chair_b@example.org", world.conf_b)])
