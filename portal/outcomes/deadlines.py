"""An outcome's deadlines from the LA's rules: the outcome letter and the minutes after the meeting, and
the first core group after an ICPC, each in working days (weekends, bank holidays and closure days left out)."""

from dataclasses import dataclass
from datetime import date

from portal.enums import ConferenceKind
from portal.timescales.deadlines import ICPC_KINDS
from portal.timescales.rules import LARules


@dataclass(frozen=True)
class OutcomeDeadlines:
    outcome_due: date
    minutes_due: date
    core_group_due: date | None  # after an ICPC only


def outcome_deadlines(kind: str, held_on: date, rules: LARules) -> OutcomeDeadlines:
    calendar, after = rules.calendar(), rules.after_meeting
    core_group = None
    if ConferenceKind(kind) in ICPC_KINDS:
        core_group = calendar.add_working_days(held_on, rules.statutory.core_group_working_days_after_icpc)
    return OutcomeDeadlines(
        outcome_due=calendar.add_working_days(held_on, after.outcome_working_days_after_meeting),
        minutes_due=calendar.add_working_days(held_on, after.minutes_working_days_after_meeting),
        core_group_due=core_group,
    )


def met(on: date | None, due: date | None) -> bool | None:
    """Whether a date was on or before its deadline; None when either is not known (not sent, no deadline)."""
    if on is None or due is None:
        return None
    return on <= due
