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
from portal.readiness.result import Actor, CheckResult, ReadinessResult, Status

__all__ = [
    "CHECKS",
    "Actor",
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
