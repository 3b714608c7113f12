"""The conference itself is scheduled within its statutory timescale."""

from portal.readiness.inputs import ReadinessInput
from portal.readiness.result import CheckResult, Status
from portal.readiness.wording import BUSINESS_SUPPORT, CHAIR
from portal.timescales import statutory_latest

ID = "within_statutory_timescale"
TITLE = "Conference within its statutory timescale"


def check(data: ReadinessInput) -> CheckResult:
    latest = statutory_latest(data.kind, data.anchors, data.rules, data.rules.calendar())
    if latest is None:
        return CheckResult(
            ID, TITLE, Status.AT_RISK,
            "The date this conference's timescale is counted from (strategy discussion, ICPC, becoming looked "
            "after or previous review) is not recorded, so the timescale cannot be confirmed.",
            (BUSINESS_SUPPORT,),
        )
    day = data.meeting_at.astimezone(data.rules.zone).date()
    if day <= latest:
        return CheckResult(ID, TITLE, Status.MET, f"Scheduled for {day:%d %b %Y}, on or before the latest date {latest:%d %b %Y}.")
    return CheckResult(
        ID, TITLE, Status.NOT_MET,
        f"Scheduled for {day:%d %b %Y}, after the latest date {latest:%d %b %Y}; "
        "bring it forward or record why it is out of timescale.",
        (BUSINESS_SUPPORT, CHAIR),
    )
