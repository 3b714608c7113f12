"""API tokens and sessions as the API gives them out: never a stored digest; a token's secret only once, when created."""

from datetime import datetime

import strawberry

from portal import access
from portal.identity.models import ApiToken, SignInSession
from portal.identity.secrets import digest


@strawberry.type(name="ApiToken")
@access.fields({"api_token.read": ("id", "organisation_id", "name", "scopes", "created_at", "expires_at", "last_used_at", "revoked_at")})
class ApiTokenType:
    id: strawberry.ID
    organisation_id: strawberry.ID
    name: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, token: ApiToken) -> "ApiTokenType":
        return cls(id=strawberry.ID(str(token.id)), organisation_id=strawberry.ID(str(token.organisation_id)), name=token.name,
                   scopes=list(token.scopes), created_at=token.created_at, expires_at=token.expires_at, last_used_at=token.last_used_at,
                   revoked_at=token.revoked_at)


@strawberry.type(name="Session")
@access.fields({"session.own": ("id", "method", "created_at", "last_seen_at", "expires_at", "user_agent", "current")})
class SessionType:
    id: strawberry.ID
    method: str = strawberry.field(description="How it was signed in: email-code, or oidc:<provider>.")
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime = strawberry.field(description="When it ends in any case (it ends sooner when left unused).")
    user_agent: str
    current: bool = strawberry.field(description="Whether this request came with it.")

    @classmethod
    def of(cls, row: SignInSession, current_secret: str | None) -> "SessionType":
        return cls(id=strawberry.ID(str(row.id)), method=row.method, created_at=row.created_at, last_seen_at=row.last_seen_at,
                   expires_at=row.expires_at, user_agent=row.user_agent,
                   current=current_secret is not None and digest(current_secret) == row.secret_hash)
