"""At least one safety goal across the submitted reports."""

from portal.readiness.checks._section_present import section_present
from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult

ID = "safety_goal_present"
TITLE = "At least one safety goal"


def check(data: ReadinessInput) -> CheckResult:
    return section_present(data, ID, TITLE, "safety_goals", "a safety goal")
