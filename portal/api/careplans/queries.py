"""Care proceedings the reader may see."""

import strawberry
from sqlalchemy import select

from portal import access
from portal.api.careplans.types import CareProceedingsType
from portal.api.common import by_client_id
from portal.api.context import Info
from portal.api.pagination import Connection, page
from portal.careplans.models import CareProceedings


@strawberry.type
class CarePlansQuery:
    @strawberry.field(description="Care proceedings you may see: a guardian's own, or an IRO's local authority's.")
    async def care_proceedings(self, info: Info, first: int | None = None, after: str | None = None) -> Connection[CareProceedingsType]:
        statement = select(CareProceedings).where(access.scope(info.context.actor, "proceedings.read")).order_by(CareProceedings.id)
        return await page(info, statement, first, after)

    @strawberry.field(description="One set of care proceedings you may see.")
    async def proceedings(self, info: Info, id: strawberry.ID) -> CareProceedingsType | None:
        return await by_client_id(
            info, id, lambda found: select(CareProceedings).where(CareProceedings.id == found, access.scope(info.context.actor, "proceedings.read"))
        )
