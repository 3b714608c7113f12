"""The issues resolution process as plain functions of a challenge's dates and the LA's rules:
when each stage must answer, when the whole process must end, and where it may go next."""

from collections.abc import Sequence
from datetime import date

from portal.timescales.challenge_rules import ChallengeRules, ChallengeStage
from portal.timescales.workdays import WorkingCalendar


def overall_due(raised_on: date, rules: ChallengeRules, calendar: WorkingCalendar) -> date:
    """The last day the whole process should take: the LA's overall limit in working days after the day it was raised."""
    return calendar.add_working_days(raised_on, rules.overall_working_days)


def stage_due(started_on: date, stage: ChallengeStage, calendar: WorkingCalendar) -> date:
    """The last day to answer at a stage: its working days after the day the challenge reached it."""
    return calendar.add_working_days(started_on, stage.response_working_days)


def over_limit(due_on: date, closed_on: date | None, today: date) -> bool:
    """Past the overall limit: still open after its last day, or closed after it."""
    return (closed_on or today) > due_on


def later_stages(rules: ChallengeRules, current: str) -> Sequence[ChallengeStage]:
    """The stages an escalation may move to: any after the current one (the IRO may skip stages)."""
    position = rules.position(current) if rules.stage(current) else -1
    return rules.stages[position + 1:]
