from dataclasses import replace
from datetime import UTC, datetime

from portal.enums import Role
from portal.readiness import Status
from portal.readiness.checks.submitted_by_chair_deadline import check
from tests.support.readiness_inputs import GP, REPORT_DUE, changed


def test_met_when_all_arrived_in_time(ready) -> None:
    assert check(ready).status is Status.MET


def test_exactly_at_the_deadline_is_in_time(ready) -> None:
    assert check(replace(ready, contributions=changed(ready, GP, submitted_at=REPORT_DUE))).status is Status.MET


def test_late_submission_is_not_met_for_the_chair(ready) -> None:
    late = datetime(2026, 10, 5, 16, 1, tzinfo=UTC)
    result = check(replace(ready, contributions=changed(ready, GP, submitted_at=late)))
    assert result.status is Status.NOT_MET
    assert "Riverside Surgery (due Mon 5 Oct 2026 17:00, submitted Mon 5 Oct 2026 17:01)" in result.explanation
    assert [a.role for a in result.who_must_act] == [Role.CHAIR]


def test_not_applicable_before_anything_is_submitted(ready) -> None:
    assert check(replace(ready, contributions=())).status is Status.NOT_APPLICABLE
