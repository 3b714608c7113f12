"""Each report was shared with the family by the family deadline, unless the chair agreed to withhold it."""

from dataclasses import replace
from zoneinfo import ZoneInfo

from portal.enums import WithholdingDecision
from portal.readiness.inputs import Invitation, ReadinessInput
from portal.readiness.result import CheckResult, Status
from portal.readiness.wording import CHAIR, contributors, listed, when

ID = "shared_with_family"
TITLE = "Reports shared with the family by the family deadline"


def check(data: ReadinessInput) -> CheckResult:
    due = [i for i in data.invitations if i.family_due_at is not None]
    if not due:
        return CheckResult(ID, TITLE, Status.NOT_APPLICABLE, "This conference has no deadline for sharing reports with the family.")
    zone = data.rules.zone
    late, waiting, awaiting_decision = [], [], []
    for invitation in due:
        contribution = data.contribution_for(invitation)
        deadline = invitation.family_due_at.astimezone(zone).date()
        if contribution is not None:
            if contribution.shared_with_family_on is not None and contribution.shared_with_family_on <= deadline:
                continue
            decisions = {w.decision for w in data.withholding_requests if w.contribution_id == contribution.id}
            if WithholdingDecision.AGREED in decisions:
                continue
            if WithholdingDecision.PENDING in decisions:
                awaiting_decision.append(invitation)
                continue
        (late if data.now > invitation.family_due_at else waiting).append(invitation)
    if not (late or waiting or awaiting_decision):
        return CheckResult(ID, TITLE, Status.MET, "Every report was shared with the family in time or withheld with the chair's agreement.")
    parts = []
    if late:
        parts.append(f"Not shared with the family by the deadline: {listed(_due(i, zone) for i in late)}.")
    if waiting:
        parts.append(f"Still to be shared with the family: {listed(_due(i, zone) for i in waiting)}.")
    if awaiting_decision:
        parts.append(f"Waiting for the chair to decide a request to withhold: {listed(i.organisation.name for i in awaiting_decision)}.")
    who = contributors(late + waiting, due=lambda i: i.family_due_at)
    if awaiting_decision:
        who += (replace(CHAIR, by=min(i.family_due_at for i in awaiting_decision)),)
    return CheckResult(ID, TITLE, Status.NOT_MET if late else Status.AT_RISK, " ".join(parts), who)


def _due(invitation: Invitation, zone: ZoneInfo) -> str:
    return f"{invitation.organisation.name} (due {when(invitation.family_due_at, zone)})"
