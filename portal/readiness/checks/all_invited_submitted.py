"""Every invited organisation has submitted its report."""

from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult, Status
from portal.readiness.wording import BUSINESS_SUPPORT, contributors, listed, when

ID = "all_invited_submitted"
TITLE = "Every invited agency has submitted a report"


def check(data: ReadinessInput) -> CheckResult:
    if not data.invitations:
        return CheckResult(ID, TITLE, Status.NOT_MET, "No agencies have been invited.", (BUSINESS_SUPPORT,))
    outstanding = data.outstanding()
    if not outstanding:
        return CheckResult(ID, TITLE, Status.MET, f"All {len(data.invitations)} invited agencies have submitted.")
    zone = data.rules.zone
    late = [i for i in outstanding if data.now > i.report_due_at]
    waiting = [i for i in outstanding if i not in late]
    parts = []
    if late:
        parts.append(f"Overdue: {listed(f'{i.organisation.name} (due {when(i.report_due_at, zone)})' for i in late)}.")
    if waiting:
        parts.append(f"Not yet submitted: {listed(f'{i.organisation.name} (due {when(i.report_due_at, zone)})' for i in waiting)}.")
    status = Status.NOT_MET if late else Status.AT_RISK
    return CheckResult(ID, TITLE, status, " ".join(parts), contributors(outstanding))
