"""Shared logic for "at least one report holds this section"."""

from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult, Status
from portal.readiness.wording import SOCIAL_WORKER, contributors, listed


def section_present(data: ReadinessInput, check_id: str, title: str, section_id: str, what: str) -> CheckResult:
    holders = [i.organisation.name for i, c in data.submitted() if c.has_text(section_id)]
    if holders:
        return CheckResult(check_id, title, Status.MET, f"{what.capitalize()} given by {listed(holders)}.")
    outstanding = data.outstanding()
    if outstanding and not data.meeting_passed:
        return CheckResult(
            check_id, title, Status.AT_RISK,
            f"No submitted report has {what} yet; reports still expected from {listed(i.organisation.name for i in outstanding)}.",
            contributors(outstanding) + (SOCIAL_WORKER,),
        )
    return CheckResult(check_id, title, Status.NOT_MET, f"No submitted report has {what}.", (SOCIAL_WORKER,))
