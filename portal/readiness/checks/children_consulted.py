"""Every child was seen before the meeting, with a record of how their views will be conveyed."""

from portal.enums import ViewsConveyed
from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult, Status
from portal.readiness.wording import SOCIAL_WORKER, listed

ID = "children_consulted"
TITLE = "Every child consulted, and how their views will be conveyed"


def check(data: ReadinessInput) -> CheckResult:
    if not data.children:
        return CheckResult(ID, TITLE, Status.NOT_MET, "No children are recorded for this conference.", (SOCIAL_WORKER,))
    recorded = {c.child_id: c for c in data.consultations}
    missing = [child for child in data.children if child not in recorded]
    unseen = [child for child in data.children if child in recorded and not recorded[child].seen]
    not_conveyed = [
        child for child in data.children
        if child in recorded and recorded[child].views_conveyed is ViewsConveyed.NOT_CONVEYED
    ]
    if not (missing or unseen or not_conveyed):
        how = listed(f"child {c}: {recorded[c].views_conveyed.value.lower().replace('_', ' ')}" for c in data.children)
        return CheckResult(ID, TITLE, Status.MET, f"Every child has been seen. Views conveyed by {how}.")
    parts = []
    if missing:
        parts.append(f"No consultation recorded for child {listed(missing)}.")
    if unseen:
        parts.append(f"Not yet seen: child {listed(unseen)}.")
    if not_conveyed:
        parts.append(
            f"No way of conveying the views of child {listed(not_conveyed)}: record an advocate, a family member, "
            "another medium or a consultation form, or why the child cannot give views."
        )
    status = Status.NOT_MET if (not_conveyed or data.meeting_passed) else Status.AT_RISK
    return CheckResult(ID, TITLE, status, " ".join(parts), (SOCIAL_WORKER,))
