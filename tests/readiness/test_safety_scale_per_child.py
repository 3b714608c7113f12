from dataclasses import replace

from portal.readiness import Status
from portal.readiness.checks.safety_scale_per_child import check
from tests.support.readiness_inputs import AFTER_MEETING, GP, SCHOOL, changed, without


def _only_child_4_scored(ready):
    return tuple(replace(c, scales={"4": 3}) for c in ready.contributions)


def test_met_when_each_child_is_scored(ready) -> None:
    assert check(ready).status is Status.MET


def test_one_agency_scoring_each_child_is_enough(ready) -> None:
    contributions = tuple(replace(c, scales={}) for c in ready.contributions)
    contributions = changed(replace(ready, contributions=contributions), GP, scales={"4": 2, "5": 6})
    assert check(replace(ready, contributions=contributions)).status is Status.MET


def test_unscored_child_with_nothing_outstanding_is_not_met(ready) -> None:
    result = check(replace(ready, contributions=_only_child_4_scored(ready)))
    assert result.status is Status.NOT_MET
    assert result.explanation == "No safety scale score yet for child 5."


def test_unscored_child_while_reports_are_outstanding_is_at_risk(ready) -> None:
    data = replace(ready, contributions=_only_child_4_scored(ready))
    data = replace(data, contributions=without(data, SCHOOL))
    result = check(data)
    assert result.status is Status.AT_RISK
    assert "Hollins Lane Primary School" in result.explanation
    assert check(replace(data, now=AFTER_MEETING)).status is Status.NOT_MET


def test_not_applicable_without_children(ready) -> None:
    assert check(replace(ready, children=())).status is Status.NOT_APPLICABLE
