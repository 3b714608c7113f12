from dataclasses import replace

from portal.enums import Role, ViewsConveyed
from portal.readiness import ChildConsultation, Status
from portal.readiness.checks.children_consulted import check
from tests.support.readiness_inputs import AFTER_MEETING


def test_met_says_how_each_childs_views_are_conveyed(ready) -> None:
    result = check(ready)
    assert result.status is Status.MET
    assert "child 4: advocate and child 5: attended" in result.explanation


def test_child_without_a_record_is_at_risk_before_the_meeting(ready) -> None:
    result = check(replace(ready, consultations=ready.consultations[:1]))
    assert result.status is Status.AT_RISK
    assert "No consultation recorded for child 5" in result.explanation
    assert result.who_must_act[0].role is Role.SOCIAL_WORKER


def test_child_without_a_record_after_the_meeting_is_not_met(ready) -> None:
    assert check(replace(ready, consultations=ready.consultations[:1], now=AFTER_MEETING)).status is Status.NOT_MET


def test_child_not_seen_is_at_risk(ready) -> None:
    consultations = (ready.consultations[0], ChildConsultation("5", False, ViewsConveyed.FAMILY_MEMBER))
    result = check(replace(ready, consultations=consultations))
    assert result.status is Status.AT_RISK
    assert "Not yet seen: child 5" in result.explanation


def test_views_not_conveyed_is_not_met(ready) -> None:
    consultations = (ready.consultations[0], ChildConsultation("5", True, ViewsConveyed.NOT_CONVEYED))
    result = check(replace(ready, consultations=consultations))
    assert result.status is Status.NOT_MET
    assert "No way of conveying the views of child 5" in result.explanation


def test_other_ways_of_conveying_views_are_met(ready) -> None:
    for how in (ViewsConveyed.OTHER_MEDIUM, ViewsConveyed.CONSULTATION_FORM, ViewsConveyed.FAMILY_MEMBER):
        consultations = (ready.consultations[0], ChildConsultation("5", True, how))
        assert check(replace(ready, consultations=consultations)).status is Status.MET


def test_no_children_recorded_is_not_met(ready) -> None:
    assert check(replace(ready, children=(), consultations=())).status is Status.NOT_MET
