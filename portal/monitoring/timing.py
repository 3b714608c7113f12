"""When a meeting is, and whether its checklist was complete before it: plain functions for the report and the summary."""

from datetime import date, datetime
from typing import Any


def meeting_day(conference: Any, zone: Any) -> date | None:
    """The day a meeting is (or was) on: the day it was held, else the day it is scheduled for, in the LA's time zone."""
    held = getattr(conference, "held_on", None)
    if held is not None:
        return held
    scheduled: datetime | None = getattr(conference, "scheduled_at", None)
    return scheduled.astimezone(zone).date() if scheduled is not None else None  # type: ignore[arg-type]


def completed_before(completed_at: datetime | None, scheduled_at: datetime | None, held_on: date | None, zone: Any) -> bool:
    """Completed before the meeting: before its scheduled start, or (with no start recorded) before the day it was held."""
    if completed_at is None:
        return False
    if scheduled_at is not None:
        return completed_at < scheduled_at
    return held_on is not None and completed_at.astimezone(zone).date() < held_on  # type: ignore[arg-type]
