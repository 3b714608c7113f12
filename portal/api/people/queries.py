"""Who is asking, the agencies, and the organisations in the region."""

import strawberry
from sqlalchemy import func, or_, select

from portal import access
from portal.api.common import by_client_id
from portal.api.context import Info
from portal.api.pagination import Connection, page
from portal.api.people.types import AgencyType, OrganisationType, PersonType
from portal.api.search import contains
from portal.people.models import Organisation


@strawberry.type
class PeopleQuery:
    @strawberry.field(description="The person making the request.")
    async def me(self, info: Info) -> PersonType:
        return await info.context.loaders.person.load(info.context.actor.person_id)

    @strawberry.field(description="What each agency writes: its sections, help and which are required.")
    def agencies(self, info: Info) -> list[AgencyType]:
        return [AgencyType.of(a) for a in info.context.agencies.all()]

    @strawberry.field(description="Organisations in your region, for inviting to conferences; `search` finds a name containing it or an ODS (or other) code equal to it.")
    async def organisations(
        self, info: Info, agency_id: str | None = None, first: int | None = None, after: str | None = None, search: str = ""
    ) -> Connection[OrganisationType]:
        statement = select(Organisation).where(access.scope(info.context.actor, "organisation.read"))
        if agency_id:
            statement = statement.where(Organisation.agency_id == agency_id)
        if search.strip():
            statement = statement.where(or_(contains(Organisation.name, search), func.upper(Organisation.code) == search.strip().upper()))
        return await page(info, statement.order_by(Organisation.name, Organisation.id), first, after)

    @strawberry.field(description="One organisation of your region.")
    async def organisation(self, info: Info, id: strawberry.ID) -> OrganisationType | None:
        return await by_client_id(
            info, id, lambda found: select(Organisation).where(Organisation.id == found, access.scope(info.context.actor, "organisation.read"))
        )
