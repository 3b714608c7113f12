"""Who must act, and by when: a contributor by its own deadline, the chair by the check's, anyone else before the meeting."""

from dataclasses import replace
from datetime import UTC, datetime

from portal.enums import Role, WithholdingDecision
from portal.readiness import Status, WithholdingRequest, assess
from tests.support.readiness_inputs import AFTER_DUE, BEFORE_DUE, GP, MEETING, REPORT_DUE, changed, without

FAMILY_DUE = datetime(2026, 10, 6, 16, 0, tzinfo=UTC)


def test_a_contributor_must_submit_by_its_report_deadline(ready) -> None:
    result = assess(replace(ready, contributions=without(ready, GP), now=AFTER_DUE)).check("all_invited_submitted")
    assert [(a.organisation_name, a.by) for a in result.who_must_act] == [("Riverside Surgery", REPORT_DUE)]
    assert result.as_json()["whoMustAct"][0]["by"] == REPORT_DUE.isoformat()


def test_a_contributor_must_share_by_the_family_deadline(ready) -> None:
    invitations = tuple(replace(i, family_due_at=FAMILY_DUE) for i in ready.invitations)
    data = replace(ready, invitations=invitations, contributions=changed(ready, GP, shared_with_family_on=None), now=BEFORE_DUE)
    result = assess(data).check("shared_with_family")
    assert [(a.role, a.by) for a in result.who_must_act] == [(Role.CONTRIBUTOR, FAMILY_DUE)]


def test_the_chair_must_decide_withholding_by_the_family_deadline(ready) -> None:
    invitations = tuple(replace(i, family_due_at=FAMILY_DUE) for i in ready.invitations)
    pending = (WithholdingRequest("w1", "c-7", "parental_health", WithholdingDecision.PENDING),)
    result = assess(replace(ready, invitations=invitations, withholding_requests=pending, now=BEFORE_DUE)).check("withholding_decided")
    assert [(a.role, a.by) for a in result.who_must_act] == [(Role.CHAIR, FAMILY_DUE)]


def test_anyone_else_must_act_before_the_meeting(ready) -> None:
    result = assess(replace(ready, consultations=()))
    consulted = result.check("children_consulted")
    assert consulted.status is not Status.MET
    assert [(a.role, a.by) for a in consulted.who_must_act] == [(Role.SOCIAL_WORKER, MEETING)]
    assert all(a.by is not None for check in result.checks for a in check.who_must_act)
