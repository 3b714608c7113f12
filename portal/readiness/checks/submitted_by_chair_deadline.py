"""Each submitted report reached the chair by its deadline."""

from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult, Status
from portal.readiness.wording import CHAIR, listed, when

ID = "submitted_by_chair_deadline"
TITLE = "Reports submitted by the chair's deadline"


def check(data: ReadinessInput) -> CheckResult:
    submitted = data.submitted()
    if not submitted:
        return CheckResult(ID, TITLE, Status.NOT_APPLICABLE, "No reports have been submitted yet.")
    zone = data.rules.zone
    late = [(i, c) for i, c in submitted if c.submitted_at is None or c.submitted_at > i.report_due_at]
    if not late:
        return CheckResult(ID, TITLE, Status.MET, f"All {len(submitted)} submitted reports arrived by their deadline.")
    described = listed(
        f"{i.organisation.name} (due {when(i.report_due_at, zone)}, "
        f"{'no submission time recorded' if c.submitted_at is None else 'submitted ' + when(c.submitted_at, zone)})"
        for i, c in late
    )
    return CheckResult(
        ID, TITLE, Status.NOT_MET,
        f"Submitted after the chair's deadline: {described}. The chair should confirm there was time to read them.",
        (CHAIR,),
    )
