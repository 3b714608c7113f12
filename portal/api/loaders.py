"""DataLoaders: every relationship the schema exposes is fetched in one batched query per request."""

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Bundle
from strawberry.dataloader import DataLoader

from portal.api.audit.loaders import AuditLoaders
from portal.api.batching import Reader, by_id, grouped
from portal.api.challenges.loaders import ChallengeLoaders
from portal.api.readiness.loaders import readiness_loader
from portal.careplans.models import CarePlanSeen, CarePlanView, CareProceedings, ProceedingsChild
from portal.children.models import CasePerson, Child
from portal.conferences.models import ChildConsultation, Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution, ContributionVersion, WithholdingRequest
from portal.families.models import InvitationAttendance
from portal.ingest.models import PlacementDecision, UploadedReport, upload_details
from portal.outcomes.models import ChildOutcome, ConferenceOutcome
from portal.people.models import LocalAuthority, Organisation, Person
from portal.readiness.result import ReadinessResult
from portal.timescales import LARules


class Loaders:
    """Each loader is made on first use: a request reads a few of them."""

    def __init__(self, reader: Reader, rules: Mapping[str, LARules]) -> None:
        self.reader = reader
        self.rules = rules

    @cached_property
    def readiness(self) -> DataLoader[int, ReadinessResult | None]:
        return readiness_loader(self.reader, self.rules)

    @cached_property
    def organisation(self) -> DataLoader[int, Any]:
        return by_id(self.reader, Organisation)

    @cached_property
    def person(self) -> DataLoader[int, Any]:
        return by_id(self.reader, Person)

    @cached_property
    def local_authority(self) -> DataLoader[int, Any]:
        return by_id(self.reader, LocalAuthority)

    @cached_property
    def conference(self) -> DataLoader[int, Any]:
        return by_id(self.reader, Conference)

    @cached_property
    def invitation(self) -> DataLoader[int, Any]:
        return by_id(self.reader, Invitation)

    @cached_property
    def child(self) -> DataLoader[int, Any]:
        return by_id(self.reader, Child)

    @cached_property
    def case_people_by_child(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, CasePerson.child_id, CasePerson, CasePerson.id)

    @cached_property
    def case_people_by_conference(self) -> DataLoader[int, list[Any]]:
        return grouped(
            self.reader, ConferenceChild.conference_id, CasePerson, CasePerson.id, join=(CasePerson, CasePerson.child_id == ConferenceChild.child_id)
        )

    @cached_property
    def children_by_conference(self) -> DataLoader[int, list[Any]]:
        return grouped(
            self.reader, ConferenceChild.conference_id, Child, Child.date_of_birth, Child.id, join=(Child, Child.id == ConferenceChild.child_id)
        )

    @cached_property
    def invitations_by_conference(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, Invitation.conference_id, Invitation, Invitation.id)

    @cached_property
    def attendance_by_invitation(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, InvitationAttendance.invitation_id, InvitationAttendance)

    @cached_property
    def contributions_by_conference(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, Contribution.conference_id, Contribution, Contribution.id)

    @cached_property
    def contribution_by_invitation(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, Contribution.invitation_id, Contribution)

    @cached_property
    def withholdings_by_contribution(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, WithholdingRequest.contribution_id, WithholdingRequest, WithholdingRequest.id)

    @cached_property
    def withholdings_by_conference(self) -> DataLoader[int, list[Any]]:
        return grouped(
            self.reader, Contribution.conference_id, WithholdingRequest, WithholdingRequest.id,
            join=(WithholdingRequest, WithholdingRequest.contribution_id == Contribution.id),
        )

    @cached_property
    def versions_by_contribution(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, ContributionVersion.contribution_id, ContributionVersion, ContributionVersion.number)

    @cached_property
    def consultations_by_conference(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, ChildConsultation.conference_id, ChildConsultation, ChildConsultation.child_id)

    @cached_property
    def children_by_proceedings(self) -> DataLoader[int, list[Any]]:
        return grouped(
            self.reader, ProceedingsChild.proceedings_id, Child, Child.id, join=(Child, Child.id == ProceedingsChild.child_id)
        )

    @cached_property
    def care_plan_views_by_proceedings(self) -> DataLoader[int, list[Any]]:
        return grouped(
            self.reader, CarePlanView.proceedings_id, CarePlanView, CarePlanView.child_id, CarePlanView.version
        )

    @cached_property
    def proceedings(self) -> DataLoader[int, Any]:
        return by_id(self.reader, CareProceedings)

    @cached_property
    def care_plan_seen_by_proceedings(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, CarePlanSeen.proceedings_id, CarePlanSeen, CarePlanSeen.child_id)

    @cached_property
    def uploads_by_contribution(self) -> DataLoader[int, list[Any]]:
        return grouped(
            self.reader, UploadedReport.contribution_id, upload_details(), UploadedReport.id,
            join=(ContributionVersion, ContributionVersion.id == UploadedReport.contribution_version_id),
        )

    @cached_property
    def placement_decisions_by_contribution(self) -> DataLoader[int, list[Any]]:
        return grouped(
            self.reader, UploadedReport.contribution_id, Bundle("decided", PlacementDecision.upload_id, PlacementDecision.item),
            PlacementDecision.id, join=(PlacementDecision, PlacementDecision.upload_id == UploadedReport.id),
        )

    @cached_property
    def contribution(self) -> DataLoader[int, Any]:
        return by_id(self.reader, Contribution)

    @cached_property
    def outcome_by_conference(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, ConferenceOutcome.conference_id, ConferenceOutcome)

    @cached_property
    def child_outcomes_by_conference(self) -> DataLoader[int, list[Any]]:
        return grouped(self.reader, ChildOutcome.conference_id, ChildOutcome, ChildOutcome.child_id)

    @cached_property
    def audit(self) -> AuditLoaders:
        return AuditLoaders(self.reader)

    @cached_property
    def challenges(self) -> ChallengeLoaders:
        return ChallengeLoaders(self.reader)


__all__ = ["Loaders", "Reader"]
