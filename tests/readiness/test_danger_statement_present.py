from dataclasses import replace

from portal.enums import ContributionStatus
from portal.readiness import Status
from portal.readiness.checks.danger_statement_present import check
from tests.support.readiness_inputs import AFTER_MEETING, GP, SOCIAL_CARE, changed, without


def test_met_names_who_gave_one(ready) -> None:
    result = check(ready)
    assert result.status is Status.MET
    assert "Brackenridge Children's Services" in result.explanation


def test_blank_text_does_not_count(ready) -> None:
    data = replace(ready, contributions=changed(ready, SOCIAL_CARE, sections={"danger_statement": "  \n"}))
    assert check(data).status is Status.NOT_MET


def test_draft_does_not_count(ready) -> None:
    data = replace(ready, contributions=changed(ready, SOCIAL_CARE, status=ContributionStatus.DRAFT))
    result = check(data)
    assert result.status is Status.AT_RISK
    assert "Brackenridge Children's Services" in result.explanation


def test_at_risk_while_reports_are_outstanding_then_not_met(ready) -> None:
    contributions = without(replace(ready, contributions=without(ready, SOCIAL_CARE)), GP)
    assert check(replace(ready, contributions=contributions)).status is Status.AT_RISK
    assert check(replace(ready, contributions=contributions, now=AFTER_MEETING)).status is Status.NOT_MET
