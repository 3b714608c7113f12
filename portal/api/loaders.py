"""DataLoaders: every relationship the schema exposes is fetched in one batched query per request."""

from collections.abc import Mapping

from sqlalchemy.orm import Bundle

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
from portal.timescales import LARules


class Loaders:
    def __init__(self, reader: Reader, rules: Mapping[str, LARules]) -> None:
        self.readiness = readiness_loader(reader, rules)
        self.organisation = by_id(reader, Organisation)
        self.person = by_id(reader, Person)
        self.local_authority = by_id(reader, LocalAuthority)
        self.conference = by_id(reader, Conference)
        self.invitation = by_id(reader, Invitation)
        self.child = by_id(reader, Child)
        self.case_people_by_child = grouped(reader, CasePerson.child_id, CasePerson, CasePerson.id)
        self.case_people_by_conference = grouped(
            reader, ConferenceChild.conference_id, CasePerson, CasePerson.id, join=(CasePerson, CasePerson.child_id == ConferenceChild.child_id)
        )
        self.children_by_conference = grouped(
            reader, ConferenceChild.conference_id, Child, Child.date_of_birth, Child.id, join=(Child, Child.id == ConferenceChild.child_id)
        )
        self.invitations_by_conference = grouped(reader, Invitation.conference_id, Invitation, Invitation.id)
        self.attendance_by_invitation = grouped(reader, InvitationAttendance.invitation_id, InvitationAttendance)
        self.contributions_by_conference = grouped(reader, Contribution.conference_id, Contribution, Contribution.id)
        self.contribution_by_invitation = grouped(reader, Contribution.invitation_id, Contribution)
        self.withholdings_by_contribution = grouped(reader, WithholdingRequest.contribution_id, WithholdingRequest, WithholdingRequest.id)
        self.withholdings_by_conference = grouped(
            reader, Contribution.conference_id, WithholdingRequest, WithholdingRequest.id,
            join=(WithholdingRequest, WithholdingRequest.contribution_id == Contribution.id),
        )
        self.versions_by_contribution = grouped(reader, ContributionVersion.contribution_id, ContributionVersion, ContributionVersion.number)
        self.consultations_by_conference = grouped(reader, ChildConsultation.conference_id, ChildConsultation, ChildConsultation.child_id)
        self.children_by_proceedings = grouped(
            reader, ProceedingsChild.proceedings_id, Child, Child.id, join=(Child, Child.id == ProceedingsChild.child_id)
        )
        self.care_plan_views_by_proceedings = grouped(
            reader, CarePlanView.proceedings_id, CarePlanView, CarePlanView.child_id, CarePlanView.version
        )
        self.proceedings = by_id(reader, CareProceedings)
        self.care_plan_seen_by_proceedings = grouped(reader, CarePlanSeen.proceedings_id, CarePlanSeen, CarePlanSeen.child_id)
        self.uploads_by_contribution = grouped(
            reader, UploadedReport.contribution_id, upload_details(), UploadedReport.id,
            join=(ContributionVersion, ContributionVersion.id == UploadedReport.contribution_version_id),
        )
        self.placement_decisions_by_contribution = grouped(
            reader, UploadedReport.contribution_id, Bundle("decided", PlacementDecision.upload_id, PlacementDecision.item),
            PlacementDecision.id, join=(PlacementDecision, PlacementDecision.upload_id == UploadedReport.id),
        )
        self.contribution = by_id(reader, Contribution)
        self.outcome_by_conference = grouped(reader, ConferenceOutcome.conference_id, ConferenceOutcome)
        self.child_outcomes_by_conference = grouped(reader, ChildOutcome.conference_id, ChildOutcome, ChildOutcome.child_id)
        self.audit = AuditLoaders(reader)
        self.challenges = ChallengeLoaders(reader)


__all__ = ["Loaders", "Reader"]
