"""Conferences and invitations the reader may see, scoped by the access rules in SQL."""

from datetime import datetime

import strawberry
from sqlalchemy import select

from portal import access, clock
from portal.api.common import by_client_id
from portal.api.conferences.types import CONFERENCE_PLAN, INVITATION_PLAN, ConferenceKindEnum, ConferenceStatusEnum, ConferenceType, InvitationType
from portal.api.context import Info
from portal.api.pagination import Connection, page
from portal.api.prefetch import prefetch
from portal.conferences.models import Conference, Invitation
from portal.ids import parse_id


@strawberry.input
class ConferenceFilter:
    chaired_by_me: bool = False
    upcoming: bool = strawberry.field(default=False, description="Only scheduled conferences from now on, soonest first.")
    la_id: strawberry.ID | None = None
    status: ConferenceStatusEnum | None = None  # type: ignore[valid-type]
    kind: ConferenceKindEnum | None = None  # type: ignore[valid-type]
    scheduled_before: datetime | None = strawberry.field(default=None, description="Only conferences scheduled before this time (this week's, say).")


@strawberry.type
class ConferencesQuery:
    @strawberry.field(description="Invitations to your organisation, soonest due first.")
    async def my_invitations(
        self, info: Info, first: int | None = None, after: str | None = None, open_only: bool = False
    ) -> Connection[InvitationType]:
        statement = select(Invitation).where(access.scope(info.context.actor, "invitation.to_answer"))
        if open_only:
            statement = statement.join(Conference, Conference.id == Invitation.conference_id).where(
                Conference.status.in_(("DRAFT", "SCHEDULED"))
            )
        found = await page(info, statement.order_by(Invitation.report_due_at, Invitation.id), first, after)
        await prefetch(info, found.nodes, INVITATION_PLAN)
        return found

    @strawberry.field(description="Conferences you may see.")
    async def conferences(
        self, info: Info, filter: ConferenceFilter | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[ConferenceType]:
        chosen = filter or ConferenceFilter()
        statement = select(Conference).where(access.scope(info.context.actor, "conference.read"))
        if chosen.chaired_by_me:
            statement = statement.where(Conference.chair_id == info.context.actor.person_id)
        if chosen.la_id is not None:
            statement = statement.where(Conference.la_id == (parse_id(chosen.la_id) or -1))
        if chosen.status is not None:
            statement = statement.where(Conference.status == chosen.status)
        if chosen.kind is not None:
            statement = statement.where(Conference.kind == chosen.kind)
        if chosen.scheduled_before is not None:
            statement = statement.where(Conference.scheduled_at < chosen.scheduled_before)
        if chosen.upcoming:
            statement = statement.where(Conference.scheduled_at >= clock.now(), Conference.status == "SCHEDULED")
            statement = statement.order_by(Conference.scheduled_at, Conference.id)
        else:
            statement = statement.order_by(Conference.scheduled_at.desc().nulls_first(), Conference.id.desc())
        found = await page(info, statement, first, after)
        info.context.loaders.conference.prime_many({row.id: row for row in found.nodes})
        await prefetch(info, found.nodes, CONFERENCE_PLAN)
        return found

    @strawberry.field
    async def conference(self, info: Info, id: strawberry.ID) -> ConferenceType | None:
        return await by_client_id(
            info, id, lambda found: select(Conference).where(Conference.id == found, access.scope(info.context.actor, "conference.read"))
        )

    @strawberry.field(description="An invitation to a conference you may see.")
    async def invitation(self, info: Info, id: strawberry.ID) -> InvitationType | None:
        return await by_client_id(
            info, id,
            lambda found: select(Invitation)
            .join(Conference, Conference.id == Invitation.conference_id)
            .where(Invitation.id == found, access.scope(info.context.actor, "invitation.read")),
        )
