"""Working-day arithmetic: weekends, England & Wales bank holidays and an LA's own closure days."""

from calendar import monthrange
from collections.abc import Iterable
from datetime import date, timedelta


class WorkingCalendar:
    def __init__(self, closures: Iterable[date] = ()) -> None:
        import holidays  # a large package; only commands that count days need it

        self._bank_holidays = holidays.country_holidays("GB", subdiv="ENG")
        self._closures = frozenset(closures)
        self._known: dict[date, bool] = {}  # looking a day up in `holidays` is slow; reports look up the same days often

    def is_working_day(self, day: date) -> bool:
        known = self._known.get(day)
        if known is None:
            known = self._known[day] = day.weekday() < 5 and day not in self._bank_holidays and day not in self._closures
        return known

    def non_working_reason(self, day: date) -> str | None:
        if day.weekday() >= 5:
            return "weekend"
        if day in self._bank_holidays:
            return self._bank_holidays.get(day)
        if day in self._closures:
            return "local authority closure day"
        return None

    def add_working_days(self, start: date, count: int) -> date:
        """The working day `count` working days after `start` (`start` itself not counted)."""
        return self._step(start, count, timedelta(days=1))

    def subtract_working_days(self, start: date, count: int) -> date:
        """The working day `count` working days before `start`."""
        return self._step(start, count, timedelta(days=-1))

    def on_or_before(self, day: date) -> date:
        """`day` if it is a working day, otherwise the last working day before it."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative when `end` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(self.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))

    def _step(self, day: date, count: int, step: timedelta) -> date:
        if count < 0:
            raise ValueError("count of working days must not be negative")
        while count:
            day += step
            if self.is_working_day(day):
                count -= 1
        return day


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later, or the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))
