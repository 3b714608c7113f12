from dataclasses import replace

from portal.enums import Role, WithholdingDecision
from portal.readiness import Status, WithholdingRequest
from portal.readiness.checks.withholding_decided import check
from tests.support.readiness_inputs import BEFORE_DUE


def _request(decision: WithholdingDecision, request_id: str = "w1") -> WithholdingRequest:
    return WithholdingRequest(request_id, "c-7", "parental_health", decision)


def test_not_applicable_without_requests(ready) -> None:
    assert check(ready).status is Status.NOT_APPLICABLE


def test_met_when_all_decided(ready) -> None:
    data = replace(ready, withholding_requests=(_request(WithholdingDecision.AGREED), _request(WithholdingDecision.REFUSED, "w2")))
    assert check(data).status is Status.MET


def test_pending_before_the_family_deadline_is_at_risk_for_the_chair(ready) -> None:
    data = replace(ready, withholding_requests=(_request(WithholdingDecision.PENDING),), now=BEFORE_DUE)
    result = check(data)
    assert result.status is Status.AT_RISK
    assert result.explanation.startswith("1 of 1 requests")
    assert [a.role for a in result.who_must_act] == [Role.CHAIR]


def test_pending_after_the_family_deadline_is_not_met(ready) -> None:
    data = replace(ready, withholding_requests=(_request(WithholdingDecision.PENDING), _request(WithholdingDecision.AGREED, "w2")))
    result = check(data)
    assert result.status is Status.NOT_MET
    assert result.explanation.startswith("1 of 2 requests")
