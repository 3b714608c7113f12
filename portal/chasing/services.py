"""What business support chase: each invitation's due times against the LA's rules, the reminders
sent and still to go, and the phone calls made; overriding due times with a reason; recording a call."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.chasing.models import NOTE_CHARS, SPOKE_TO_CHARS, PhoneChase
from portal.conferences.models import Conference, Invitation
from portal.conferences.timescales import due_times, rules_for_la
from portal.contributions.models import Contribution
from portal.contributions.report_status import SUBMITTED
from portal.enums import ConferenceStatus, Role
from portal.errors import DomainError, Problem, conflict, invalid, not_found
from portal.identity import Actor
from portal.lookup import parse_id
from portal.people.models import LocalAuthority, Person, PersonRole
from portal.readiness.changes import conference_changed
from portal.reminders.models import OutboxStatus, ReminderOutbox
from portal.reminders.planning import Invitee, plan_invitee_reminders, still_to_send
from portal.timescales import LARules

REASON_CHARS = 500
MAX_WORKING_DAYS = 60
END_OF_DAY = time(23, 59, 59)
OPEN = (ConferenceStatus.DRAFT, ConferenceStatus.SCHEDULED)


@dataclass(frozen=True)
class Chase:
    """An invitation as business support chase it."""

    invitation: Invitation
    submitted: bool
    overdue: bool
    rule_report_due_at: datetime | None
    rule_family_due_at: datetime | None
    last_reminder_sent_at: datetime | None
    last_reminder_kind: str | None
    next_reminder_at: datetime | None
    recipients: int
    phone_chases: Sequence[PhoneChase]


async def _la_rules(session: AsyncSession, la_id: int, rules: Mapping[str, LARules]) -> LARules:
    slug = (await session.execute(select(LocalAuthority.slug).where(LocalAuthority.id == la_id))).scalar_one()
    return rules_for_la(rules, slug)


async def chases(
    session: AsyncSession, rows: Sequence[tuple[Invitation, Conference]], rules: Mapping[str, LARules], now: datetime
) -> list[Chase]:
    """Each invitation with its rules' due times, reminders and phone chases, in a fixed number of queries."""
    ids = [invitation.id for invitation, _ in rows]
    if not ids:
        return []
    submitted = set((await session.execute(
        select(Contribution.invitation_id).where(Contribution.invitation_id.in_(ids), Contribution.status.in_(SUBMITTED))
    )).scalars())
    sent: dict[int, list[ReminderOutbox]] = {}
    for row in (await session.execute(
        select(ReminderOutbox).where(ReminderOutbox.invitation_id.in_(ids), ReminderOutbox.status == OutboxStatus.SENT)
        .order_by(ReminderOutbox.sent_at)
    )).scalars():
        sent.setdefault(row.invitation_id, []).append(row)  # type: ignore[arg-type]
    calls: dict[int, list[PhoneChase]] = {}
    for call in (await session.execute(
        select(PhoneChase).where(PhoneChase.invitation_id.in_(ids)).order_by(PhoneChase.chased_at.desc(), PhoneChase.id.desc())
    )).scalars():
        calls.setdefault(call.invitation_id, []).append(call)
    organisations = {invitation.organisation_id for invitation, _ in rows}
    recipients = dict((await session.execute(
        select(Person.organisation_id, func.count(func.distinct(Person.id)))
        .join(PersonRole, PersonRole.person_id == Person.id)
        .where(PersonRole.role == Role.CONTRIBUTOR, Person.organisation_id.in_(organisations))
        .group_by(Person.organisation_id)
    )).all())
    slugs = dict((await session.execute(
        select(LocalAuthority.id, LocalAuthority.slug).where(LocalAuthority.id.in_({c.la_id for _, c in rows}))
    )).all())
    found = []
    for invitation, conference in rows:
        la_rules = rules_for_la(rules, slugs[conference.la_id])
        done = invitation.id in submitted
        rule_due = due_times(conference, la_rules) if conference.scheduled_at is not None else None
        rule_family = rule_due.family_due_at if rule_due else None
        reminders_sent = sent.get(invitation.id, [])
        last = reminders_sent[-1] if reminders_sent else None
        next_at = None
        if not done and conference.status == ConferenceStatus.SCHEDULED:
            invitee = Invitee(str(invitation.id), "", "", invitation.report_due_at, submitted=False)
            planned = plan_invitee_reminders(invitee, la_rules, la_rules.calendar(), now)
            keys = {row.key.split(":to:")[0] for row in reminders_sent}
            waiting = still_to_send(planned, keys, now)
            next_at = max(waiting[0].send_at.astimezone(clock.UTC), now) if waiting else None
        found.append(Chase(
            invitation=invitation, submitted=done, overdue=not done and now > invitation.report_due_at,
            rule_report_due_at=rule_due.report_due_at.astimezone(clock.UTC) if rule_due else None,
            rule_family_due_at=rule_family.astimezone(clock.UTC) if rule_family else None,
            last_reminder_sent_at=last.sent_at if last else None, last_reminder_kind=last.kind if last else None,
            next_reminder_at=next_at, recipients=recipients.get(invitation.organisation_id, 0), phone_chases=calls.get(invitation.id, []),
        ))
    return found


async def conference_chases(session: AsyncSession, conference: Conference, rules: Mapping[str, LARules], now: datetime) -> list[Chase]:
    invitations = (await session.execute(
        select(Invitation).where(Invitation.conference_id == conference.id).order_by(Invitation.id)
    )).scalars().all()
    return await chases(session, [(i, conference) for i in invitations], rules, now)


@dataclass(frozen=True)
class DueSoon:
    until: datetime
    chases: list[Chase]


async def due_soon(session: AsyncSession, la_id: int, working_days: int, rules: Mapping[str, LARules], now: datetime) -> DueSoon:
    """Every open invitation of the LA's scheduled conferences whose report is overdue or due by the end of
    the `working_days`th working day from today, soonest due first."""
    la_rules = await _la_rules(session, la_id, rules)
    today = now.astimezone(la_rules.zone).date()
    until = datetime.combine(la_rules.calendar().add_working_days(today, working_days), END_OF_DAY, tzinfo=la_rules.zone)
    submitted = select(Contribution.invitation_id).where(Contribution.status.in_(SUBMITTED))
    rows = (await session.execute(
        select(Invitation, Conference)
        .join(Conference, Conference.id == Invitation.conference_id)
        .where(Conference.la_id == la_id, Conference.status == ConferenceStatus.SCHEDULED, Conference.scheduled_at > now,
               Invitation.report_due_at <= until, Invitation.id.not_in(submitted))
        .order_by(Invitation.report_due_at, Invitation.id)
    )).all()
    return DueSoon(until.astimezone(clock.UTC), await chases(session, rows, rules, now))


async def _chased_invitation(
    session: AsyncSession, actor: Actor, invitation_id: str, action: str, path: tuple[str, ...]
) -> tuple[Invitation, Conference]:
    """An invitation of a conference the actor may see and may act on for `action`; any other is 'not found'."""
    number = parse_id(invitation_id, path, "invitation")
    row = (await session.execute(
        select(Invitation, Conference).join(Conference, Conference.id == Invitation.conference_id)
        .where(Invitation.id == number, access.scope(actor, "invitation.read")).with_for_update(of=Invitation)
    )).first()
    if row is None or not access.allowed(actor, action, row[1]):
        raise not_found(path, "invitation")
    return row[0], row[1]


def _aware(when: datetime, path: tuple[str, ...]) -> None:
    if when.tzinfo is None:
        raise invalid(path, "Give the time with a time zone, for example 2026-12-15T10:00:00+00:00.")


async def override_due_times(
    session: AsyncSession, actor: Actor, invitation_id: str, report_due_at: datetime, family_due_at: datetime | None, reason: str
) -> Invitation:
    """Move an invitation's due times off the rules, with the reason; readiness and reminders follow them.
    Without `family_due_at` the family's due time stays as it is."""
    path = ("input",)
    invitation, conference = await _chased_invitation(session, actor, invitation_id, "invitation.override_due", (*path, "invitationId"))
    if conference.status not in OPEN:
        raise conflict((*path, "invitationId"), f"This conference is {conference.status.lower()}; its due times can no longer change.")
    reason = reason.strip()
    problems = []
    if not reason:
        problems.append(Problem((*path, "reason"), "Give the reason for changing the due time."))
    elif len(reason) > REASON_CHARS:
        problems.append(Problem((*path, "reason"), f"The reason must be {REASON_CHARS} characters or fewer."))
    for name, when in (("reportDueAt", report_due_at), ("familyDueAt", family_due_at)):
        if when is None:
            continue
        _aware(when, (*path, name))
        if conference.scheduled_at is not None and when > conference.scheduled_at:
            problems.append(Problem((*path, name), "The due time must be before the meeting."))
    if problems:
        raise DomainError(*problems)
    invitation.report_due_at = report_due_at
    if family_due_at is not None:
        invitation.family_due_at = family_due_at
    invitation.due_override_reason = reason
    invitation.due_overridden_at = clock.now()
    invitation.due_overridden_by_id = actor.person_id
    await session.flush()
    conference_changed(session, conference.id)
    return invitation


async def record_phone_chase(
    session: AsyncSession, actor: Actor, invitation_id: str, spoke_to: str, chased_at: datetime, note: str
) -> PhoneChase:
    path = ("input",)
    invitation, _ = await _chased_invitation(session, actor, invitation_id, "invitation.chase", (*path, "invitationId"))
    spoke_to, note = spoke_to.strip(), note.strip()
    problems = []
    if not spoke_to:
        problems.append(Problem((*path, "spokeTo"), "Enter who you spoke to, or who you left a message for."))
    elif len(spoke_to) > SPOKE_TO_CHARS:
        problems.append(Problem((*path, "spokeTo"), f"Who you spoke to must be {SPOKE_TO_CHARS} characters or fewer."))
    if len(note) > NOTE_CHARS:
        problems.append(Problem((*path, "note"), f"The note must be {NOTE_CHARS:,} characters or fewer."))
    _aware(chased_at, (*path, "chasedAt"))
    if chased_at > clock.now():
        problems.append(Problem((*path, "chasedAt"), "The call cannot be in the future."))
    if problems:
        raise DomainError(*problems)
    call = PhoneChase(invitation_id=invitation.id, spoke_to=spoke_to, chased_at=chased_at, note=note, recorded_by_id=actor.person_id)
    session.add(call)
    await session.flush()
    return call
