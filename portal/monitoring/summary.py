"""The checklist's findings for the heads of service: per quarter of a reporting year, the meetings, how many
checklists were complete before the meeting, and each theme's met / not met / not applicable counts."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from portal.history.annual import ReportingYear
from portal.monitoring.config import Monitoring
from portal.monitoring.timing import completed_before, meeting_day
from portal.timescales.workdays import add_months


@dataclass(frozen=True)
class ThemeCount:
    item: str
    theme: str
    met: int
    not_met: int
    not_applicable: int


@dataclass
class Quarter:
    label: str
    starts_on: date
    ends_on: date
    meetings: int = 0
    completed_before: int = 0
    themes: list[ThemeCount] = field(default_factory=list)

    @property
    def completed_before_pct(self) -> float | None:
        return round(100 * self.completed_before / self.meetings, 1) if self.meetings else None


def quarters(year: ReportingYear) -> list[tuple[date, date]]:
    starts = [add_months(year.start, 3 * n) for n in range(4)]
    return [(start, add_months(start, 3) - timedelta(days=1)) for start in starts]


def quarterly_summary(meetings: Sequence[Any], answers: Sequence[Any], data: Monitoring, year: ReportingYear, zone: Any) -> list[Quarter]:
    """`meetings`: each meeting not cancelled (conference_id, held_on, scheduled_at, completed_at); `answers`: (conference_id, item, answer).
    A meeting falls in the quarter of the day it was held on, or is scheduled for."""
    found = []
    for start, end in quarters(year):
        quarter = Quarter(f"{start:%B} to {end:%B %Y}", start, end)
        inside = set()
        for meeting in meetings:
            day = meeting_day(meeting, zone)
            if day is not None and start <= day <= end:
                inside.add(meeting.conference_id)
                quarter.meetings += 1
                quarter.completed_before += completed_before(meeting.completed_at, meeting.scheduled_at, meeting.held_on, zone)
        counts = Counter((a.item, a.answer) for a in answers if a.conference_id in inside)
        quarter.themes = [ThemeCount(item.id, item.theme, counts[(item.id, "MET")], counts[(item.id, "NOT_MET")], counts[(item.id, "NOT_APPLICABLE")])
                          for item in data.checklist]
        found.append(quarter)
    return found
