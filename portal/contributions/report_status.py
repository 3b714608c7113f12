"""Where an invitation's report stands, as one reader may know it: a draft is the contributing
organisation's own business, so anyone else sees only whether the report has been submitted."""

from datetime import datetime
from enum import StrEnum

from portal.enums import ContributionStatus

SUBMITTED = (ContributionStatus.SUBMITTED, ContributionStatus.AMENDED)


class ReportStatus(StrEnum):
    NOT_STARTED = "NOT_STARTED"  # the organisation's own view: nothing saved yet
    DRAFT = "DRAFT"  # the organisation's own view: saved, not submitted
    NOT_SUBMITTED = "NOT_SUBMITTED"  # anyone else's view of either
    SUBMITTED = "SUBMITTED"
    AMENDED = "AMENDED"
    WITHDRAWN = "WITHDRAWN"


def report_status(status: ContributionStatus | None, own: bool) -> ReportStatus:
    """`status` is the contribution's as the reader may see it (None when there is none, or it is hidden from them)."""
    if status is None:
        return ReportStatus.NOT_STARTED if own else ReportStatus.NOT_SUBMITTED
    if status == ContributionStatus.DRAFT:
        return ReportStatus.DRAFT if own else ReportStatus.NOT_SUBMITTED
    return ReportStatus(status)


def overdue(status: ContributionStatus | None, report_due_at: datetime, now: datetime) -> bool:
    """Past its due time and not submitted (a withdrawn report is not submitted)."""
    return status not in SUBMITTED and now > report_due_at
