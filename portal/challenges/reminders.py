"""Reminders to the person asked to answer a challenge's current stage, through the reminder outbox:
when they are asked, the LA's working days before the stage's last day, and once it has passed.

The worker plans them on every pass with the other reminders (same keys each time, so each is stored
and sent once); those of a stage answered, escalated past or closed are cancelled before they go. The
emails name the stage and the date, never the child: everything else is behind the link."""

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal.challenges.models import Challenge, ChallengeStatus, ChallengeStep
from portal.conferences.timescales import rules_for_la
from portal.enums import PersonStatus
from portal.people.models import LocalAuthority, Person
from portal.reminders.models import OutboxStatus, ReminderOutbox
from portal.reminders.planning import SEND_AT, Reminder, ReminderKind
from portal.timescales import LARules

CHALLENGE_KINDS = (ReminderKind.CHALLENGE_ASK, ReminderKind.CHALLENGE_DUE, ReminderKind.CHALLENGE_LATE)


def _morning(day: date, rules: LARules) -> datetime:
    return datetime.combine(day, SEND_AT, tzinfo=rules.zone)


def plan_step_reminders(challenge_id: int, step_id: int, stage_name: str, email: str, started_on: date, due_on: date,
                        rules: LARules, now: datetime) -> list[Reminder]:
    """For one unanswered stage: asked (the morning it started), due soon, and overdue (the next working day's
    morning). Of those whose time has already come only the latest is kept, so a late start sends one email."""
    calendar = rules.calendar()
    due_at = datetime.combine(due_on, time(17, 0), tzinfo=rules.zone)
    link = f"/challenges/{challenge_id}"
    planned = [Reminder(f"{ReminderKind.CHALLENGE_ASK}:{step_id}", ReminderKind.CHALLENGE_ASK, _morning(started_on, rules), email, stage_name,
                        due_at, link)]
    days = rules.challenges.remind_working_days_before_due
    if days:
        before = calendar.subtract_working_days(due_on, days)
        if before > started_on:
            planned.append(Reminder(f"{ReminderKind.CHALLENGE_DUE}:{step_id}", ReminderKind.CHALLENGE_DUE, _morning(before, rules), email,
                                    stage_name, due_at, link))
    planned.append(Reminder(f"{ReminderKind.CHALLENGE_LATE}:{step_id}", ReminderKind.CHALLENGE_LATE,
                            _morning(calendar.add_working_days(due_on, 1), rules), email, stage_name, due_at, link))
    past = [r for r in planned if r.send_at <= now]
    return [r for r in planned if r not in past[:-1]]


async def challenge_rows(session: AsyncSession, now: datetime, rules: dict[str, LARules], horizon: timedelta) -> list[dict[str, Any]]:
    """The outbox rows for every open challenge's unanswered stage with someone asked to answer it."""
    waiting = (await session.execute(
        select(Challenge.id, ChallengeStep.id.label("step_id"), ChallengeStep.stage_name, ChallengeStep.started_on, ChallengeStep.due_on,
               Person.id.label("person_id"), Person.email, LocalAuthority.slug)
        .join(ChallengeStep, and_(ChallengeStep.challenge_id == Challenge.id, ChallengeStep.stage == Challenge.stage))
        .join(Person, Person.id == ChallengeStep.responder_id)
        .join(LocalAuthority, LocalAuthority.id == Challenge.la_id)
        .where(Challenge.status == ChallengeStatus.OPEN, ChallengeStep.outcome.is_(None), Person.status == PersonStatus.ACTIVE)
        .order_by(Challenge.id)
    )).all()
    rows = []
    for row in waiting:
        la_rules = rules_for_la(rules, row.slug)
        for reminder in plan_step_reminders(row.id, row.step_id, row.stage_name, row.email, row.started_on, row.due_on, la_rules, now):
            if reminder.send_at <= now + horizon:
                rows.append({
                    "key": f"{reminder.key}:to:{row.person_id}", "kind": reminder.kind.value, "recipient": reminder.to,
                    "payload": {"organisationName": reminder.organisation_name, "dueAt": reminder.due_at.isoformat(),
                                "linkPath": reminder.link_path, "timezone": la_rules.timezone},
                    "conference_id": None, "invitation_id": None, "challenge_id": row.id, "send_at": reminder.send_at,
                    "status": OutboxStatus.PENDING.value, "attempts": 0, "created_at": now,
                })
    return rows


def unplanned_challenge_reminders(planned: set[str]) -> Any:
    """The condition for unsent challenge reminders this pass did not plan: answered, escalated past, closed, or superseded."""
    return and_(ReminderOutbox.kind.in_([k.value for k in CHALLENGE_KINDS]), ReminderOutbox.key.not_in(planned) if planned else True)


def challenge_email(reminder: Reminder, link: str) -> tuple[str, str]:
    """The subject and body: the stage and its last day, nothing about the child."""
    day = f"{reminder.due_at:%A} {reminder.due_at.day} {reminder.due_at:%B %Y}"
    stage = reminder.organisation_name[:1].lower() + reminder.organisation_name[1:]
    if reminder.kind is ReminderKind.CHALLENGE_ASK:
        return ("An IRO challenge is waiting for your answer",
                f"An independent reviewing officer has asked you to answer a challenge at the {stage} stage, by {day}.\n\n"
                f"Sign in to read it and answer:\n{link}\n")
    if reminder.kind is ReminderKind.CHALLENGE_DUE:
        return (f"IRO challenge: your answer is due by {day}",
                f"A challenge you were asked to answer at the {stage} stage is due by {day}.\n\nSign in to answer it:\n{link}\n")
    return ("IRO challenge: your answer is overdue",
            f"A challenge you were asked to answer at the {stage} stage was due by {day} and has not been answered.\n\n"
            f"Sign in to answer it as soon as you can:\n{link}\n")
