from dataclasses import replace

from portal.enums import ContributionStatus, Role
from portal.readiness import Status
from portal.readiness.checks.all_invited_submitted import check
from tests.support.readiness_inputs import BEFORE_DUE, GP, POLICE, changed, without


def test_met_when_every_invitation_has_a_submitted_report(ready) -> None:
    assert check(ready).status is Status.MET


def test_at_risk_before_the_deadline(ready) -> None:
    result = check(replace(ready, contributions=without(ready, GP), now=BEFORE_DUE))
    assert result.status is Status.AT_RISK
    assert "Not yet submitted: Riverside Surgery (due Mon 5 Oct 2026 17:00)" in result.explanation
    assert [a.organisation_id for a in result.who_must_act] == ["7"]


def test_not_met_once_overdue(ready) -> None:
    result = check(replace(ready, contributions=without(ready, GP)))
    assert result.status is Status.NOT_MET
    assert result.explanation.startswith("Overdue: Riverside Surgery")


def test_draft_and_withdrawn_reports_do_not_count(ready) -> None:
    contributions = changed(ready, GP, status=ContributionStatus.DRAFT)
    contributions = changed(replace(ready, contributions=contributions), POLICE, status=ContributionStatus.WITHDRAWN)
    result = check(replace(ready, contributions=contributions))
    assert result.status is Status.NOT_MET
    assert {a.organisation_name for a in result.who_must_act} == {"Riverside Surgery", "Northmoor Constabulary"}


def test_amended_counts_as_submitted(ready) -> None:
    assert check(replace(ready, contributions=changed(ready, GP, status=ContributionStatus.AMENDED))).status is Status.MET


def test_no_invitations_is_for_business_support(ready) -> None:
    result = check(replace(ready, invitations=(), contributions=()))
    assert result.status is Status.NOT_MET
    assert result.who_must_act[0].role is Role.BUSINESS_SUPPORT
