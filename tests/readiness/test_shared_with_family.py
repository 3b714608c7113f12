from dataclasses import replace
from datetime import date

from portal.enums import Role, WithholdingDecision
from portal.readiness import Status, WithholdingRequest
from portal.readiness.checks.shared_with_family import check
from tests.support.readiness_inputs import BEFORE_DUE, GP, changed, without


def test_met_when_shared_by_the_family_deadline(ready) -> None:
    assert check(ready).status is Status.MET


def test_shared_on_the_deadline_day_counts(ready) -> None:
    assert check(replace(ready, contributions=changed(ready, GP, shared_with_family_on=date(2026, 10, 5)))).status is Status.MET


def test_shared_late_is_not_met(ready) -> None:
    result = check(replace(ready, contributions=changed(ready, GP, shared_with_family_on=date(2026, 10, 6))))
    assert result.status is Status.NOT_MET
    assert "Not shared with the family by the deadline: Riverside Surgery" in result.explanation


def test_not_shared_before_the_deadline_is_at_risk(ready) -> None:
    result = check(replace(ready, contributions=changed(ready, GP, shared_with_family_on=None), now=BEFORE_DUE))
    assert result.status is Status.AT_RISK
    assert result.who_must_act[0].organisation_name == "Riverside Surgery"


def test_not_submitted_past_the_family_deadline_is_not_met(ready) -> None:
    assert check(replace(ready, contributions=without(ready, GP))).status is Status.NOT_MET


def test_withholding_agreed_by_the_chair_excuses_sharing(ready) -> None:
    request = WithholdingRequest("w1", "c-7", "parental_health", WithholdingDecision.AGREED)
    data = replace(ready, contributions=changed(ready, GP, shared_with_family_on=None), withholding_requests=(request,))
    assert check(data).status is Status.MET


def test_withholding_refused_does_not_excuse_sharing(ready) -> None:
    request = WithholdingRequest("w1", "c-7", "parental_health", WithholdingDecision.REFUSED)
    data = replace(ready, contributions=changed(ready, GP, shared_with_family_on=None), withholding_requests=(request,))
    assert check(data).status is Status.NOT_MET


def test_pending_withholding_waits_for_the_chair(ready) -> None:
    request = WithholdingRequest("w1", "c-7", "parental_health", WithholdingDecision.PENDING)
    data = replace(ready, contributions=changed(ready, GP, shared_with_family_on=None), withholding_requests=(request,))
    result = check(data)
    assert result.status is Status.AT_RISK
    assert [a.role for a in result.who_must_act] == [Role.CHAIR]


def test_not_applicable_without_family_deadlines(ready) -> None:
    invitations = tuple(replace(i, family_due_at=None) for i in ready.invitations)
    assert check(replace(ready, invitations=invitations)).status is Status.NOT_APPLICABLE
