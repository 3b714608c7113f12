"""A family member's meetings, and who in a family has access to a conference's children."""

import strawberry
from sqlalchemy import select

from portal import access
from portal.access.scopes import family_children
from portal.api.common import Markdown
from portal.api.context import Info
from portal.api.families.types import (
    FamilyChildDecisionType,
    FamilyChildType,
    FamilyConferenceType,
    FamilyInviteeType,
    FamilyMemberType,
    FamilyOutcomeType,
    FamilyPackEntryType,
    FamilyPackType,
    FamilyReadabilityType,
    FamilyReportType,
    FamilyResponseType,
    FamilySectionType,
    FamilyTermType,
    MeetingPlaceType,
)
from portal.children.models import CasePerson, Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution, WithholdingRequest
from portal.families.models import FamilyMember, FamilyReportRead, FamilyResponse, InvitationAttendance, MeetingPlace
from portal.families.plain_english import reading_age, target_age, terms_used
from portal.families.reports import PACK, SHAREABLE, contact_patterns, family_sections
from portal.ids import parse_id
from portal.outcomes.codes import DECISION_TEXT, ProtectionDecision
from portal.outcomes.models import ChildOutcome, ConferenceOutcome
from portal.people.models import LocalAuthority, Organisation, Person


async def family_conferences(info: Info, conference_id: int | None = None) -> list[FamilyConferenceType]:
    """The meetings about the reader's own children (one, when `conference_id` is given), soonest first.
    Each is a read of those children's records, for the access log."""
    actor, reader = info.context.actor, info.context.reader
    statement = (
        select(Conference, LocalAuthority.name, Person.name, MeetingPlace.place, MeetingPlace.join_url)
        .join(LocalAuthority, LocalAuthority.id == Conference.la_id)
        .outerjoin(Person, Person.id == Conference.chair_id)
        .outerjoin(MeetingPlace, MeetingPlace.conference_id == Conference.id)
        .where(access.scope(actor, "family.conference.read"))
        .order_by(Conference.scheduled_at.desc(), Conference.id)
    )
    if conference_id is not None:
        statement = statement.where(Conference.id == conference_id)
    rows = await reader.all(statement)
    ids = [row[0].id for row in rows]
    children: dict[int, list[FamilyChildType]] = {}
    own = await reader.all(
        select(ConferenceChild.conference_id, Child)
        .join(Child, Child.id == ConferenceChild.child_id)
        .where(ConferenceChild.conference_id.in_(ids), Child.id.in_(family_children(actor)))
        .order_by(Child.date_of_birth, Child.id)
    )
    for found, child in own:
        reader.children_seen.add(child.id)
        children.setdefault(found, []).append(FamilyChildType(id=strawberry.ID(str(child.id)), given_name=child.given_name, family_name=child.family_name))
    return [
        FamilyConferenceType(
            id=strawberry.ID(str(conference.id)), kind=conference.kind, status=conference.status, scheduled_at=conference.scheduled_at,
            held_on=conference.held_on, next_review_due_on=conference.next_review_due_on,
            place=place or "", join_url=join_url or "", chair_name=chair, local_authority_name=la_name, children=children.get(conference.id, []),
        )
        for conference, la_name, chair, place, join_url in rows
    ]


async def invitees(info: Info, conference_id: int) -> list[FamilyInviteeType]:
    rows = await info.context.reader.all(
        select(Organisation.name, Organisation.agency_id, InvitationAttendance.answer)
        .select_from(Invitation)
        .join(Organisation, Organisation.id == Invitation.organisation_id)
        .outerjoin(InvitationAttendance, InvitationAttendance.invitation_id == Invitation.id)
        .where(Invitation.conference_id == conference_id)
        .order_by(Organisation.name, Invitation.id)
    )
    agencies = info.context.agencies
    return [FamilyInviteeType(organisation_name=name, agency_name=agencies[agency].name, attendance=answer) for name, agency, answer in rows]


async def reports(info: Info, conference_id: int) -> list[FamilyReportType]:
    """The conference's reports shared with the family; each section given out is a read of its report, for the access log."""
    actor, reader, agencies = info.context.actor, info.context.reader, info.context.agencies
    shared = await reader.all(
        select(Contribution, Organisation.name, Organisation.agency_id)
        .join(Organisation, Organisation.id == Contribution.organisation_id)
        .where(Contribution.conference_id == conference_id, Contribution.status.in_(SHAREABLE), Contribution.shared_with_family_on.is_not(None))
        .order_by(Contribution.shared_with_family_on.desc(), Contribution.id)
    )
    ids = [row[0].id for row in shared]
    withheld: dict[int, list[WithholdingRequest]] = {}
    for request in await reader.scalars(select(WithholdingRequest).where(WithholdingRequest.contribution_id.in_(ids))):
        withheld.setdefault(request.contribution_id, []).append(request)
    read = set(await reader.scalars(select(FamilyReportRead.contribution_id).where(
        FamilyReportRead.person_id == actor.person_id, FamilyReportRead.contribution_id.in_(ids))))
    flagged = await reader.scalars(
        select(CasePerson).join(ConferenceChild, ConferenceChild.child_id == CasePerson.child_id)
        .where(ConferenceChild.conference_id == conference_id, CasePerson.do_not_share_contact.is_(True))
    )
    patterns = contact_patterns(flagged)
    found = []
    for contribution, organisation, agency_id in shared:
        agency = agencies[agency_id]
        hidden = access.visible_sections(actor, contribution, access.Purpose.FAMILY, withheld.get(contribution.id, ()), None).hidden
        sections = [
            FamilySectionType(id=section_id, title=title, text=Markdown(text=text, contribution_id=contribution.id))
            for section_id, title, text in family_sections(agency, contribution.sections, hidden, patterns)
        ]
        found.append(FamilyReportType(
            id=strawberry.ID(str(contribution.id)), organisation_name=organisation, agency_name=agency.name,
            shared_on=contribution.shared_with_family_on, new=contribution.id not in read, sections=sections,
        ))
    return found


async def pack(info: Info, conference_id: int) -> FamilyPackType:
    found = await reports(info, conference_id)
    headings: dict[str, list[FamilyPackEntryType]] = {heading: [] for heading in PACK}
    for report in found:
        for section in report.sections:
            for heading, section_ids in PACK.items():
                if section.id in section_ids:
                    headings[heading].append(FamilyPackEntryType(organisation_name=report.organisation_name, title=section.title, text=section.text))
    texts = [s.text.text for r in found for s in r.sections]
    glossary = [FamilyTermType(term=t.term, meaning=t.meaning) for t in terms_used(texts)]
    return FamilyPackType(worries=headings["worries"], working_well=headings["working_well"], safety_goals=headings["safety_goals"], glossary=glossary)


async def outcome(info: Info, conference_id: int) -> FamilyOutcomeType | None:
    """The outcome for the reader's own children of the conference (already in their scope): no notes."""
    reader = info.context.reader
    found = await reader.scalars(select(ConferenceOutcome).where(ConferenceOutcome.conference_id == conference_id))
    if not found:
        return None
    decided = await reader.all(
        select(Child, ChildOutcome.decision).join(ChildOutcome, ChildOutcome.child_id == Child.id)
        .where(ChildOutcome.conference_id == conference_id, Child.id.in_(family_children(info.context.actor))).order_by(Child.date_of_birth, Child.id)
    )
    for child, _ in decided:
        reader.children_seen.add(child.id)
    recorded = found[0]
    return FamilyOutcomeType(
        children=[FamilyChildDecisionType(given_name=child.given_name, decision=DECISION_TEXT.get(ProtectionDecision(d)) if d else None) for child, d in decided],
        core_group_on=recorded.core_group_on, next_review_on=recorded.next_review_on, decisions=recorded.decisions,
        outcome_sent_on=recorded.outcome_sent_on, minutes_sent_on=recorded.minutes_sent_on,
    )


async def readability(info: Info, invitation: Invitation) -> list[FamilyReadabilityType]:
    """The sections of the invitation's report whose reading age is above the council's, for its author."""
    found = await info.context.loaders.contribution_by_invitation.load(invitation.id)
    if not found:
        return []
    conference = await info.context.loaders.conference.load(invitation.conference_id)
    la = await info.context.loaders.local_authority.load(conference.la_id)
    organisation = await info.context.loaders.organisation.load(invitation.organisation_id)
    agency, target = info.context.agencies[organisation.agency_id], target_age(la.slug)
    flagged = []
    for section in agency.sections:
        age = reading_age(found[0].sections.get(section.id, ""))
        if age is not None and age > target:
            flagged.append(FamilyReadabilityType(section_id=section.id, title=section.title, reading_age=age, target=target))
    return flagged


async def responses(info: Info, conference_id: int, own: bool) -> list[FamilyResponseType]:
    statement = (
        select(FamilyResponse, Person.name).join(Person, Person.id == FamilyResponse.person_id)
        .where(FamilyResponse.conference_id == conference_id).order_by(FamilyResponse.sent_at, FamilyResponse.id)
    )
    if own:
        statement = statement.where(FamilyResponse.person_id == info.context.actor.person_id)
    rows = await info.context.reader.all(statement)
    return [response_type(response, name) for response, name in rows]


def response_type(response: FamilyResponse, name: str) -> FamilyResponseType:
    return FamilyResponseType(id=strawberry.ID(str(response.id)), text=response.text, sent_at=response.sent_at, from_name=name)


@strawberry.type
class FamiliesQuery:
    @strawberry.field(description="The meetings about your own children, if you are a family member given access; latest first.")
    async def family_conferences(self, info: Info) -> list[FamilyConferenceType]:
        return await family_conferences(info)

    @strawberry.field(description="One meeting about your own child.")
    async def family_conference(self, info: Info, id: strawberry.ID) -> FamilyConferenceType | None:
        number = parse_id(id)
        found = await family_conferences(info, number) if number is not None else []
        return found[0] if found else None

    @strawberry.field(description="What the family wrote to the chair before the meeting, oldest first; for the conference's chair.")
    async def family_responses(self, info: Info, conference_id: strawberry.ID) -> list[FamilyResponseType]:
        number = parse_id(conference_id)
        conference = await info.context.loaders.conference.load(number) if number is not None else None
        if conference is None or not access.allowed(info.context.actor, "family.response.chair", conference):
            return []
        return await responses(info, number, own=False)

    @strawberry.field(description="Where the meeting is held and the link to join it, as the family is told it; for business support and the chairs of the conference's local authority.")
    async def meeting_place(self, info: Info, conference_id: strawberry.ID) -> MeetingPlaceType | None:
        number = parse_id(conference_id)
        conference = await info.context.loaders.conference.load(number) if number is not None else None
        if conference is None or not access.allowed(info.context.actor, "conference.schedule", conference):
            return None
        rows = await info.context.reader.scalars(select(MeetingPlace).where(MeetingPlace.conference_id == number))
        return MeetingPlaceType(place=rows[0].place, join_url=rows[0].join_url, recorded_at=rows[0].recorded_at) if rows else None

    @strawberry.field(description="Who in the family of a conference's children has been given access, and whether it has ended; for staff of the children's local authority.")
    async def family_members(self, info: Info, conference_id: strawberry.ID) -> list[FamilyMemberType]:
        number = parse_id(conference_id)
        if number is None:
            return []
        rows = await info.context.reader.all(
            select(FamilyMember, Person.name, Person.email, CasePerson.relationship)
            .join(Person, Person.id == FamilyMember.person_id)
            .join(CasePerson, CasePerson.id == FamilyMember.case_person_id)
            .join(ConferenceChild, ConferenceChild.child_id == FamilyMember.child_id)
            .where(ConferenceChild.conference_id == number, access.scope(info.context.actor, "family.member.read"))
            .order_by(FamilyMember.id)
        )
        return [member_type(member, name, email, relationship) for member, name, email, relationship in rows]


def member_type(member: FamilyMember, name: str, email: str, relationship: str) -> FamilyMemberType:
    return FamilyMemberType(
        id=strawberry.ID(str(member.id)), case_person_id=strawberry.ID(str(member.case_person_id)), name=name, email=email, mobile=member.mobile,
        relationship=relationship, child_id=strawberry.ID(str(member.child_id)), granted_at=member.granted_at, ended_at=member.ended_at,
    )
