"""Deadlines for a conference from its LA's rules and one or more anchor dates."""

from dataclasses import dataclass
from datetime import date, datetime

from portal.enums import ConferenceKind
from portal.timescales.rules import LARules
from portal.timescales.workdays import WorkingCalendar, add_months

ICPC_KINDS = (ConferenceKind.ICPC, ConferenceKind.TRANSFER_IN_ICPC)
ROLLED = ", moved back to a working day if it falls on a weekend, bank holiday or closure day"


class MissingAnchor(ValueError):
    pass


@dataclass(frozen=True)
class Anchors:
    """Dates a conference's deadlines are counted from. For a transfer-in ICPC,
    `strategy_discussion` is the day the receiving LA was notified of the transfer.
    `review_number` is 1 for a child's first RCPC or LAC review, 2 for the second, and so on."""

    strategy_discussion: date | None = None
    icpc_date: date | None = None
    looked_after_date: date | None = None
    meeting_date: date | None = None
    previous_review_date: date | None = None
    review_number: int | None = None


@dataclass(frozen=True)
class Deadline:
    id: str
    label: str
    due: date | datetime
    basis: str

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "label": self.label, "due": self.due.isoformat(), "basis": self.basis}


@dataclass(frozen=True)
class InvitationDueTimes:
    report_due_at: datetime
    family_due_at: datetime | None


def _by_months(calendar: WorkingCalendar, start: date, months: int) -> date:
    return calendar.on_or_before(add_months(start, months))


def statutory_latest(kind: ConferenceKind, anchors: Anchors, rules: LARules, calendar: WorkingCalendar) -> date | None:
    """The latest date the conference itself may be held on, or None when its anchor is not known."""
    found = _statutory(kind, anchors, rules, calendar)
    return found[0] if found else None


def _statutory(
    kind: ConferenceKind, anchors: Anchors, rules: LARules, calendar: WorkingCalendar
) -> tuple[date, str] | None:
    s = rules.statutory
    if kind in ICPC_KINDS:
        if anchors.strategy_discussion is None:
            return None
        if kind is ConferenceKind.ICPC:
            days, after = s.icpc_working_days_after_strategy_discussion, "the strategy discussion"
        else:
            days, after = s.transfer_in_icpc_working_days_after_notification, "notification of the transfer"
        return calendar.add_working_days(anchors.strategy_discussion, days), f"{days} working days after {after} {anchors.strategy_discussion}"
    previous = anchors.previous_review_date
    if previous is None and anchors.review_number in (None, 1):
        if kind is ConferenceKind.RCPC:
            if anchors.icpc_date is None:
                return None
            months = s.first_rcpc_months_after_icpc
            return _by_months(calendar, anchors.icpc_date, months), f"{months} months after the ICPC {anchors.icpc_date}{ROLLED}"
        if anchors.looked_after_date is None:
            return None
        days = s.first_lac_review_working_days_after_looked_after
        return (
            calendar.add_working_days(anchors.looked_after_date, days),
            f"{days} working days after becoming looked after {anchors.looked_after_date}",
        )
    if previous is None or (kind is ConferenceKind.LAC_REVIEW and anchors.review_number is None):
        return None
    if kind is ConferenceKind.RCPC:
        months = s.rcpc_interval_months
    else:
        months = s.second_lac_review_months_after_first if anchors.review_number == 2 else s.lac_review_interval_months
    return _by_months(calendar, previous, months), f"{months} months after the previous review {previous}{ROLLED}"


def next_review_latest(
    kind: ConferenceKind, held_on: date, rules: LARules, calendar: WorkingCalendar, review_number: int = 1
) -> date:
    """The latest date for the next review once this conference has been held on `held_on`.
    `review_number` is this conference's own number for an RCPC or LAC review."""
    s = rules.statutory
    if kind in ICPC_KINDS:
        months = s.first_rcpc_months_after_icpc
    elif kind is ConferenceKind.RCPC:
        months = s.rcpc_interval_months
    else:
        months = s.second_lac_review_months_after_first if review_number == 1 else s.lac_review_interval_months
    return _by_months(calendar, held_on, months)


def invitation_due_times(
    kind: ConferenceKind, meeting_at: datetime, rules: LARules, calendar: WorkingCalendar
) -> InvitationDueTimes:
    """When an invitee's report must reach the chair and the family, as times in the LA's zone."""
    if meeting_at.tzinfo is None:
        raise ValueError("meeting_at must carry a time zone")
    meeting_day = meeting_at.astimezone(rules.zone).date()
    deadlines = rules.reports[kind]

    def due(working_days: int) -> datetime:
        day = calendar.subtract_working_days(meeting_day, working_days)
        return datetime.combine(day, deadlines.admin_cutoff, tzinfo=rules.zone)

    family = deadlines.family_working_days_before
    return InvitationDueTimes(due(deadlines.chair_working_days_before), None if family is None else due(family))


def _working_days(count: int) -> str:
    return f"{count} working day" if count == 1 else f"{count} working days"


def _meeting_day(kind: ConferenceKind, anchors: Anchors, latest: date | None) -> tuple[date, str]:
    if anchors.meeting_date:
        return anchors.meeting_date, "the meeting date"
    if kind in ICPC_KINDS and anchors.icpc_date:
        return anchors.icpc_date, "the ICPC date"
    if latest:
        return latest, "the latest statutory date (no meeting date given)"
    needs = {
        ConferenceKind.ICPC: "a strategy discussion date, an ICPC date or a meeting date",
        ConferenceKind.TRANSFER_IN_ICPC: "a transfer notification (strategy discussion) date or a meeting date",
        ConferenceKind.RCPC: "an ICPC date, a previous review date or a meeting date",
        ConferenceKind.LAC_REVIEW: "the date the child became looked after, a previous review date or a meeting date",
    }
    raise MissingAnchor(f"{kind.value} needs {needs[kind]}")


def compute_deadlines(kind: ConferenceKind, rules: LARules, anchors: Anchors) -> list[Deadline]:
    """Every deadline for one conference, in date order."""
    calendar = rules.calendar()
    statutory = _statutory(kind, anchors, rules, calendar)
    latest = statutory[0] if statutory else None
    meeting, meeting_basis = _meeting_day(kind, anchors, latest)
    found: list[Deadline] = []
    if statutory:
        found.append(Deadline("conference_latest", f"Latest date for this {kind.value}", *statutory))

    report = rules.reports[kind]
    meeting_at = datetime.combine(meeting, report.admin_cutoff, tzinfo=rules.zone)
    due = invitation_due_times(kind, meeting_at, rules, calendar)
    found.append(Deadline(
        "report_to_chair", "Reports reach the chair", due.report_due_at,
        f"{_working_days(report.chair_working_days_before)} before {meeting_basis} {meeting}, by {report.admin_cutoff:%H:%M}",
    ))
    if due.family_due_at:
        found.append(Deadline(
            "report_to_family", "Reports shared with the family", due.family_due_at,
            f"{_working_days(report.family_working_days_before)} before {meeting_basis} {meeting}, by {report.admin_cutoff:%H:%M}",
        ))
    for days in rules.reminders.working_days_before_due:
        found.append(Deadline(
            f"reminder_{days}_working_days", f"Reminder to invitees ({_working_days(days)} before the chair's deadline)",
            calendar.subtract_working_days(due.report_due_at.date(), days), "reminder settings",
        ))
    s = rules.statutory
    review_number = anchors.review_number or 1
    if kind in ICPC_KINDS:
        found.append(Deadline(
            "core_group_latest", "Latest date for the first core group", calendar.add_working_days(meeting, s.core_group_working_days_after_icpc),
            f"{s.core_group_working_days_after_icpc} working days after {meeting_basis} {meeting}",
        ))
    label, months = _next_review(kind, review_number, rules)
    found.append(Deadline(
        "next_review_latest", label, next_review_latest(kind, meeting, rules, calendar, review_number),
        f"{months} months after {meeting_basis} {meeting}{ROLLED}",
    ))
    return sorted(found, key=lambda d: d.due.date() if isinstance(d.due, datetime) else d.due)


def _next_review(kind: ConferenceKind, review_number: int, rules: LARules) -> tuple[str, int]:
    s = rules.statutory
    if kind in ICPC_KINDS:
        return "Latest date for the first RCPC", s.first_rcpc_months_after_icpc
    if kind is ConferenceKind.RCPC:
        return "Latest date for the next RCPC", s.rcpc_interval_months
    if review_number == 1:
        return "Latest date for the second LAC review", s.second_lac_review_months_after_first
    return "Latest date for the next LAC review", s.lac_review_interval_months
