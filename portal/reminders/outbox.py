"""The reminder outbox: plan rows idempotently, claim them with a lease, send, then record.

Each pass re-plans every reminder; a key already in the outbox is left alone (unless it was
cancelled and is wanted again), so planning twice, or in two processes at once, stores each
reminder once. A row is claimed (SENDING,
with a lease) in its own short transaction, sent, and only then recorded SENT. A worker that
dies between the send and the record leaves the row SENDING; when the lease runs out another
pass claims and sends it again. A reminder may therefore go twice, but never not at all.
"""

import hashlib
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import parseaddr
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from portal import clock
from portal.challenges.reminders import challenge_rows, unplanned_challenge_reminders
from portal.conferences.models import Conference, Invitation
from portal.contributions.models import Contribution
from portal.db import Database
from portal.enums import ConferenceStatus, ContributionStatus, Role
from portal.people.models import LocalAuthority, Organisation, Person, PersonRole
from portal.readiness import ReadinessResult
from portal.reminders.emails import compose
from portal.reminders.models import OutboxStatus, ReminderOutbox
from portal.reminders.planning import Invitee, Reminder, ReminderKind, plan_chair_alert, plan_invitee_reminders, still_to_send
from portal.reminders.smtp import DeliveryFailed
from portal.timescales import LARules, UnknownLocalAuthority, rules_for

log = logging.getLogger(__name__)

SUBMITTED = (ContributionStatus.SUBMITTED, ContributionStatus.AMENDED)
INSERT_CHUNK = 500
PLANNING_LOCK = 0x72656D696E64  # any constant shared by every worker

ReadinessLoader = Callable[[AsyncSession, list[int], datetime, dict[str, LARules]], Awaitable[dict[int, ReadinessResult]]]


class Sender(Protocol):
    async def send(self, message: EmailMessage) -> None:
        """Deliver the message or raise DeliveryFailed."""


@dataclass(frozen=True)
class OutboxSettings:
    batch_size: int = 20
    lease: timedelta = timedelta(minutes=10)
    max_attempts: int = 8
    retry_backoff: timedelta = timedelta(minutes=1)
    max_backoff: timedelta = timedelta(hours=1)
    horizon: timedelta = timedelta(days=31)


@dataclass(frozen=True)
class PlanResult:
    inserted: int
    cancelled: int


@dataclass(frozen=True)
class DeliveryResult:
    sent: int
    failed: int
    deferred: int


@dataclass(frozen=True)
class Claimed:
    key: str
    recipient: str
    payload: dict[str, Any]
    attempts: int


# Planning


async def plan(
    session: AsyncSession,
    now: datetime,
    rules: dict[str, LARules],
    settings: OutboxSettings,
    readiness: ReadinessLoader | None = None,
) -> PlanResult:
    """Store every reminder due within the horizon (new keys only) and cancel unsent ones no longer wanted.
    On PostgreSQL one worker plans at a time; the others skip planning, which the next pass repeats anyway."""
    if not await _planning_lock(session):
        await session.rollback()
        return PlanResult(0, 0)
    rows = await _invitee_rows(session, now, rules, settings.horizon)
    challenges = await challenge_rows(session, now, rules, settings.horizon)
    cancelled = await _cancel(session, unplanned_challenge_reminders({row["key"] for row in challenges}))
    if readiness is not None:
        chair_rows, ready = await _chair_rows(session, now, rules, _alert_horizon(rules), readiness)
        rows += chair_rows
        cancelled += await _cancel(session, and_(ReminderOutbox.kind == ReminderKind.AT_RISK, ReminderOutbox.conference_id.in_(ready)))
    inserted = await _insert(session, rows) + await _insert(session, challenges)
    cancelled += await _cancel_unplanned(session, {row["key"] for row in rows})
    cancelled += await _cancel(session, or_(
        ReminderOutbox.invitation_id.in_(select(Contribution.invitation_id).where(Contribution.status.in_(SUBMITTED))),
        ReminderOutbox.conference_id.in_(
            select(Conference.id).where(or_(Conference.status != ConferenceStatus.SCHEDULED, Conference.scheduled_at <= now))
        ),
    ))
    await session.commit()
    return PlanResult(inserted, cancelled)


async def _planning_lock(session: AsyncSession) -> bool:
    if session.bind.dialect.name != "postgresql":
        return True
    return bool(await session.scalar(select(func.pg_try_advisory_xact_lock(PLANNING_LOCK))))


def _rules(rules: dict[str, LARules], slug: str) -> LARules:
    try:
        return rules_for(rules, slug)
    except UnknownLocalAuthority:
        return rules["default"]


async def _invitee_rows(session: AsyncSession, now: datetime, rules: dict[str, LARules], horizon: timedelta) -> list[dict[str, Any]]:
    submitted = exists().where(Contribution.invitation_id == Invitation.id, Contribution.status.in_(SUBMITTED))
    open_invitations = (
        select(Invitation.id, Invitation.conference_id, Invitation.organisation_id, Invitation.report_due_at,
               Organisation.name.label("organisation_name"), LocalAuthority.slug)
        .join(Conference, Conference.id == Invitation.conference_id)
        .join(Organisation, Organisation.id == Invitation.organisation_id)
        .join(LocalAuthority, LocalAuthority.id == Conference.la_id)
        .where(Conference.status == ConferenceStatus.SCHEDULED, Conference.scheduled_at > now,
               Invitation.report_due_at <= now + horizon, ~submitted)
    )
    invitations = (await session.execute(open_invitations)).all()
    contributors: dict[int, list[tuple[int, str]]] = {}
    people = (
        select(Person.organisation_id, Person.id, Person.email)
        .join(PersonRole, PersonRole.person_id == Person.id)
        .where(PersonRole.role == Role.CONTRIBUTOR,
               Person.organisation_id.in_(open_invitations.with_only_columns(Invitation.organisation_id)))
        .distinct()
        .order_by(Person.id)
    )
    for organisation_id, person_id, email in (await session.execute(people)).all():
        contributors.setdefault(organisation_id, []).append((person_id, email))
    rows = []
    for invitation in invitations:
        la_rules = _rules(rules, invitation.slug)
        calendar = la_rules.calendar()
        for person_id, email in contributors.get(invitation.organisation_id, []):
            invitee = Invitee(str(invitation.id), invitation.organisation_name, email, invitation.report_due_at, submitted=False)
            for reminder in still_to_send(plan_invitee_reminders(invitee, la_rules, calendar, now), set(), now):
                rows.append(_row(reminder, person_id, la_rules, now, invitation.conference_id, invitation.id))
    return rows


def _alert_horizon(rules: dict[str, LARules]) -> timedelta:
    """Far enough ahead to cover every LA's alert window, holidays included."""
    longest = max(r.reminders.chair_at_risk_working_days_before_meeting for r in rules.values())
    return timedelta(days=2 * longest + 7)


async def _chair_rows(
    session: AsyncSession, now: datetime, rules: dict[str, LARules], horizon: timedelta, readiness: ReadinessLoader,
) -> tuple[list[dict[str, Any]], list[int]]:
    upcoming = (
        await session.execute(
            select(Conference.id, Conference.scheduled_at, Conference.chair_id, Person.email, LocalAuthority.slug)
            .join(Person, Person.id == Conference.chair_id)
            .join(LocalAuthority, LocalAuthority.id == Conference.la_id)
            .where(Conference.status == ConferenceStatus.SCHEDULED, Conference.scheduled_at > now,
                   Conference.scheduled_at <= now + horizon)
        )
    ).all()
    if not upcoming:
        return [], []
    results = await readiness(session, [c.id for c in upcoming], now, rules)
    rows, ready = [], []
    for conference in upcoming:
        la_rules = _rules(rules, conference.slug)
        result = results.get(conference.id)
        if result is None:
            continue
        alert = plan_chair_alert(str(conference.id), conference.email, result.status, conference.scheduled_at,
                                 la_rules, la_rules.calendar(), now)
        if alert is None:
            ready.append(conference.id)
        else:
            rows.append(_row(alert, conference.chair_id, la_rules, now, conference.id, None))
    return rows, ready


def _row(
    reminder: Reminder, person_id: int, rules: LARules, now: datetime, conference_id: int, invitation_id: int | None,
) -> dict[str, Any]:
    return {
        "key": f"{reminder.key}:to:{person_id}",
        "kind": reminder.kind.value,
        "recipient": reminder.to,
        "payload": {
            "organisationName": reminder.organisation_name,
            "dueAt": reminder.due_at.isoformat(),
            "linkPath": reminder.link_path,
            "timezone": rules.timezone,
        },
        "conference_id": conference_id,
        "invitation_id": invitation_id,
        "send_at": reminder.send_at,
        "status": OutboxStatus.PENDING.value,
        "attempts": 0,
        "created_at": now,
    }


async def _insert(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """New keys are stored; a key already there is left alone unless it was cancelled and is wanted again."""
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    rows = sorted(rows, key=lambda row: row["key"])
    inserted = 0
    for start in range(0, len(rows), INSERT_CHUNK):
        statement = insert(ReminderOutbox).values(rows[start:start + INSERT_CHUNK]).on_conflict_do_update(
            index_elements=["key"],
            set_={"status": OutboxStatus.PENDING.value},
            where=ReminderOutbox.status == OutboxStatus.CANCELLED,
        )
        inserted += (await session.execute(statement)).rowcount
    return inserted


async def _cancel(session: AsyncSession, condition: Any) -> int:
    result = await session.execute(
        update(ReminderOutbox)
        .where(ReminderOutbox.status == OutboxStatus.PENDING, condition)
        .values(status=OutboxStatus.CANCELLED)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


async def cancel_unsent(session: AsyncSession, key: str) -> int:
    """Cancel one email still waiting in the outbox; one a worker has already claimed goes."""
    return await _cancel(session, ReminderOutbox.key == key)


async def _cancel_unplanned(session: AsyncSession, planned: set[str]) -> int:
    """Unsent invitee reminders this pass did not plan: the due time moved, the person is no longer a
    contributor, or a later reminder has superseded them."""
    pending = await session.scalars(
        select(ReminderOutbox.key).where(ReminderOutbox.status == OutboxStatus.PENDING,
                                         ReminderOutbox.kind.in_([ReminderKind.BEFORE_DUE, ReminderKind.OVERDUE]))
    )
    stale = sorted(set(pending) - planned)
    cancelled = 0
    for start in range(0, len(stale), INSERT_CHUNK):
        cancelled += await _cancel(session, ReminderOutbox.key.in_(stale[start:start + INSERT_CHUNK]))
    return cancelled


# Claiming, sending and recording


async def claim(session: AsyncSession, worker: str, now: datetime, settings: OutboxSettings) -> list[Claimed]:
    """Take up to a batch of due rows for `worker` until the lease ends, skipping rows another worker holds."""
    claimable = or_(
        and_(ReminderOutbox.status == OutboxStatus.PENDING, ReminderOutbox.send_at <= now),
        and_(ReminderOutbox.status == OutboxStatus.SENDING, ReminderOutbox.claimed_until < now),
    )
    # Materialised so PostgreSQL picks the batch once: a sub-select re-run for each row it
    # updates would skip the rows this statement has just changed and claim more than a batch.
    picked = (
        select(ReminderOutbox.key)
        .where(claimable)
        .order_by(ReminderOutbox.send_at, ReminderOutbox.key)
        .limit(settings.batch_size)
        .with_for_update(skip_locked=True)
        .cte("picked")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    result = await session.execute(
        update(ReminderOutbox)
        .where(ReminderOutbox.key.in_(select(picked.c.key)), claimable)
        .values(status=OutboxStatus.SENDING, claimed_by=worker, claimed_until=now + settings.lease)
        .returning(ReminderOutbox.key, ReminderOutbox.recipient, ReminderOutbox.payload, ReminderOutbox.attempts, ReminderOutbox.kind)
        .execution_options(synchronize_session=False)
    )
    rows = result.all()
    await session.commit()
    return sorted((Claimed(r.key, r.recipient, {**r.payload, "kind": r.kind}, r.attempts) for r in rows), key=lambda c: c.key)


def message_id(key: str, sender: str) -> str:
    """The same Message-ID for every send of a reminder, so a resend after a crash can be recognised."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "portal.invalid"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


def build_message(claimed: Claimed, portal_url: str, sender: str) -> EmailMessage:
    payload = claimed.payload
    reminder = Reminder(
        key=claimed.key,
        kind=ReminderKind(payload["kind"]),
        send_at=datetime.fromisoformat(payload["dueAt"]),
        to=claimed.recipient,
        organisation_name=payload["organisationName"],
        due_at=datetime.fromisoformat(payload["dueAt"]),
        link_path=payload["linkPath"],
    )
    message = compose(reminder, portal_url, sender, ZoneInfo(payload["timezone"]))
    message["Message-ID"] = message_id(claimed.key, sender)
    return message


async def deliver(
    db: Database,
    sender: Sender,
    worker: str,
    portal_url: str,
    from_address: str,
    settings: OutboxSettings,
    after_send: Callable[[str], None] = lambda key: None,
) -> DeliveryResult:
    """Send everything due, batch by batch. When the mail service is unavailable the rest of the
    batch is handed back untouched and the pass stops; the failed row waits out its back-off."""
    sent = failed = deferred = 0
    while True:
        async with db.session() as session:
            batch = await claim(session, worker, clock.now(), settings)
        if not batch:
            return DeliveryResult(sent, failed, deferred)
        for position, claimed in enumerate(batch):
            try:
                await sender.send(build_message(claimed, portal_url, from_address))
            except DeliveryFailed as exc:
                gave_up = await _record_failure(db, claimed, exc, clock.now(), settings)
                failed += gave_up
                deferred += not gave_up
                if not exc.permanent:
                    await _release(db, worker, [c.key for c in batch[position + 1:]])
                    return DeliveryResult(sent, failed, deferred)
                continue
            after_send(claimed.key)
            await _record_sent(db, claimed.key, clock.now())
            sent += 1


async def _record_sent(db: Database, key: str, now: datetime) -> None:
    async with db.session() as session:
        await session.execute(
            update(ReminderOutbox).where(ReminderOutbox.key == key)
            .values(status=OutboxStatus.SENT, sent_at=now, claimed_by=None, claimed_until=None, last_error=None)
            .execution_options(synchronize_session=False)
        )
        await session.commit()


async def _record_failure(db: Database, claimed: Claimed, exc: DeliveryFailed, now: datetime, settings: OutboxSettings) -> bool:
    """Back to PENDING after a back-off, or FAILED when it is permanent or attempts are used up. True when given up."""
    attempts = claimed.attempts + 1
    give_up = exc.permanent or attempts >= settings.max_attempts
    delay = min(settings.retry_backoff * 2 ** (attempts - 1), settings.max_backoff)
    if give_up:
        log.error("Reminder %s not delivered after %d attempt(s); giving up: %s", claimed.key, attempts, exc)
    else:
        log.error("Reminder %s not delivered (attempt %d of %d); retrying after %s: %s",
                  claimed.key, attempts, settings.max_attempts, delay, exc)
    async with db.session() as session:
        await session.execute(
            update(ReminderOutbox).where(ReminderOutbox.key == claimed.key)
            .values(status=OutboxStatus.FAILED if give_up else OutboxStatus.PENDING, attempts=attempts,
                    send_at=ReminderOutbox.send_at if give_up else now + delay,
                    claimed_by=None, claimed_until=None, last_error=str(exc)[:2000])
            .execution_options(synchronize_session=False)
        )
        await session.commit()
    return give_up


async def _release(db: Database, worker: str, keys: Iterable[str]) -> None:
    keys = list(keys)
    if not keys:
        return
    async with db.session() as session:
        await session.execute(
            update(ReminderOutbox)
            .where(ReminderOutbox.key.in_(keys), ReminderOutbox.claimed_by == worker, ReminderOutbox.status == OutboxStatus.SENDING)
            .values(status=OutboxStatus.PENDING, claimed_by=None, claimed_until=None)
            .execution_options(synchronize_session=False)
        )
        await session.commit()
