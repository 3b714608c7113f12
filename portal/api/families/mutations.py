"""Giving a family member access and ending it."""

import strawberry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.api.families.queries import member_type
from portal.api.families.types import FamilyMemberType
from portal.children.models import CasePerson
from portal.families import membership
from portal.families.models import FamilyMember
from portal.identity import Actor
from portal.people.models import Person


@strawberry.input
class GrantFamilyAccessInput:
    case_person_id: strawberry.ID = strawberry.field(description="The parent or carer, as the child's case records them.")
    email: str = strawberry.field(description="Where their sign-in codes go. Nothing about the family is ever emailed: only codes and links.")
    mobile: str = ""


@strawberry.input
class EndFamilyAccessInput:
    family_member_id: strawberry.ID


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
