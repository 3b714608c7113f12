"""What a family member sees of a conference about their child, and, for staff, who in a family has access.

These types are the family's whole view: they carry no contact details, no draft, no withheld
section, no chair's notes and nothing of the audit."""

from datetime import date, datetime

import strawberry

from portal import access
from portal.api.children.types import RelationshipEnum
from portal.api.common import Markdown
from portal.api.conferences.types import ConferenceKindEnum, ConferenceStatusEnum
from portal.api.context import Info
from portal.api.families.enums import AttendanceEnum


@strawberry.type(name="FamilyChild")
@access.fields({"family.conference.read": ("id", "given_name", "family_name")})
class FamilyChildType:
    id: strawberry.ID
    given_name: str
    family_name: str


@strawberry.type(name="FamilyInvitee", description="An organisation invited to the meeting, and whether it has said it is coming.")
@access.fields({"family.conference.read": ("organisation_name", "agency_name", "attendance")})
class FamilyInviteeType:
    organisation_name: str
    agency_name: str
    attendance: AttendanceEnum | None = strawberry.field(description="Null until the organisation has replied.")  # type: ignore[valid-type]


@strawberry.type(name="FamilySection")
@access.fields({"family.conference.read": ("id", "title", "text")})
class FamilySectionType:
    id: str
    title: str
    text: Markdown


@strawberry.type(name="FamilyReport", description="A report its author has shared with the family, as the family may read it.")
@access.fields({"family.conference.read": ("id", "organisation_name", "agency_name", "shared_on", "new", "sections")})
class FamilyReportType:
    id: strawberry.ID
    organisation_name: str
    agency_name: str
    shared_on: date
    new: bool = strawberry.field(description="You have not opened it yet.")
    sections: list[FamilySectionType] = strawberry.field(description="In Signs of Safety order, without any section withheld from the family.")


@strawberry.type(name="FamilyResponse", description="What a family member wrote to the chair before the meeting.")
@access.fields({"family.response.read": ("id", "text", "sent_at", "from_name")})
class FamilyResponseType:
    id: strawberry.ID
    text: str
    sent_at: datetime
    from_name: str


@strawberry.type(name="FamilyPackEntry", description="What one agency wrote under one heading of the family pack.")
@access.fields({"family.conference.read": ("organisation_name", "title", "text")})
class FamilyPackEntryType:
    organisation_name: str
    title: str
    text: Markdown


@strawberry.type(name="FamilyTerm")
@access.fields({access.PUBLIC: ("term", "meaning")})
class FamilyTermType:
    term: str
    meaning: str


@strawberry.type(name="FamilyPack", description="The worries, what is working well and the safety goals from every report shared, with the words explained.")
@access.fields({"family.conference.read": ("worries", "working_well", "safety_goals", "glossary")})
class FamilyPackType:
    worries: list[FamilyPackEntryType]
    working_well: list[FamilyPackEntryType]
    safety_goals: list[FamilyPackEntryType]
    glossary: list[FamilyTermType]


@strawberry.type(name="FamilyReadability", description="A section's reading age, against the reading age the council asks for in what families read.")
@access.fields({"family.readability": ("section_id", "title", "reading_age", "target")})
class FamilyReadabilityType:
    section_id: str
    title: str
    reading_age: int
    target: int


@strawberry.type(name="FamilyChildDecision", description="What the conference decided for one of your children.")
@access.fields({"family.conference.read": ("given_name", "decision")})
class FamilyChildDecisionType:
    given_name: str
    decision: str | None = strawberry.field(description="In words, like Child protection plan; null for a review without one.")


@strawberry.type(name="FamilyOutcome", description="The outcome of a held meeting as the family is told it: never the chair's notes.")
@access.fields({"family.conference.read": ("children", "core_group_on", "next_review_on", "decisions", "outcome_sent_on", "minutes_sent_on")})
class FamilyOutcomeType:
    children: list[FamilyChildDecisionType]
    core_group_on: date | None
    next_review_on: date | None
    decisions: str
    outcome_sent_on: date | None
    minutes_sent_on: date | None = strawberry.field(description="When the minutes were sent to you; null until they are.")


@strawberry.type(name="FamilyConference", description="A meeting about your child, as the family sees it.")
@access.fields({"family.conference.read": (
    "id", "kind", "status", "scheduled_at", "held_on", "next_review_due_on", "place", "join_url", "chair_name", "local_authority_name", "children", "invitees", "reports", "my_responses", "pack", "outcome",
)})
class FamilyConferenceType:
    id: strawberry.ID
    kind: ConferenceKindEnum  # type: ignore[valid-type]
    status: ConferenceStatusEnum  # type: ignore[valid-type]
    scheduled_at: datetime | None
    held_on: date | None = strawberry.field(description="When the meeting was held; null until it has been.")
    next_review_due_on: date | None = strawberry.field(description="The latest date of the next review, once the meeting has been held.")
    place: str = strawberry.field(description="Where the meeting is held; empty when not yet recorded.")
    join_url: str = strawberry.field(description="How to join online; empty when the meeting is in person only.")
    chair_name: str | None
    local_authority_name: str
    children: list[FamilyChildType]

    @strawberry.field(description="The organisations invited, and who has said they are coming.")
    async def invitees(self, info: Info) -> list[FamilyInviteeType]:
        from portal.api.families.queries import invitees

        return await invitees(info, int(self.id))

    @strawberry.field(description="The reports shared with the family so far, latest shared first.")
    async def reports(self, info: Info) -> list[FamilyReportType]:
        from portal.api.families.queries import reports

        return await reports(info, int(self.id))

    @strawberry.field(description="The family pack: the worries, what is working well and the safety goals from every report shared so far.")
    async def pack(self, info: Info) -> FamilyPackType:
        from portal.api.families.queries import pack

        return await pack(info, int(self.id))

    @strawberry.field(description="The outcome, once the chair has recorded it after the meeting.")
    async def outcome(self, info: Info) -> FamilyOutcomeType | None:
        from portal.api.families.queries import outcome

        return await outcome(info, int(self.id))

    @strawberry.field(description="What you have written to the chair about this meeting, oldest first.")
    async def my_responses(self, info: Info) -> list[FamilyResponseType]:
        from portal.api.families.queries import responses

        return await responses(info, int(self.id), own=True)


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


@strawberry.type(name="MeetingPlace", description="Where the meeting is held, or how to join it online.")
@access.fields({"conference.schedule": ("place", "join_url", "recorded_at")})
class MeetingPlaceType:
    place: str
    join_url: str
    recorded_at: datetime
