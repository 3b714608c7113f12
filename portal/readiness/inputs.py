"""What readiness is assessed from: one conference's data, mapped from the database by the caller."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from portal.enums import ConferenceKind, ContributionStatus, ViewsConveyed, WithholdingDecision
from portal.timescales import Anchors, LARules

SUBMITTED = (ContributionStatus.SUBMITTED, ContributionStatus.AMENDED)


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    agency_id: str


@dataclass(frozen=True)
class Invitation:
    id: str
    organisation: Organisation
    report_due_at: datetime
    family_due_at: datetime | None = None


@dataclass(frozen=True)
class Contribution:
    id: str
    invitation_id: str
    status: ContributionStatus
    submitted_at: datetime | None = None
    shared_with_family_on: date | None = None
    sections: Mapping[str, str] = field(default_factory=dict)
    scales: Mapping[str, int] = field(default_factory=dict)

    @property
    def submitted(self) -> bool:
        return self.status in SUBMITTED

    def has_text(self, section_id: str) -> bool:
        return bool(self.sections.get(section_id, "").strip())


@dataclass(frozen=True)
class WithholdingRequest:
    id: str
    contribution_id: str
    section_id: str
    decision: WithholdingDecision


@dataclass(frozen=True)
class ChildConsultation:
    child_id: str
    seen: bool
    views_conveyed: ViewsConveyed


@dataclass(frozen=True)
class ReadinessInput:
    conference_id: str
    kind: ConferenceKind
    meeting_at: datetime
    anchors: Anchors
    rules: LARules
    children: tuple[str, ...]
    invitations: tuple[Invitation, ...]
    contributions: tuple[Contribution, ...]
    now: datetime
    withholding_requests: tuple[WithholdingRequest, ...] = ()
    consultations: tuple[ChildConsultation, ...] = ()

    @cached_property
    def _by_invitation(self) -> dict[str, Contribution]:
        return {c.invitation_id: c for c in self.contributions}

    def contribution_for(self, invitation: Invitation) -> Contribution | None:
        return self._by_invitation.get(invitation.id)

    @cached_property
    def _submitted(self) -> tuple[tuple[Invitation, Contribution], ...]:
        pairs = ((i, self._by_invitation.get(i.id)) for i in self.invitations)
        return tuple((i, c) for i, c in pairs if c is not None and c.submitted)

    def submitted(self) -> list[tuple[Invitation, Contribution]]:
        return list(self._submitted)

    def outstanding(self) -> list[Invitation]:
        """Invitations whose report has not been submitted."""
        done = {i.id for i, _ in self._submitted}
        return [i for i in self.invitations if i.id not in done]

    @property
    def meeting_passed(self) -> bool:
        return self.now >= self.meeting_at
