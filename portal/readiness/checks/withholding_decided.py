"""Every request to withhold information from the family has been decided by the chair."""

from dataclasses import replace

from portal.enums import WithholdingDecision
from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult, Status
from portal.readiness.wording import CHAIR

ID = "withholding_decided"
TITLE = "Requests to withhold information decided"


def check(data: ReadinessInput) -> CheckResult:
    requests = data.withholding_requests
    if not requests:
        return CheckResult(ID, TITLE, Status.NOT_APPLICABLE, "No requests to withhold information from the family.")
    pending = [w for w in requests if w.decision is WithholdingDecision.PENDING]
    if not pending:
        return CheckResult(ID, TITLE, Status.MET, f"All {len(requests)} requests to withhold information have been decided.")
    family_deadlines = [i.family_due_at for i in data.invitations if i.family_due_at is not None]
    decide_by = min(family_deadlines, default=data.meeting_at)
    status = Status.NOT_MET if data.now > decide_by else Status.AT_RISK
    return CheckResult(
        ID, TITLE, status,
        f"{len(pending)} of {len(requests)} requests to withhold information from the family wait for the chair's decision.",
        (replace(CHAIR, by=decide_by),),
    )
