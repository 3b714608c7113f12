"""Is a conference ready, and if not, who must do what."""

from portal.readiness.checks import CHECKS
from portal.readiness.engine import assess
from portal.readiness.inputs import (
    ChildConsultation,
    Contribution,
    Invitation,
    Organisation,
    ReadinessInput,
    WithholdingRequest,
)
from portal.readiness.result import CheckResult, ReadinessResult, Status, WhoMustAct

__all__ = [
    "CHECKS",
    "WhoMustAct",
    "CheckResult",
    "ChildConsultation",
    "Contribution",
    "Invitation",
    "Organisation",
    "ReadinessInput",
    "ReadinessResult",
    "Status",
    "WithholdingRequest",
    "assess",
]
