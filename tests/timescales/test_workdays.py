from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.timescales import WorkingCalendar, add_months

plain = WorkingCalendar()


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        # Christmas 2026: Fri 25 Dec, Boxing Day observed Mon 28 Dec, New Year Fri 1 Jan 2027.
        (date(2026, 12, 24), 1, date(2026, 12, 29)),
        (date(2026, 12, 18), 15, date(2027, 1, 13)),
        # Christmas 2027 falls at a weekend: observed Mon 27 and Tue 28 Dec; New Year observed Mon 3 Jan 2028.
        (date(2027, 12, 24), 1, date(2027, 12, 29)),
        (date(2027, 12, 31), 1, date(2028, 1, 4)),
        # Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr.
        (date(2026, 4, 2), 1, date(2026, 4, 7)),
        # Easter 2027: Good Friday 26 Mar, Easter Monday 29 Mar.
        (date(2027, 3, 25), 2, date(2027, 3, 31)),
        # Spring bank holidays: Mon 25 May 2026, Mon 31 May 2027.
        (date(2026, 5, 22), 1, date(2026, 5, 26)),
        (date(2027, 5, 28), 1, date(2027, 6, 1)),
        # Summer bank holidays: Mon 31 Aug 2026, Mon 30 Aug 2027.
        (date(2026, 8, 28), 1, date(2026, 9, 1)),
        (date(2027, 8, 27), 1, date(2027, 8, 31)),
        # A Saturday start counts from Monday.
        (date(2026, 10, 3), 1, date(2026, 10, 5)),
        (date(2026, 10, 5), 0, date(2026, 10, 5)),
    ],
)
def test_add_working_days_over_weekends_and_bank_holidays(start: date, count: int, expected: date) -> None:
    assert plain.add_working_days(start, count) == expected


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2027, 1, 4), 1, date(2026, 12, 31)),
        (date(2027, 1, 4), 4, date(2026, 12, 24)),
        (date(2026, 4, 7), 1, date(2026, 4, 2)),
        (date(2027, 8, 31), 1, date(2027, 8, 27)),
        (date(2026, 5, 26), 2, date(2026, 5, 21)),
    ],
)
def test_subtract_working_days(start: date, count: int, expected: date) -> None:
    assert plain.subtract_working_days(start, count) == expected


def test_closure_days_are_not_working_days() -> None:
    closed = WorkingCalendar([date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)])
    assert closed.add_working_days(date(2026, 12, 24), 1) == date(2027, 1, 4)
    assert closed.non_working_reason(date(2026, 12, 30)) == "local authority closure day"
    assert plain.is_working_day(date(2026, 12, 30))


def test_non_working_reason_names_the_bank_holiday() -> None:
    assert plain.non_working_reason(date(2027, 3, 26)) == "Good Friday"
    assert plain.non_working_reason(date(2027, 3, 27)) == "weekend"
    assert plain.non_working_reason(date(2027, 3, 30)) is None


def test_on_or_before_moves_back_over_easter() -> None:
    assert plain.on_or_before(date(2027, 3, 29)) == date(2027, 3, 25)
    assert plain.on_or_before(date(2027, 3, 25)) == date(2027, 3, 25)


def test_working_days_between_counts_after_start_up_to_end() -> None:
    assert plain.working_days_between(date(2026, 12, 18), date(2027, 1, 13)) == 15
    assert plain.working_days_between(date(2027, 1, 13), date(2026, 12, 18)) == -15


def test_negative_count_is_refused() -> None:
    with pytest.raises(ValueError):
        plain.add_working_days(date(2026, 1, 5), -1)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 10, 15), 3, date(2027, 1, 15)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@given(st.dates(date(2026, 1, 1), date(2027, 12, 31)), st.integers(0, 60))
def test_adding_then_counting_working_days_agree(start: date, count: int) -> None:
    end = plain.add_working_days(start, count)
    assert plain.working_days_between(start, end) == count
    assert count == 0 or plain.is_working_day(end)
    if plain.is_working_day(start):
        assert plain.subtract_working_days(end, count) == start
