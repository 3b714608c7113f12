from datetime import UTC, date, datetime

import pytest

from portal.enums import ConferenceKind
from portal.timescales import (
    Anchors,
    LARules,
    MissingAnchor,
    compute_deadlines,
    invitation_due_times,
    next_review_latest,
    statutory_latest,
)

ICPC, RCPC, LAC, TRANSFER = (
    ConferenceKind.ICPC,
    ConferenceKind.RCPC,
    ConferenceKind.LAC_REVIEW,
    ConferenceKind.TRANSFER_IN_ICPC,
)


def _due(deadlines: list, deadline_id: str) -> date | datetime:
    return next(d.due for d in deadlines if d.id == deadline_id)


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("default", date(2027, 1, 13)),  # over Christmas Day, Boxing Day observed and New Year's Day
        ("brackenridge", date(2027, 1, 18)),  # also closed 29 to 31 December
        ("westmarsh", date(2027, 1, 11)),  # 10 working days and closed 29 to 31 December
    ],
)
def test_icpc_latest_over_christmas_and_new_year(all_rules: dict[str, LARules], slug: str, expected: date) -> None:
    rules = all_rules[slug]
    assert statutory_latest(ICPC, Anchors(strategy_discussion=date(2026, 12, 18)), rules, rules.calendar()) == expected


def test_transfer_in_icpc_counts_from_notification(all_rules: dict[str, LARules]) -> None:
    rules = all_rules["default"]
    latest = statutory_latest(TRANSFER, Anchors(strategy_discussion=date(2027, 3, 19)), rules, rules.calendar())
    assert latest == date(2027, 4, 13)  # Good Friday and Easter Monday 2027 skipped


def test_first_lac_review_over_the_august_bank_holiday(all_rules: dict[str, LARules]) -> None:
    rules = all_rules["default"]
    anchors = Anchors(looked_after_date=date(2026, 8, 3))
    assert statutory_latest(LAC, anchors, rules, rules.calendar()) == date(2026, 9, 1)


def test_first_lac_review_over_easter_2027(all_rules: dict[str, LARules]) -> None:
    deadlines = compute_deadlines(LAC, all_rules["default"], Anchors(looked_after_date=date(2027, 3, 15)))
    assert _due(deadlines, "conference_latest") == date(2027, 4, 14)
    assert _due(deadlines, "next_review_latest") == date(2027, 7, 14)


@pytest.mark.parametrize(
    ("kind", "previous", "number", "expected"),
    [
        (LAC, date(2027, 2, 26), 2, date(2027, 5, 26)),
        (LAC, date(2026, 9, 29), 3, date(2027, 3, 25)),  # 29 Mar 2027 is Easter Monday
        (RCPC, date(2026, 9, 29), 2, date(2027, 3, 25)),
        (RCPC, date(2026, 9, 29), None, date(2027, 3, 25)),
    ],
)
def test_later_reviews_count_months_from_the_previous_review(
    all_rules: dict[str, LARules], kind: ConferenceKind, previous: date, number: int | None, expected: date
) -> None:
    rules = all_rules["default"]
    anchors = Anchors(previous_review_date=previous, review_number=number)
    assert statutory_latest(kind, anchors, rules, rules.calendar()) == expected


def test_lac_review_after_a_previous_one_needs_its_number(all_rules: dict[str, LARules]) -> None:
    rules = all_rules["default"]
    assert statutory_latest(LAC, Anchors(previous_review_date=date(2027, 2, 26)), rules, rules.calendar()) is None


def test_first_rcpc_from_icpc_date_moves_back_off_a_sunday(all_rules: dict[str, LARules]) -> None:
    rules = all_rules["default"]
    assert statutory_latest(RCPC, Anchors(icpc_date=date(2026, 11, 30)), rules, rules.calendar()) == date(2027, 2, 26)


@pytest.mark.parametrize(
    ("kind", "held_on", "number", "expected"),
    [
        (ICPC, date(2027, 9, 27), 1, date(2027, 12, 24)),  # 27 Dec 2027 is Christmas Day observed
        (TRANSFER, date(2027, 2, 26), 1, date(2027, 5, 26)),
        (RCPC, date(2026, 9, 29), 1, date(2027, 3, 25)),
        (LAC, date(2027, 2, 26), 1, date(2027, 5, 26)),
        (LAC, date(2027, 2, 26), 2, date(2027, 8, 26)),
    ],
)
def test_next_review_latest_when_a_conference_is_held(
    all_rules: dict[str, LARules], kind: ConferenceKind, held_on: date, number: int, expected: date
) -> None:
    rules = all_rules["default"]
    assert next_review_latest(kind, held_on, rules, rules.calendar(), number) == expected


def test_core_group_over_easter_2027(all_rules: dict[str, LARules]) -> None:
    deadlines = compute_deadlines(ICPC, all_rules["default"], Anchors(icpc_date=date(2027, 3, 22)))
    assert _due(deadlines, "core_group_latest") == date(2027, 4, 7)


def test_report_deadlines_before_the_late_may_bank_holiday_in_summer_time(all_rules: dict[str, LARules]) -> None:
    rules = all_rules["default"]
    due = invitation_due_times(RCPC, datetime(2027, 6, 1, 9, 0, tzinfo=UTC), rules, rules.calendar())
    assert due.report_due_at == datetime(2027, 5, 24, 16, 0, tzinfo=UTC)  # 17:00 BST
    assert due.family_due_at == datetime(2027, 5, 24, 16, 0, tzinfo=UTC)


def test_easterby_icpc_deadlines_over_new_year(all_rules: dict[str, LARules]) -> None:
    rules = all_rules["easterby"]
    due = invitation_due_times(ICPC, datetime(2027, 1, 5, 10, 0, tzinfo=UTC), rules, rules.calendar())
    assert due.report_due_at == datetime(2027, 1, 4, 10, 0, tzinfo=UTC)
    assert due.family_due_at == datetime(2026, 12, 31, 10, 0, tzinfo=UTC)


def test_no_family_deadline_when_the_la_sets_none(all_rules: dict[str, LARules]) -> None:
    rules = all_rules["westmarsh"]
    due = invitation_due_times(LAC, datetime(2026, 10, 12, 10, 0, tzinfo=UTC), rules, rules.calendar())
    assert due.family_due_at is None
    assert due.report_due_at == datetime(2026, 10, 5, 15, 0, tzinfo=UTC)  # 16:00 BST


def test_meeting_day_is_taken_in_the_las_time_zone(all_rules: dict[str, LARules]) -> None:
    rules = all_rules["default"]
    # 23:30 UTC on Monday 5 October 2026 is 00:30 on Tuesday 6 October in London.
    due = invitation_due_times(ICPC, datetime(2026, 10, 5, 23, 30, tzinfo=UTC), rules, rules.calendar())
    assert due.report_due_at.date() == date(2026, 10, 1)


def test_naive_meeting_time_is_refused(all_rules: dict[str, LARules]) -> None:
    rules = all_rules["default"]
    with pytest.raises(ValueError, match="time zone"):
        invitation_due_times(ICPC, datetime(2026, 10, 5, 10, 0), rules, rules.calendar())


def test_every_deadline_for_an_icpc_from_the_strategy_discussion(all_rules: dict[str, LARules]) -> None:
    deadlines = compute_deadlines(ICPC, all_rules["brackenridge"], Anchors(strategy_discussion=date(2026, 12, 18)))
    assert [(d.id, d.due.isoformat()) for d in deadlines] == [
        ("reminder_3_working_days", "2027-01-08"),
        ("reminder_1_working_days", "2027-01-12"),
        ("report_to_chair", "2027-01-13T17:00:00+00:00"),
        ("report_to_family", "2027-01-13T17:00:00+00:00"),
        ("conference_latest", "2027-01-18"),
        ("core_group_latest", "2027-02-01"),
        ("next_review_latest", "2027-04-16"),
    ]
    assert all(d.basis for d in deadlines)


def test_meeting_date_overrides_the_latest_date_for_report_deadlines(all_rules: dict[str, LARules]) -> None:
    anchors = Anchors(strategy_discussion=date(2026, 12, 18), meeting_date=date(2027, 1, 7))
    deadlines = compute_deadlines(ICPC, all_rules["default"], anchors)
    assert _due(deadlines, "conference_latest") == date(2027, 1, 13)
    assert _due(deadlines, "report_to_chair") == datetime(2027, 1, 4, 17, 0, tzinfo=UTC)
    assert _due(deadlines, "core_group_latest") == date(2027, 1, 21)


@pytest.mark.parametrize(
    ("kind", "anchors"),
    [
        (ICPC, Anchors(looked_after_date=date(2026, 12, 18))),
        (RCPC, Anchors()),
        (LAC, Anchors(strategy_discussion=date(2026, 12, 18))),
    ],
)
def test_missing_anchor_says_what_is_needed(all_rules: dict[str, LARules], kind: ConferenceKind, anchors: Anchors) -> None:
    with pytest.raises(MissingAnchor, match=f"^{kind.value} needs "):
        compute_deadlines(kind, all_rules["default"], anchors)
