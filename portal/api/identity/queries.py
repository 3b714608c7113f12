"""An organisation's API tokens, for its administrators."""

import strawberry

from portal.api.context import Info
from portal.api.identity.types import ApiTokenType, SessionType
from portal.errors import DomainError
from portal.identity.cookies import session_secret
from portal.identity.own_sessions import my_sessions
from portal.identity.sessions import SessionPolicy
from portal.identity.tokens import tokens_of
from portal.ids import parse_id


@strawberry.type
class IdentityQuery:
    @strawberry.field(description="The API tokens of an organisation (yours when not given), for its administrators; never their secrets.")
    async def api_tokens(self, info: Info, organisation_id: strawberry.ID | None = None) -> list[ApiTokenType]:
        try:
            tokens = await tokens_of(info.context.session, info.context.actor, parse_id(organisation_id) if organisation_id is not None else None)
        except DomainError as error:
            raise PermissionError(error.problems[0].message) from None
        return [ApiTokenType.of(t) for t in tokens]

    @strawberry.field(description="Your sessions that are still live (signed in and not yet timed out), newest first.")
    async def my_sessions(self, info: Info) -> list[SessionType]:
        context = info.context
        try:
            rows = await my_sessions(context.session, context.actor, SessionPolicy.from_settings(context.settings))
        except DomainError as error:
            raise PermissionError(error.problems[0].message) from None
        current = session_secret(context.request) if context.request is not None else None
        return [SessionType.of(row, current) for row in rows]
