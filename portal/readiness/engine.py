from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from portal.readiness.checks import CHECKS, Check
from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult, ReadinessResult, overall


def assess(data: ReadinessInput, checks: Mapping[str, Check] = CHECKS) -> ReadinessResult:
    """Run every check on one conference and summarise."""
    results = tuple(_by_the_meeting(run(data), data.meeting_at) for run in checks.values())
    return ReadinessResult(data.conference_id, overall([r.status for r in results]), results)


def _by_the_meeting(result: CheckResult, meeting_at: datetime) -> CheckResult:
    """Whoever a check names without a deadline of its own must act before the meeting."""
    if all(a.by is not None for a in result.who_must_act):
        return result
    return replace(result, who_must_act=tuple(a if a.by is not None else replace(a, by=meeting_at) for a in result.who_must_act))
