"""A child by id, and a child's conferences, scoped by the access rules in SQL."""

import strawberry
from sqlalchemy import select

from portal import access
from portal.api.children.types import ChildType
from portal.api.common import by_client_id
from portal.api.context import Info
from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild


async def child_conferences(info: Info, child_id: int) -> list[Conference]:
    statement = (
        select(Conference)
        .join(ConferenceChild, ConferenceChild.conference_id == Conference.id)
        .where(ConferenceChild.child_id == child_id, access.scope(info.context.actor, "conference.read"))
        .order_by(Conference.scheduled_at.desc().nulls_last(), Conference.id.desc())
    )
    return list(await info.context.reader.scalars(statement))


@strawberry.type
class ChildrenQuery:
    @strawberry.field(description="A child you may see, with their conference history.")
    async def child(self, info: Info, id: strawberry.ID) -> ChildType | None:
        child = await by_client_id(info, id, lambda found: select(Child).where(Child.id == found, access.scope(info.context.actor, "child.read")))
        if child is not None:
            info.context.reader.children_seen.add(child.id)
        return child
