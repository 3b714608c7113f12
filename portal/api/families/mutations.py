"""Giving a family member access and ending it."""

import strawberry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.api.families.enums import AttendanceEnum
from portal.api.families.queries import member_type, response_type
from portal.api.families.types import FamilyMemberType, FamilyResponseType
from portal.children.models import CasePerson
from portal.families import membership, responses
from portal.families.attendance import Attendance, record_attendance
from portal.families.meeting_place import set_meeting_place
from portal.families.models import FamilyMember
from portal.identity import Actor
from portal.people.models import Person
from portal.unit_of_work import in_transaction


@strawberry.input
class GrantFamilyAccessInput:
    case_person_id: strawberry.ID = strawberry.field(description="The parent or carer, as the child's case records them.")
    email: str = strawberry.field(description="Where their sign-in codes go. Nothing about the family is ever emailed: only codes and links.")
    mobile: str = ""


@strawberry.input
class EndFamilyAccessInput:
    family_member_id: strawberry.ID


@strawberry.input
class RecordAttendanceInput:
    invitation_id: strawberry.ID
    answer: AttendanceEnum  # type: ignore[valid-type]


@strawberry.input
class SetMeetingPlaceInput:
    conference_id: strawberry.ID
    place: str = strawberry.field(default="", description="Where the meeting is held, as the family is told it; at most 300 characters.")
    join_url: str = strawberry.field(default="", description="An https:// link to join online; empty when in person only.")


@strawberry.type
@access.fields({"conference.read": ("place", "join_url"), access.PUBLIC: ("errors",)})
class MeetingPlacePayload:
    place: str | None
    join_url: str | None
    errors: list[UserError]


@strawberry.input
class SendFamilyResponseInput:
    conference_id: strawberry.ID
    text: str = strawberry.field(description="At most 2,000 characters.")


@strawberry.input
class MarkFamilyReportReadInput:
    contribution_id: strawberry.ID


@strawberry.type
@access.fields({"invitation.read": ("answer",), access.PUBLIC: ("errors",)})
class AttendancePayload:
    answer: AttendanceEnum | None  # type: ignore[valid-type]
    errors: list[UserError]


@strawberry.type
@access.fields({"family.response.read": ("response",), access.PUBLIC: ("errors",)})
class FamilyResponsePayload:
    response: FamilyResponseType | None
    errors: list[UserError]


@strawberry.type
@access.fields({"family.report.mark_read": ("contribution_id",), access.PUBLIC: ("errors",)})
class MarkFamilyReportReadPayload:
    contribution_id: strawberry.ID | None
    errors: list[UserError]


@strawberry.type
@access.fields({"family.member.read": ("family_member",), access.PUBLIC: ("errors",)})
class FamilyMemberPayload:
    family_member: FamilyMemberType | None
    errors: list[UserError]


async def _shown(session: AsyncSession, member: FamilyMember) -> FamilyMemberType:
    name, email = (await session.execute(select(Person.name, Person.email).where(Person.id == member.person_id))).one()
    relationship = (await session.execute(select(CasePerson.relationship).where(CasePerson.id == member.case_person_id))).scalar_one()
    return member_type(member, name, email, relationship)


@strawberry.type
class FamiliesMutation:
    @strawberry.mutation(description="Give a parent or carer the case records access to the meetings about the child: they sign in with emailed codes.")
    async def grant_family_access(self, info: Info, input: GrantFamilyAccessInput) -> FamilyMemberPayload:
        async def work(session: AsyncSession, actor: Actor) -> FamilyMemberType:
            member = await membership.grant_family_access(session, actor, str(input.case_person_id), input.email[:400], input.mobile[:100])
            return await _shown(session, member)

        return await write(info, FamilyMemberPayload, work)

    @strawberry.mutation(description="End one family member's access for one child; anyone else's stays.")
    async def end_family_access(self, info: Info, input: EndFamilyAccessInput) -> FamilyMemberPayload:
        async def work(session: AsyncSession, actor: Actor) -> FamilyMemberType:
            return await _shown(session, await membership.end_family_access(session, actor, str(input.family_member_id)))

        return await write(info, FamilyMemberPayload, work)

    @strawberry.mutation(description="Say whether your organisation will attend the meeting, send its report only, or not attend; the family sees it.")
    async def record_attendance(self, info: Info, input: RecordAttendanceInput) -> AttendancePayload:
        async def work(session: AsyncSession, actor: Actor) -> Attendance:
            return Attendance((await record_attendance(session, actor, str(input.invitation_id), Attendance(input.answer))).answer)

        return await write(info, AttendancePayload, work)

    @strawberry.mutation(description="Write to the chair before the meeting about your child: your response to the reports, or your questions.")
    async def send_family_response(self, info: Info, input: SendFamilyResponseInput) -> FamilyResponsePayload:
        async def work(session: AsyncSession, actor: Actor) -> FamilyResponseType:
            response = await responses.send_response(session, actor, str(input.conference_id), input.text[:100_000])
            return response_type(response, actor.name)

        return await write(info, FamilyResponsePayload, work)

    @strawberry.mutation(description="Record that you have opened a report shared with you, so it is no longer marked new.")
    async def mark_family_report_read(self, info: Info, input: MarkFamilyReportReadInput) -> MarkFamilyReportReadPayload:
        async def work(session: AsyncSession, actor: Actor) -> strawberry.ID:
            return strawberry.ID(str(await responses.mark_read(session, actor, str(input.contribution_id))))

        return await write(info, MarkFamilyReportReadPayload, work)

    @strawberry.mutation(description="Record where the meeting is held, or how to join it online; the family's meeting page shows it.")
    async def set_meeting_place(self, info: Info, input: SetMeetingPlaceInput) -> MeetingPlacePayload:
        result, problems = await in_transaction(
            info.context, lambda s, a: set_meeting_place(s, a, str(input.conference_id), input.place[:1000], input.join_url[:1000])
        )
        return MeetingPlacePayload(place=result.place if result else None, join_url=result.join_url if result else None,
                                   errors=[UserError.of(p) for p in problems])
