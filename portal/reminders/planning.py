"""Which reminders should exist, each with a key that is the same however often it is planned.

Planning is pure: the worker re-plans on every pass, stores new keys in its outbox
(a key already there is ignored), cancels unsent ones no longer planned, and sends
those whose time has come.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from portal.readiness import Status
from portal.timescales import LARules, WorkingCalendar

SEND_AT = time(9, 0)


class ReminderKind(StrEnum):
    BEFORE_DUE = "BEFORE_DUE"
    OVERDUE = "OVERDUE"
    AT_RISK = "AT_RISK"
    CHILD_VIEWS = "CHILD_VIEWS"  # a link for a child's views (portal/families/child_views.py)
    FAMILY_NOTICE = "FAMILY_NOTICE"  # a family member told to sign in: access given, or a report shared
    CHALLENGE_ASK = "CHALLENGE_ASK"  # an IRO challenge's stage to answer (portal/challenges/reminders.py)
    CHALLENGE_DUE = "CHALLENGE_DUE"
    CHALLENGE_LATE = "CHALLENGE_LATE"


@dataclass(frozen=True)
class Invitee:
    """An invitation as reminders see it: nothing about the children or the family."""

    invitation_id: str
    organisation_name: str
    email: str
    report_due_at: datetime
    submitted: bool


@dataclass(frozen=True)
class Reminder:
    key: str
    kind: ReminderKind
    send_at: datetime
    to: str
    organisation_name: str
    due_at: datetime
    link_path: str


def plan_invitee_reminders(invitee: Invitee, rules: LARules, calendar: WorkingCalendar, now: datetime) -> list[Reminder]:
    """Reminders before the report is due, and one when it becomes overdue; none once it is submitted."""
    if invitee.submitted:
        return []
    due = invitee.report_due_at
    due_day = due.astimezone(rules.zone).date()
    link = f"/invitations/{invitee.invitation_id}"
    stamp = due.astimezone(rules.zone).isoformat()
    planned = []
    if due > now:
        for days in rules.reminders.working_days_before_due:
            day = calendar.subtract_working_days(due_day, days)
            planned.append(Reminder(
                f"{ReminderKind.BEFORE_DUE}:{invitee.invitation_id}:{stamp}:{days}", ReminderKind.BEFORE_DUE,
                _morning(day, rules), invitee.email, invitee.organisation_name, due, link,
            ))
    if rules.reminders.overdue:
        planned.append(Reminder(
            f"{ReminderKind.OVERDUE}:{invitee.invitation_id}:{stamp}", ReminderKind.OVERDUE,
            due, invitee.email, invitee.organisation_name, due, link,
        ))
    return planned


def plan_chair_alert(
    conference_id: str,
    chair_email: str,
    status: Status,
    meeting_at: datetime,
    rules: LARules,
    calendar: WorkingCalendar,
    now: datetime,
) -> Reminder | None:
    """At most one alert a day to the chair of a conference that is not ready, from the LA's
    alert window before the meeting until the meeting starts."""
    if not rules.reminders.chair_when_at_risk or status not in (Status.AT_RISK, Status.NOT_MET) or now >= meeting_at:
        return None
    meeting_day = meeting_at.astimezone(rules.zone).date()
    opens = _morning(calendar.subtract_working_days(meeting_day, rules.reminders.chair_at_risk_working_days_before_meeting), rules)
    if now < opens:
        return None
    today = now.astimezone(rules.zone).date()
    return Reminder(
        f"{ReminderKind.AT_RISK}:{conference_id}:{today.isoformat()}", ReminderKind.AT_RISK,
        max(opens, _morning(today, rules)), chair_email, "", meeting_at, f"/conferences/{conference_id}/readiness",
    )


def due_now(reminders: list[Reminder], now: datetime) -> list[Reminder]:
    return sorted((r for r in reminders if r.send_at <= now), key=lambda r: r.send_at)


def _morning(day: date, rules: LARules) -> datetime:
    return datetime.combine(day, SEND_AT, tzinfo=rules.zone)


def still_to_send(reminders: list[Reminder], sent: set[str], now: datetime) -> list[Reminder]:
    """The planned reminders the worker has yet to send, soonest first: of the before-due ones whose
    time has passed only the latest goes, as the worker sends it (`sent` holds reminders' keys)."""
    past = sorted((r for r in reminders if r.kind is ReminderKind.BEFORE_DUE and r.send_at <= now), key=lambda r: r.send_at)
    stale = {r.key for r in past[:-1]}
    return sorted((r for r in reminders if r.key not in stale and r.key not in sent), key=lambda r: r.send_at)
