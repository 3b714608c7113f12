from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from portal.enums import Role


class Status(StrEnum):
    MET = "MET"
    AT_RISK = "AT_RISK"
    NOT_MET = "NOT_MET"
    NOT_APPLICABLE = "NOT_APPLICABLE"


@dataclass(frozen=True)
class WhoMustAct:
    """Who must act: a role, and for contributors the organisation; and by when."""

    role: Role
    organisation_id: str | None = None
    organisation_name: str | None = None
    by: datetime | None = None

    def as_json(self) -> dict[str, str | None]:
        return {
            "role": self.role.value, "organisationId": self.organisation_id, "organisationName": self.organisation_name,
            "by": self.by.isoformat() if self.by else None,
        }


@dataclass(frozen=True)
class CheckResult:
    id: str
    title: str
    status: Status
    explanation: str
    who_must_act: tuple[WhoMustAct, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status.value,
            "explanation": self.explanation,
            "whoMustAct": [a.as_json() for a in self.who_must_act],
        }


@dataclass(frozen=True)
class ReadinessResult:
    conference_id: str
    status: Status
    checks: tuple[CheckResult, ...]

    def check(self, check_id: str) -> CheckResult:
        return next(c for c in self.checks if c.id == check_id)

    def as_json(self) -> dict[str, Any]:
        return {"conferenceId": self.conference_id, "status": self.status.value, "checks": [c.as_json() for c in self.checks]}


def overall(statuses: list[Status]) -> Status:
    """The worst status; met when every check is met or not applicable."""
    for status in (Status.NOT_MET, Status.AT_RISK):
        if status in statuses:
            return status
    return Status.MET
