"""A date and a time of day typed into a form, read as a moment in England's time, and back."""

import re
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from portal.pages.contributor_extras.dates import PARTS, read_date

ENGLAND = ZoneInfo("Europe/London")
TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")
WORDS = {"midday": time(12), "noon": time(12), "midnight": time(0)}


@dataclass(frozen=True)
class MomentAnswer:
    typed: dict[str, str]
    value: datetime | None
    problem: str | None
    wrong: tuple[str, ...]  # the boxes to mark: day, month, year or time

    @property
    def field(self) -> str:
        return self.wrong[0] if self.wrong else "day"


def read_time(typed: str) -> time | None:
    """10:00, 14:30, 9am, 2.30pm, midday; None for anything else."""
    text = typed.strip().lower().replace(" ", "")
    if text in WORDS:
        return WORDS[text]
    found = TIME.match(text)
    if found is None:
        return None
    hour, minute, half = int(found[1]), int(found[2] or 0), found[3]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif found[2] is None:
        return None
    return time(hour, minute) if hour < 24 and minute < 60 else None


def read_moment(fields: dict[str, str], prefix: str, what: str) -> MomentAnswer:
    """The date boxes `{prefix}-day/-month/-year` and the box `{prefix}-time`; `what` names it in messages."""
    day = read_date(fields, prefix, f"The date {what}")
    typed = day.typed | {"time": fields.get(f"{prefix}-time", "").strip()}
    if day.value is None:
        return MomentAnswer(typed, None, day.problem, day.wrong)
    if not typed["time"]:
        return MomentAnswer(typed, None, f"Enter the time {what}", ("time",))
    at = read_time(typed["time"])
    if at is None:
        return MomentAnswer(typed, None, f"The time {what} must be a real time, like 10am or 14:30", ("time",))
    return MomentAnswer(typed, datetime.combine(day.value, at, tzinfo=ENGLAND), None, ())


def typed_moment(value: str | None) -> dict[str, str]:
    """The boxes filled in with an ISO date-time from the API, in England's time."""
    if not value:
        return dict.fromkeys((*PARTS, "time"), "")
    moment = datetime.fromisoformat(value).astimezone(ENGLAND)
    return {"day": str(moment.day), "month": str(moment.month), "year": str(moment.year), "time": f"{moment:%H:%M}"}
