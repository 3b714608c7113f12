"""Closed vocabularies shared by the models and the API."""

from enum import StrEnum


class Role(StrEnum):
    CHAIR = "CHAIR"
    BUSINESS_SUPPORT = "BUSINESS_SUPPORT"
    SOCIAL_WORKER = "SOCIAL_WORKER"
    CONTRIBUTOR = "CONTRIBUTOR"
    GUARDIAN = "GUARDIAN"
    AUDITOR = "AUDITOR"
    LA_ADMIN = "LA_ADMIN"
    ORG_ADMIN = "ORG_ADMIN"  # administers their own organisation: its API tokens
    HEAD_OF_SERVICE = "HEAD_OF_SERVICE"  # leads the LA's children's services: reads its IRO annual report
    IRO_MANAGER = "IRO_MANAGER"  # manages the LA's independent reviewing officers (the Review and Development unit)
    TEAM_MANAGER = "TEAM_MANAGER"  # manages a social work team: answers IRO challenges at the first stages
    SERVICE_MANAGER = "SERVICE_MANAGER"  # manages a children's social care service: answers IRO challenges escalated to them
    DIRECTOR = "DIRECTOR"  # the director of children's services: the last stage of an IRO challenge within the LA


class PersonStatus(StrEnum):
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"


class ConferenceKind(StrEnum):
    ICPC = "ICPC"
    RCPC = "RCPC"
    LAC_REVIEW = "LAC_REVIEW"
    TRANSFER_IN_ICPC = "TRANSFER_IN_ICPC"


class ConferenceStatus(StrEnum):
    DRAFT = "DRAFT"
    SCHEDULED = "SCHEDULED"
    HELD = "HELD"
    CANCELLED = "CANCELLED"


class ContributionStatus(StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    AMENDED = "AMENDED"
    WITHDRAWN = "WITHDRAWN"


class WithholdingDecision(StrEnum):
    PENDING = "PENDING"
    AGREED = "AGREED"
    REFUSED = "REFUSED"


class ViewsConveyed(StrEnum):
    ATTENDED = "ATTENDED"
    ADVOCATE = "ADVOCATE"
    FAMILY_MEMBER = "FAMILY_MEMBER"
    OTHER_MEDIUM = "OTHER_MEDIUM"
    CONSULTATION_FORM = "CONSULTATION_FORM"
    NOT_CONVEYED = "NOT_CONVEYED"


class Relationship(StrEnum):
    """How a person the case holds stands to the child."""

    MOTHER = "MOTHER"
    FATHER = "FATHER"
    STEP_MOTHER = "STEP_MOTHER"
    STEP_FATHER = "STEP_FATHER"
    MOTHERS_PARTNER = "MOTHERS_PARTNER"
    FATHERS_PARTNER = "FATHERS_PARTNER"
    GRANDMOTHER = "GRANDMOTHER"
    GRANDFATHER = "GRANDFATHER"
    AUNT = "AUNT"
    UNCLE = "UNCLE"
    SIBLING = "SIBLING"
    CARER = "CARER"
    FOSTER_CARER = "FOSTER_CARER"
    HOUSEHOLD_MEMBER = "HOUSEHOLD_MEMBER"
    FAMILY_FRIEND = "FAMILY_FRIEND"
    OTHER = "OTHER"
