"""Care proceedings the reader may see."""

import strawberry
from sqlalchemy import select

from portal import access
from portal.api.careplans.types import CareProceedingsType
from portal.api.context import Info
from portal.api.pagination import Connection, page
from portal.careplans.models import CareProceedings


@strawberry.type
class CarePlansQuery:
    @strawberry.field(description="Care proceedings you may see: a guardian's own, or an IRO's local authority's.")
    async def care_proceedings(self, info: Info, first: int | None = None, after: str | None = None) -> Connection[CareProceedingsType]:
        statement = select(CareProceedings).where(access.scope(info.context.actor, "proceedings.read")).order_by(CareProceedings.id)
        return await page(info, statement, first, after)
