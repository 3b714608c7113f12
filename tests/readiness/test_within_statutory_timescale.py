from dataclasses import replace
from datetime import UTC, date, datetime

from portal.enums import ConferenceKind, Role
from portal.readiness import Status
from portal.readiness.checks.within_statutory_timescale import check
from portal.timescales import Anchors
from tests.support.readiness_inputs import RULES


def test_met_on_or_before_the_latest_date(ready) -> None:
    result = check(ready)
    assert result.status is Status.MET
    assert "latest date 12 Oct 2026" in result.explanation
    assert check(replace(ready, meeting_at=datetime(2026, 10, 12, 14, 0, tzinfo=UTC))).status is Status.MET


def test_not_met_after_the_latest_date(ready) -> None:
    result = check(replace(ready, meeting_at=datetime(2026, 10, 13, 9, 0, tzinfo=UTC)))
    assert result.status is Status.NOT_MET
    assert {a.role for a in result.who_must_act} == {Role.BUSINESS_SUPPORT, Role.CHAIR}


def test_la_rules_apply(ready) -> None:
    # Westmarsh allows 10 working days: 5 Oct 2026 at the latest.
    assert check(replace(ready, rules=RULES["westmarsh"])).status is Status.NOT_MET


def test_missing_anchor_is_at_risk_for_business_support(ready) -> None:
    result = check(replace(ready, anchors=Anchors()))
    assert result.status is Status.AT_RISK
    assert result.who_must_act[0].role is Role.BUSINESS_SUPPORT


def test_lac_review_counted_from_becoming_looked_after_over_easter(ready) -> None:
    data = replace(
        ready, kind=ConferenceKind.LAC_REVIEW, anchors=Anchors(looked_after_date=date(2027, 3, 15)),
        meeting_at=datetime(2027, 4, 15, 9, 0, tzinfo=UTC),
    )
    assert check(data).status is Status.NOT_MET
    assert check(replace(data, meeting_at=datetime(2027, 4, 14, 9, 0, tzinfo=UTC))).status is Status.MET


def test_meeting_day_is_the_las_local_day(ready) -> None:
    # 23:30 UTC on 12 Oct is 00:30 on 13 Oct in London: one day late.
    assert check(replace(ready, meeting_at=datetime(2026, 10, 12, 23, 30, tzinfo=UTC))).status is Status.NOT_MET
