from collections.abc import Mapping

from portal.readiness.checks import CHECKS, Check
from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import ReadinessResult, overall


def assess(data: ReadinessInput, checks: Mapping[str, Check] = CHECKS) -> ReadinessResult:
    """Run every check on one conference and summarise."""
    results = tuple(run(data) for run in checks.values())
    return ReadinessResult(data.conference_id, overall([r.status for r in results]), results)
