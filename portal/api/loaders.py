"""DataLoaders: every relationship the schema exposes is fetched in one batched query per request."""

from collections.abc import Callable, Mapping
from functools import cached_property
from typing import TypeVar

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

T = TypeVar("T")


def _lazy(make: Callable[[Reader], T]) -> "cached_property[T]":
    """A loader made from the request's reader on first use, then kept for the request."""
    return cached_property(lambda loaders: make(loaders.reader))


class Loaders:
    """Each loader is made on first use: a request reads a few of them."""

    def __init__(self, reader: Reader, rules: Mapping[str, LARules]) -> None:
        self.reader = reader
        self.rules = rules

    @cached_property
    def readiness(self) -> DataLoader[int, ReadinessResult | None]:
        return readiness_loader(self.reader, self.rules)

    organisation = _lazy(lambda r: by_id(r, Organisation))
    person = _lazy(lambda r: by_id(r, Person))
    local_authority = _lazy(lambda r: by_id(r, LocalAuthority))
    conference = _lazy(lambda r: by_id(r, Conference))
    invitation = _lazy(lambda r: by_id(r, Invitation))
    child = _lazy(lambda r: by_id(r, Child))
    contribution = _lazy(lambda r: by_id(r, Contribution))
    proceedings = _lazy(lambda r: by_id(r, CareProceedings))
    case_people_by_child = _lazy(lambda r: grouped(r, CasePerson.child_id, CasePerson, CasePerson.id))
    case_people_by_conference = _lazy(lambda r: grouped(
        r, ConferenceChild.conference_id, CasePerson, CasePerson.id, join=(CasePerson, CasePerson.child_id == ConferenceChild.child_id)))
    children_by_conference = _lazy(lambda r: grouped(
        r, ConferenceChild.conference_id, Child, Child.date_of_birth, Child.id, join=(Child, Child.id == ConferenceChild.child_id)))
    invitations_by_conference = _lazy(lambda r: grouped(r, Invitation.conference_id, Invitation, Invitation.id))
    attendance_by_invitation = _lazy(lambda r: grouped(r, InvitationAttendance.invitation_id, InvitationAttendance))
    contributions_by_conference = _lazy(lambda r: grouped(r, Contribution.conference_id, Contribution, Contribution.id))
    contribution_by_invitation = _lazy(lambda r: grouped(r, Contribution.invitation_id, Contribution))
    withholdings_by_contribution = _lazy(lambda r: grouped(r, WithholdingRequest.contribution_id, WithholdingRequest, WithholdingRequest.id))
    withholdings_by_conference = _lazy(lambda r: grouped(
        r, Contribution.conference_id, WithholdingRequest, WithholdingRequest.id,
        join=(WithholdingRequest, WithholdingRequest.contribution_id == Contribution.id)))
    versions_by_contribution = _lazy(lambda r: grouped(r, ContributionVersion.contribution_id, ContributionVersion, ContributionVersion.number))
    consultations_by_conference = _lazy(lambda r: grouped(r, ChildConsultation.conference_id, ChildConsultation, ChildConsultation.child_id))
    children_by_proceedings = _lazy(lambda r: grouped(
        r, ProceedingsChild.proceedings_id, Child, Child.id, join=(Child, Child.id == ProceedingsChild.child_id)))
    care_plan_views_by_proceedings = _lazy(lambda r: grouped(
        r, CarePlanView.proceedings_id, CarePlanView, CarePlanView.child_id, CarePlanView.version))
    care_plan_seen_by_proceedings = _lazy(lambda r: grouped(r, CarePlanSeen.proceedings_id, CarePlanSeen, CarePlanSeen.child_id))
    uploads_by_contribution = _lazy(lambda r: grouped(
        r, UploadedReport.contribution_id, upload_details(), UploadedReport.id,
        join=(ContributionVersion, ContributionVersion.id == UploadedReport.contribution_version_id)))
    placement_decisions_by_contribution = _lazy(lambda r: grouped(
        r, UploadedReport.contribution_id, Bundle("decided", PlacementDecision.upload_id, PlacementDecision.item),
        PlacementDecision.id, join=(PlacementDecision, PlacementDecision.upload_id == UploadedReport.id)))
    outcome_by_conference = _lazy(lambda r: grouped(r, ConferenceOutcome.conference_id, ConferenceOutcome))
    child_outcomes_by_conference = _lazy(lambda r: grouped(r, ChildOutcome.conference_id, ChildOutcome, ChildOutcome.child_id))
    audit = _lazy(AuditLoaders)
    challenges = _lazy(ChallengeLoaders)


__all__ = ["Loaders", "Reader"]
