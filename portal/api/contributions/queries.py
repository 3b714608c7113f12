"""A contribution by id, if the reader may see it."""

import strawberry

from portal.api.context import Info
from portal.api.contributions.types import ContributionType
from portal.errors import DomainError
from portal.lookup import visible_contribution


@strawberry.type
class ContributionsQuery:
    @strawberry.field
    async def contribution(self, info: Info, id: strawberry.ID) -> ContributionType | None:
        try:
            async with info.context.reader.lock:
                contribution, _ = await visible_contribution(info.context.session, info.context.actor, id, ("id",))
        except DomainError:
            return None
        return contribution
