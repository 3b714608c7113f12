from dataclasses import replace

from portal.readiness import Status
from portal.readiness.checks.safety_goal_present import check
from tests.support.readiness_inputs import GP, SOCIAL_CARE, changed


def test_met_when_a_report_has_a_safety_goal(ready) -> None:
    assert check(ready).status is Status.MET


def test_a_danger_statement_alone_is_not_a_safety_goal(ready) -> None:
    data = replace(ready, contributions=changed(ready, SOCIAL_CARE, sections={"danger_statement": "Worried that ..."}))
    result = check(data)
    assert result.status is Status.NOT_MET
    assert result.explanation == "No submitted report has a safety goal."


def test_any_agency_may_give_it(ready) -> None:
    contributions = changed(ready, SOCIAL_CARE, sections={})
    contributions = changed(replace(ready, contributions=contributions), GP, sections={"safety_goals": "Dad will ..."})
    result = check(replace(ready, contributions=contributions))
    assert result.status is Status.MET
    assert "Riverside Surgery" in result.explanation
