"""An LA administrator's changes: adding an organisation, and running the access log's tamper check."""

import strawberry

from portal import access
from portal.accesslog import verify
from portal.api.administration.types import AccessLogVerdictType
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.api.people.types import OrganisationType
from portal.ids import parse_id
from portal.people.organisations import add_organisation


@strawberry.input
class AddOrganisationInput:
    agency_id: str = strawberry.field(description="What kind it is: gp, school, or a service's agency (police, health_visiting, …).")
    name: str
    code: str = strawberry.field(default="", description="A GP practice's ODS code (required), a school's URN, or a service's own code.")
    local_authority_id: strawberry.ID | None = strawberry.field(default=None, description="The local authority it belongs to; none when it serves the region.")


@strawberry.type
@access.fields({"organisation.read": ("organisation",), access.PUBLIC: ("errors",)})
class OrganisationPayload:
    organisation: OrganisationType | None
    errors: list[UserError]


@strawberry.type
@access.fields({access.PUBLIC: ("verdict", "errors")})
class AccessLogVerdictPayload:
    verdict: AccessLogVerdictType | None
    errors: list[UserError]


@strawberry.type
class AdministrationMutation:
    @strawberry.mutation(description="Add a GP practice, a school or a service to your region (LA administrators).")
    async def add_organisation(self, info: Info, input: AddOrganisationInput) -> OrganisationPayload:
        la_id = parse_id(input.local_authority_id) if input.local_authority_id is not None else None
        if input.local_authority_id is not None and la_id is None:
            la_id = -1  # names no local authority: refused like another's
        known = {a.id for a in info.context.agencies.all()}
        return await write(info, OrganisationPayload, lambda s, a: add_organisation(
            s, a, agencies=known, agency_id=input.agency_id, name=input.name, code=input.code, la_id=la_id))

    @strawberry.mutation(description="Walk the access log's hash chain (LA administrators): OK, or the first row edited, deleted or moved.")
    async def verify_access_log(self, info: Info) -> AccessLogVerdictPayload:
        async def check(session, actor):  # type: ignore[no-untyped-def]
            access.require(actor, "access_log.verify")
            return AccessLogVerdictType.of(await verify(session))

        return await write(info, AccessLogVerdictPayload, check)
