"""Business support's reads: what is due soon in the LA, one conference's or invitation's chasing, the LA's chairs."""

import strawberry
from sqlalchemy import select

from portal import access, clock
from portal.api.business_support.types import ChasingType, InvitationChaseType
from portal.api.context import Info
from portal.api.people.types import PersonType
from portal.chasing.services import MAX_WORKING_DAYS, conference_chases, due_soon
from portal.chasing.services import chases as chases_of
from portal.conferences.models import Conference, Invitation
from portal.enums import Role
from portal.ids import parse_id
from portal.people.models import Person, PersonRole


@strawberry.type
class BusinessSupportQuery:
    @strawberry.field(description="Business support's chasing list: every open invitation of the LA's scheduled conferences whose report "
                      "is overdue or due within the next working days, grouped by organisation. Null for anyone but the LA's business support.")
    async def chasing(self, info: Info, la_id: strawberry.ID, within_working_days: int = 5) -> ChasingType | None:
        la = parse_id(la_id)
        if la is None or not access.allowed(info.context.actor, "chasing.read", la):
            return None
        if not 0 <= within_working_days <= MAX_WORKING_DAYS:
            raise ValueError(f"withinWorkingDays must be from 0 to {MAX_WORKING_DAYS}.")
        found = await due_soon(info.context.session, la, within_working_days, info.context.rules, clock.now())
        return ChasingType.of(found.until, within_working_days, found.chases)

    @strawberry.field(description="Each invitation of a conference as business support chase it; empty for anyone but the LA's business support.")
    async def invitation_chases(self, info: Info, conference_id: strawberry.ID) -> list[InvitationChaseType]:
        number, actor = parse_id(conference_id), info.context.actor
        conference = (await info.context.reader.scalars(
            select(Conference).where(Conference.id == number, access.scope(actor, "conference.read"))
        )) if number else []
        if not conference or not access.allowed(actor, "chasing.read", conference[0].la_id):
            return []
        return await conference_chases(info.context.session, conference[0], info.context.rules, clock.now())  # type: ignore[return-value]

    @strawberry.field(description="One invitation as business support chase it; null for anyone but the LA's business support.")
    async def invitation_chase(self, info: Info, invitation_id: strawberry.ID) -> InvitationChaseType | None:
        number, actor = parse_id(invitation_id), info.context.actor
        rows = (await info.context.reader.all(
            select(Invitation, Conference).join(Conference, Conference.id == Invitation.conference_id)
            .where(Invitation.id == number, access.scope(actor, "invitation.read"))
        )) if number else []
        if not rows or not access.allowed(actor, "chasing.read", rows[0][1].la_id):
            return None
        (found,) = await chases_of(info.context.session, [tuple(rows[0])], info.context.rules, clock.now())  # type: ignore[list-item]
        return found  # type: ignore[return-value]

    @strawberry.field(description="The chairs of a local authority, to schedule a conference with; empty for anyone who may not schedule there.")
    async def chairs(self, info: Info, la_id: strawberry.ID) -> list[PersonType]:
        la = parse_id(la_id)
        if la is None or not access.allowed(info.context.actor, "conference.create", la):
            return []
        return await info.context.reader.scalars(  # type: ignore[return-value]
            select(Person).join(PersonRole, PersonRole.person_id == Person.id)
            .where(PersonRole.role == Role.CHAIR, PersonRole.la_id == la).order_by(Person.name, Person.id).distinct()
        )
