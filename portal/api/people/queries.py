"""Who is asking, the agencies, and the organisations in the region."""

import strawberry
from sqlalchemy import select

from portal import access
from portal.api.context import Info
from portal.api.pagination import Connection, page
from portal.api.people.types import AgencyType, OrganisationType, PersonType
from portal.people.models import Organisation


@strawberry.type
class PeopleQuery:
    @strawberry.field(description="The person making the request.")
    async def me(self, info: Info) -> PersonType:
        return await info.context.loaders.person.load(info.context.actor.person_id)

    @strawberry.field(description="What each agency writes: its sections, help and which are required.")
    def agencies(self, info: Info) -> list[AgencyType]:
        return [AgencyType.of(a) for a in info.context.agencies.all()]

    @strawberry.field(description="Organisations in your region, for inviting to conferences.")
    async def organisations(
        self, info: Info, agency_id: str | None = None, first: int | None = None, after: str | None = None
    ) -> Connection[OrganisationType]:
        statement = select(Organisation).where(access.scope(info.context.actor, "organisation.read"))
        if agency_id:
            statement = statement.where(Organisation.agency_id == agency_id)
        return await page(info, statement.order_by(Organisation.name, Organisation.id), first, after)
