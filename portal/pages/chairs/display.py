"""How the chair's pages show times: in England's time zone, as the readiness explanations do."""

from datetime import datetime
from zoneinfo import ZoneInfo

from portal.readiness.wording import when

ENGLAND = ZoneInfo("Europe/London")


def moment(value: str | None) -> str:
    """An ISO date-time from an operation, as the pages show it: Thu 22 Oct 2026 10:00."""
    return when(datetime.fromisoformat(value), ENGLAND) if value else ""


def day(value: str | None) -> str:
    """An ISO date (or the date of a date-time): 22 October 2026."""
    if not value:
        return ""
    parsed = datetime.fromisoformat(value)
    local = parsed.astimezone(ENGLAND) if parsed.tzinfo else parsed
    return f"{local.day} {local:%B %Y}"


FILTERS = {"chair_moment": moment, "chair_day": day}
