"""Every table, imported in one place so metadata and migrations see them all."""

from sqlmodel import SQLModel

from portal.accesslog.models import AccessLogEntry
from portal.audit.models import AuditItem, AuditorLevel, AuditRound, ModeratorDecision
from portal.careplans.models import CarePlanSeen, CarePlanView, CareProceedings, ProceedingsChild
from portal.challenges.models import Challenge, ChallengeReason, ChallengeStep
from portal.chasing.models import PhoneChase
from portal.children.models import CasePerson, Child
from portal.conferences.models import ChildConsultation, Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution, ContributionVersion, WithholdingRequest
from portal.families.models import FamilyMember, FamilyReportRead, FamilyResponse, InvitationAttendance, MeetingPlace
from portal.held_forms.models import HeldForm
from portal.history.models import HistoryChild, LookedAfterEpisode, LookedAfterReview, ProtectionPlan, Section47Enquiry
from portal.idempotency.models import IdempotencyKey
from portal.identity.models import ApiToken, OneTimeCode, ProviderLink, SignInEvent, SignInSession
from portal.ingest.models import UploadedReport
from portal.monitoring.models import MonitoringAnswer, MonitoringCheck
from portal.outcomes.models import ChildOutcome, ConferenceOutcome
from portal.people.models import LocalAuthority, Organisation, Person, PersonRole, Region
from portal.reminders.models import ReminderOutbox

metadata = SQLModel.metadata

__all__ = [
    "AccessLogEntry", "ApiToken", "AuditItem", "AuditRound", "AuditorLevel", "CarePlanSeen", "CarePlanView", "CareProceedings", "CasePerson", "Challenge", "ChallengeReason", "ChallengeStep", "Child",
    "ChildConsultation", "Conference", "ConferenceChild", "Contribution", "ContributionVersion", "FamilyMember", "FamilyReportRead", "FamilyResponse", "HeldForm", "HistoryChild", "IdempotencyKey", "Invitation", "InvitationAttendance", "LocalAuthority", "LookedAfterEpisode", "LookedAfterReview", "MeetingPlace",
    "MonitoringAnswer", "MonitoringCheck",
    "ModeratorDecision", "OneTimeCode", "Organisation", "Person", "PersonRole", "PhoneChase", "ProceedingsChild", "ProtectionPlan", "ProviderLink", "Region", "ReminderOutbox",
    "Section47Enquiry", "SignInEvent", "SignInSession", "UploadedReport",
    "WithholdingRequest", "metadata",
    "ChildOutcome", "ConferenceOutcome",
]
