"""Every child has a safety scale score in at least one submitted report."""

from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult, Status
from portal.readiness.wording import SOCIAL_WORKER, contributors, listed

ID = "safety_scale_per_child"
TITLE = "A safety scale for every child"


def check(data: ReadinessInput) -> CheckResult:
    if not data.children:
        return CheckResult(ID, TITLE, Status.NOT_APPLICABLE, "No children are recorded for this conference.")
    scored = {child for _, c in data.submitted() for child in c.scales}
    unscored = [child for child in data.children if child not in scored]
    if not unscored:
        return CheckResult(ID, TITLE, Status.MET, f"Every child ({len(data.children)}) has at least one safety scale score.")
    outstanding = data.outstanding()
    explanation = f"No safety scale score yet for child {listed(unscored)}."
    if outstanding and not data.meeting_passed:
        expected = listed(i.organisation.name for i in outstanding)
        return CheckResult(
            ID, TITLE, Status.AT_RISK, f"{explanation} Reports still expected from {expected}.",
            contributors(outstanding) + (SOCIAL_WORKER,),
        )
    return CheckResult(ID, TITLE, Status.NOT_MET, explanation, (SOCIAL_WORKER,))
