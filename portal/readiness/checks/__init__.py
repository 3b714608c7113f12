"""One module per readiness check, each with a stable ID and a check(data) function."""

from collections.abc import Callable

from portal.readiness.checks import (
    all_invited_submitted,
    children_consulted,
    danger_statement_present,
    quorum,
    safety_goal_present,
    safety_scale_per_child,
    shared_with_family,
    submitted_by_chair_deadline,
    withholding_decided,
    within_statutory_timescale,
)
from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult

Check = Callable[[ReadinessInput], CheckResult]

MODULES = (
    within_statutory_timescale,
    all_invited_submitted,
    submitted_by_chair_deadline,
    shared_with_family,
    withholding_decided,
    children_consulted,
    danger_statement_present,
    safety_goal_present,
    safety_scale_per_child,
    quorum,
)
CHECKS: dict[str, Check] = {module.ID: module.check for module in MODULES}
