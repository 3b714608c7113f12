from dataclasses import replace

from portal.enums import Role
from portal.readiness import CHECKS, Status, assess
from portal.readiness.result import overall
from tests.support.readiness_inputs import AFTER_DUE, GP, without


def test_ready_conference_is_met_with_every_check_listed(ready) -> None:
    result = assess(ready)
    assert result.status is Status.MET
    assert [c.id for c in result.checks] == list(CHECKS)
    assert {c.status for c in result.checks} == {Status.MET, Status.NOT_APPLICABLE}


def test_check_ids_are_unique_and_stable() -> None:
    assert len(CHECKS) == len(set(CHECKS)) >= 10
    assert {"all_invited_submitted", "submitted_by_chair_deadline", "shared_with_family", "children_consulted",
            "danger_statement_present", "safety_goal_present", "safety_scale_per_child", "quorum",
            "within_statutory_timescale", "withholding_decided"} <= set(CHECKS)


def test_one_overdue_report_makes_the_conference_not_met_and_names_who_acts(ready) -> None:
    result = assess(replace(ready, contributions=without(ready, GP), now=AFTER_DUE))
    assert result.status is Status.NOT_MET
    missing = result.check("all_invited_submitted")
    assert missing.who_must_act[0].role is Role.CONTRIBUTOR
    assert missing.who_must_act[0].organisation_name == "Riverside Surgery"


def test_overall_is_the_worst_status() -> None:
    assert overall([Status.MET, Status.AT_RISK, Status.NOT_APPLICABLE]) is Status.AT_RISK
    assert overall([Status.AT_RISK, Status.NOT_MET]) is Status.NOT_MET
    assert overall([Status.NOT_APPLICABLE]) is Status.MET


def test_json_shape(ready) -> None:
    payload = assess(ready).as_json()
    assert payload["conferenceId"] == "31" and payload["status"] == "MET"
    assert set(payload["checks"][0]) == {"id", "title", "status", "explanation", "whoMustAct"}
