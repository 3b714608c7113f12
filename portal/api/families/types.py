"""What a family member sees of a conference about their child, and, for staff, who in a family has access.

These types are the family's whole view: they carry no contact details, no draft, no withheld
section, no chair's notes and nothing of the audit."""

from datetime import datetime

import strawberry

from portal import access
from portal.api.children.types import RelationshipEnum
from portal.api.conferences.types import ConferenceKindEnum, ConferenceStatusEnum


@strawberry.type(name="FamilyChild")
@access.fields({"family.conference.read": ("id", "given_name", "family_name")})
class FamilyChildType:
    id: strawberry.ID
    given_name: str
    family_name: str


@strawberry.type(name="FamilyConference", description="A meeting about your child, as the family sees it.")
@access.fields({"family.conference.read": ("id", "kind", "status", "scheduled_at", "place", "join_url", "chair_name", "local_authority_name", "children")})
class FamilyConferenceType:
    id: strawberry.ID
    kind: ConferenceKindEnum  # type: ignore[valid-type]
    status: ConferenceStatusEnum  # type: ignore[valid-type]
    scheduled_at: datetime | None
    place: str = strawberry.field(description="Where the meeting is held; empty when not yet recorded.")
    join_url: str = strawberry.field(description="How to join online; empty when the meeting is in person only.")
    chair_name: str | None
    local_authority_name: str
    children: list[FamilyChildType]


@strawberry.type(name="FamilyMember", description="One family member's access to one child's conferences.")
@access.fields({"family.member.read": ("id", "case_person_id", "name", "email", "mobile", "relationship", "child_id", "granted_at", "ended_at")})
class FamilyMemberType:
    id: strawberry.ID
    case_person_id: strawberry.ID
    name: str
    email: str
    mobile: str
    relationship: RelationshipEnum  # type: ignore[valid-type]
    child_id: strawberry.ID
    granted_at: datetime
    ended_at: datetime | None
