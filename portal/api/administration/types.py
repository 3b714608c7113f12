"""What an LA administrator sees: the people they administer (roles, status, last sign-in) and their
local authority's part of the access log."""

from datetime import datetime

import strawberry

from portal import access
from portal.accesslog.chain import Verdict
from portal.api.batching import ready
from portal.api.context import Info
from portal.api.people.types import LocalAuthorityType, OrganisationType, PersonType
from portal.api.readiness.types import RoleEnum
from portal.people.models import LocalAuthority, Organisation, Person


@strawberry.type(name="RoleGrant")
@access.fields({access.PUBLIC: ("role", "local_authority")})
class RoleGrantType:
    role: RoleEnum  # type: ignore[valid-type]
    local_authority: LocalAuthorityType | None = strawberry.field(description="The local authority, for the roles held in one.")


@strawberry.type(name="AdministeredPerson")
@access.fields({"person.administered": ("id", "name", "email", "job_title", "status", "organisation", "roles", "last_signed_in_at")})
class AdministeredPersonType:
    id: strawberry.ID
    name: str
    email: str
    job_title: str
    status: str = strawberry.field(description="ACTIVE or SUSPENDED.")
    organisation: OrganisationType
    roles: list[RoleGrantType]
    last_signed_in_at: datetime | None = strawberry.field(description="When they last signed in; null if they never have.")

    @classmethod
    def of(cls, person: Person, organisation: Organisation, roles: list[RoleGrantType], last: datetime | None) -> "AdministeredPersonType":
        return cls(id=strawberry.ID(str(person.id)), name=person.name, email=person.email, job_title=person.job_title, status=person.status,
                   organisation=organisation, roles=roles, last_signed_in_at=last)  # type: ignore[arg-type]


def grant(role: str, la: LocalAuthority | None) -> RoleGrantType:
    return RoleGrantType(role=role, local_authority=la)  # type: ignore[arg-type]


@strawberry.type(name="LoggedChild")
@access.fields({"access_log.read": ("id", "given_name", "family_name")})
class LoggedChildType:
    id: strawberry.ID
    given_name: str
    family_name: str


@strawberry.type(name="AccessLogRow")
@access.fields({"access_log.read": ("id", "at", "action", "operation_type", "operation_name", "fields", "person", "api_token_id", "children",
                                    "contribution_ids")})
class AccessLogRowType:
    id: strawberry.ID
    at: datetime
    action: str = strawberry.field(description="read, write, or refused (a change that was refused, so wrote nothing).")
    operation_type: str = strawberry.field(description="query, mutation, http (a page or form route), or service.")
    operation_name: str
    fields: list[str] = strawberry.field(description="The operation's root fields.")
    person_id: strawberry.Private[int]
    api_token_id: strawberry.ID | None = strawberry.field(description="The API token that acted for the person, if one did.")
    children: list[LoggedChildType] = strawberry.field(description="The children of your local authorities whose records it read or changed.")
    contribution_ids: list[strawberry.ID] = strawberry.field(description="The reports whose text it read.")

    @strawberry.field(description="Who acted (for an API token, the administrator who created it).")
    def person(self, info: Info) -> PersonType:
        return ready(info.context.loaders.person, self.person_id)


@strawberry.type(name="AccessLogVerdict")
@access.fields({access.PUBLIC: ("ok", "rows", "head", "broken_at", "problem")})
class AccessLogVerdictType:
    ok: bool
    rows: int = strawberry.field(description="The rows checked (up to the first broken one).")
    head: str = strawberry.field(description="The hash of the last intact row: keep it elsewhere to notice rows deleted from the end.")
    broken_at: strawberry.ID | None = strawberry.field(description="The first row whose link or content does not hold.")
    problem: str

    @classmethod
    def of(cls, verdict: Verdict) -> "AccessLogVerdictType":
        return cls(ok=verdict.ok, rows=verdict.rows, head=verdict.head, problem=verdict.problem,
                   broken_at=strawberry.ID(str(verdict.broken_at)) if verdict.broken_at is not None else None)
