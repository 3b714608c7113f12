"""At least one danger statement across the submitted reports."""

from portal.readiness.checks._section_present import section_present
from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult

ID = "danger_statement_present"
TITLE = "At least one danger statement"


def check(data: ReadinessInput) -> CheckResult:
    return section_present(data, ID, TITLE, "danger_statement", "a danger statement")
