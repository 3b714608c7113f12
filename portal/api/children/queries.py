"""A child by id, and a child's conferences, scoped by the access rules in SQL."""

import strawberry
from sqlalchemy import select

from portal import access
from portal.api.children.types import ChildType
from portal.api.common import by_client_id
from portal.api.context import Info
from portal.api.search import contains
from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild
from portal.ids import parse_id

MAX_CHILDREN_LISTED = 100


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
    @strawberry.field(description="The children of a local authority whose name contains `search`, by family name, for those who "
                      "create its conferences (business support, chairs); empty for anyone else.")
    async def children(self, info: Info, la_id: strawberry.ID, search: str = "", first: int = 50) -> list[ChildType]:
        la = parse_id(la_id)
        if la is None or not access.allowed(info.context.actor, "conference.create", la):
            return []
        statement = select(Child).where(Child.la_id == la, access.scope(info.context.actor, "child.read"))
        if search.strip():
            statement = statement.where(contains(Child.given_name + " " + Child.family_name, search))
        found = await info.context.reader.scalars(
            statement.order_by(Child.family_name, Child.given_name, Child.id).limit(max(0, min(first, MAX_CHILDREN_LISTED)))
        )
        info.context.reader.children_seen.update(c.id for c in found)
        return found  # type: ignore[return-value]

    @strawberry.field(description="A child you may see, with their conference history.")
    async def child(self, info: Info, id: strawberry.ID) -> ChildType | None:
        child = await by_client_id(info, id, lambda found: select(Child).where(Child.id == found, access.scope(info.context.actor, "child.read")))
        if child is not None:
            info.context.reader.children_seen.add(child.id)
        return child
