"""Creating and revoking API tokens; one's own sessions; inviting, re-roling and suspending people."""

import logging
from datetime import datetime

import strawberry

from portal import access
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.api.identity.types import ApiTokenType, SessionType
from portal.api.people.types import PersonType
from portal.api.readiness.types import RoleEnum
from portal.enums import Role
from portal.identity import administration
from portal.identity.cookies import session_secret
from portal.identity.own_sessions import end_my_session, sign_out_everywhere
from portal.identity.tokens import create_token, revoke_token
from portal.ids import parse_id
from portal.people.models import Organisation, Person
from portal.reminders.smtp import DeliveryFailed
from portal.reminders.worker import make_sender

log = logging.getLogger(__name__)


@strawberry.input
class CreateApiTokenInput:
    name: str = strawberry.field(description="Which system uses it, e.g. 'Riverside Surgery clinical system'.")
    scopes: list[str] = strawberry.field(description="What it may do: invitations:read, contributions:read, contributions:write.")
    organisation_id: strawberry.ID | None = strawberry.field(default=None, description="Yours when not given.")
    expires_at: datetime | None = None


@strawberry.input
class RevokeApiTokenInput:
    token_id: strawberry.ID


@strawberry.type
@access.fields({"api_token.read": ("token",), access.PUBLIC: ("secret", "errors")})
class CreateApiTokenPayload:
    token: ApiTokenType | None
    secret: str | None = strawberry.field(description="The token itself, shown this once: the portal keeps only its digest.")
    errors: list[UserError]


@strawberry.type
@access.fields({"api_token.read": ("token",), access.PUBLIC: ("errors",)})
class ApiTokenPayload:
    token: ApiTokenType | None
    errors: list[UserError]


@strawberry.input
class RoleInput:
    role: RoleEnum  # type: ignore[valid-type]
    la_id: strawberry.ID | None = strawberry.field(default=None, description="The local authority, for the roles held in one.")


@strawberry.input
class InvitePersonInput:
    name: str
    email: str
    organisation_id: strawberry.ID
    roles: list[RoleInput]


@strawberry.input
class SetPersonRolesInput:
    person_id: strawberry.ID
    roles: list[RoleInput]


@strawberry.input
class SuspendPersonInput:
    person_id: strawberry.ID


@strawberry.type
@access.fields({"person.read": ("person",), access.PUBLIC: ("errors",)})
class PersonPayload:
    person: PersonType | None
    errors: list[UserError]


@strawberry.type
@access.fields({"person.read": ("person",), access.PUBLIC: ("email_sent", "errors")})
class InvitePersonPayload:
    person: PersonType | None
    email_sent: bool = strawberry.field(description="Whether the invitation email was handed to the mail relay.")
    errors: list[UserError]


def _roles(roles: list[RoleInput]) -> list[tuple[Role, int | None]]:
    return [(Role(r.role), parse_id(r.la_id) if r.la_id is not None else None) for r in roles]


async def _send_invitation(info: Info, person: Person) -> bool:
    context = info.context
    organisation = await context.session.get(Organisation, person.organisation_id)
    await context.session.commit()
    base = context.settings.public_url.rstrip("/")
    message = administration.invitation_message(person.email, person.name, organisation.name if organisation else "", context.actor.name,
                                                f"{base}/sign-in", context.settings.smtp_sender)
    try:
        await make_sender(context.settings).send(message)
    except DeliveryFailed as error:
        log.error("invitation to person %s not sent: %s", person.id, error)
        return False
    return True


@strawberry.input
class EndSessionInput:
    session_id: strawberry.ID


@strawberry.type
@access.fields({"session.own": ("session",), access.PUBLIC: ("errors",)})
class SessionPayload:
    session: SessionType | None
    errors: list[UserError]


@strawberry.type
@access.fields({access.PUBLIC: ("ended", "errors")})
class SignOutEverywherePayload:
    ended: int | None = strawberry.field(description="How many sessions were ended, this one included.")
    errors: list[UserError]


@strawberry.type
class IdentityMutation:
    @strawberry.mutation(description="Invite a professional (LA administrators): they are added with these roles and emailed a link to sign in.")
    async def invite_person(self, info: Info, input: InvitePersonInput) -> InvitePersonPayload:
        organisation_id = parse_id(input.organisation_id)
        payload = await write(info, PersonPayload, lambda s, a: administration.invite(
            s, a, name=input.name, email=input.email, organisation_id=organisation_id, roles=_roles(input.roles)))
        if payload.person is None:
            return InvitePersonPayload(person=None, email_sent=False, errors=payload.errors)
        return InvitePersonPayload(person=payload.person, email_sent=await _send_invitation(info, payload.person), errors=[])

    @strawberry.mutation(description="Replace the roles of a person that you may grant (LA administrators); those you may not grant, such as another local authority's, stay as they are.")
    async def set_person_roles(self, info: Info, input: SetPersonRolesInput) -> PersonPayload:
        return await write(info, PersonPayload, lambda s, a: administration.change_roles(s, a, parse_id(input.person_id), _roles(input.roles)))

    @strawberry.mutation(description="Suspend a person (LA administrators): their sessions end and their API tokens stop at once.")
    async def suspend_person(self, info: Info, input: SuspendPersonInput) -> PersonPayload:
        return await write(info, PersonPayload, lambda s, a: administration.suspend(s, a, parse_id(input.person_id)))

    @strawberry.mutation(description="End every one of your sessions, on every device, this one included.")
    async def sign_out_everywhere(self, info: Info) -> SignOutEverywherePayload:
        return await write(info, SignOutEverywherePayload, sign_out_everywhere)

    @strawberry.mutation(description="End one of your sessions (one on another device, say).")
    async def end_session(self, info: Info, input: EndSessionInput) -> SessionPayload:
        payload = await write(info, SessionPayload, lambda s, a: end_my_session(s, a, parse_id(input.session_id)))
        request = info.context.request
        current = session_secret(request) if request is not None else None
        return SessionPayload(session=SessionType.of(payload.session, current) if payload.session is not None else None, errors=payload.errors)

    @strawberry.mutation(description="Create an API token for a clinical or case system; its secret is in this answer only.")
    async def create_api_token(self, info: Info, input: CreateApiTokenInput) -> CreateApiTokenPayload:
        organisation_id = parse_id(input.organisation_id) if input.organisation_id is not None else None
        if input.organisation_id is not None and organisation_id is None:
            organisation_id = -1  # names no organisation: refused as not found
        payload = await write(info, ApiTokenPayload, lambda s, a: create_token(
            s, a, organisation_id=organisation_id, name=input.name, scopes=input.scopes, expires_at=input.expires_at))
        created = payload.token
        if created is None:
            return CreateApiTokenPayload(token=None, secret=None, errors=payload.errors)
        return CreateApiTokenPayload(token=ApiTokenType.of(created.token), secret=created.secret, errors=[])

    @strawberry.mutation(description="Revoke an API token: it stops at once.")
    async def revoke_api_token(self, info: Info, input: RevokeApiTokenInput) -> ApiTokenPayload:
        payload = await write(info, ApiTokenPayload, lambda s, a: revoke_token(s, a, parse_id(input.token_id)))
        return ApiTokenPayload(token=ApiTokenType.of(payload.token) if payload.token is not None else None, errors=payload.errors)
