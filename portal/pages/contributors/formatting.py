"""Times as GOV.UK writes them ("10am on Sunday 13 December 2026"), in England's time."""

from datetime import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def _clock(moment: datetime) -> str:
    if (moment.hour, moment.minute) == (12, 0):
        return "midday"
    if (moment.hour, moment.minute) == (0, 0):
        return "midnight"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def govuk_datetime(value: str | None) -> str:
    """An ISO date-time from the API as "10am on Friday 13 December 2026"; empty for none."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value).astimezone(LONDON)
    return f"{_clock(moment)} on {moment:%A} {moment.day} {moment:%B %Y}"

