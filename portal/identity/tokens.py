"""API tokens for clinical systems and integrations: created and revoked by the organisation's
administrator, secret shown once and stored only as a digest, `Authorization: Bearer …` on /graphql.

A token acts for its organisation as a contributor, within its scopes; the administrator who created
it is the person the access log names beside the token, and it stops when they are suspended."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection

from portal import access, clock
from portal.access.token_scopes import TOKEN_SCOPES
from portal.enums import PersonStatus, Role
from portal.errors import invalid, not_found
from portal.identity import Actor
from portal.identity.models import ApiToken
from portal.identity.secrets import digest, new_secret
from portal.people.models import Organisation, Person

PREFIX = "ptk_"
TOUCH_EVERY = timedelta(minutes=1)  # last use is written at most this often
REFUSAL = "portal.sign_in_refusal"  # where a source leaves why a credential it found names nobody
UNKNOWN = "This API token is not known to the portal. Check it was copied in full, or ask your administrator for a new one."


@dataclass(frozen=True)
class Created:
    token: ApiToken
    secret: str


async def _organisation(db: AsyncSession, organisation_id: int | None, path: tuple[str, ...]) -> Organisation:
    organisation = await db.get(Organisation, organisation_id) if organisation_id is not None else None
    if organisation is None:
        raise not_found(path, "organisation")
    return organisation


async def create_token(db: AsyncSession, actor: Actor, *, organisation_id: int | None, name: str, scopes: list[str],
                       expires_at: datetime | None) -> Created:
    organisation = await _organisation(db, organisation_id if organisation_id is not None else actor.organisation_id, ("input", "organisationId"))
    access.require(actor, "api_token.manage", organisation, path=("input", "organisationId"))
    name = name.strip()
    if not name or len(name) > 200:
        raise invalid(("input", "name"), "Give the token a name of up to 200 characters, saying which system uses it.")
    unknown = sorted(set(scopes) - TOKEN_SCOPES.keys())
    if not scopes or unknown:
        raise invalid(("input", "scopes"), f"Choose one or more scopes from {', '.join(sorted(TOKEN_SCOPES))}.")
    if expires_at is not None and expires_at <= clock.now():
        raise invalid(("input", "expiresAt"), "The expiry must be in the future.")
    secret = PREFIX + new_secret()
    token = ApiToken(secret_hash=digest(secret), organisation_id=organisation.id, name=name, scopes=sorted(set(scopes)),
                     created_by=actor.person_id, created_at=clock.now(), expires_at=expires_at)
    db.add(token)
    await db.flush()
    return Created(token, secret)


async def revoke_token(db: AsyncSession, actor: Actor, token_id: int | None) -> ApiToken:
    token = await db.get(ApiToken, token_id) if token_id is not None else None
    organisation = await db.get(Organisation, token.organisation_id) if token is not None else None
    if token is None or organisation is None or not access.allowed(actor, "api_token.manage", organisation):
        raise not_found(("input", "tokenId"), "API token")
    if token.revoked_at is None:
        token.revoked_at = clock.now()
    return token


async def tokens_of(db: AsyncSession, actor: Actor, organisation_id: int | None) -> list[ApiToken]:
    organisation = await _organisation(db, organisation_id if organisation_id is not None else actor.organisation_id, ("organisationId",))
    access.require(actor, "api_token.manage", organisation, path=("organisationId",))
    return list((await db.execute(select(ApiToken).where(ApiToken.organisation_id == organisation.id).order_by(ApiToken.id))).scalars())


def _refused(connection: HTTPConnection, message: str) -> None:
    connection.scope[REFUSAL] = message


async def token_actor(db: AsyncSession, secret: str) -> Actor | str:
    """The actor a token's secret names, or why it names nobody."""
    token = (await db.execute(select(ApiToken).where(ApiToken.secret_hash == digest(secret)))).scalar_one_or_none()
    if token is None:
        return UNKNOWN
    creator = await db.get(Person, token.created_by)
    now = clock.now()
    if creator is None or creator.status != PersonStatus.ACTIVE:
        return "This API token no longer works: the administrator who created it has been suspended. Ask another administrator for a new one."
    if token.revoked_at is not None:
        return f"This API token was revoked on {token.revoked_at:%d %B %Y at %H:%M} UTC. Ask your administrator for a new one."
    if token.expires_at is not None and now >= token.expires_at:
        return f"This API token expired on {token.expires_at:%d %B %Y at %H:%M} UTC. Ask your administrator for a new one."
    organisation = await db.get(Organisation, token.organisation_id)
    assert organisation is not None
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        token.last_used_at = now
    return Actor(
        person_id=creator.id, name=f"API token {token.name!r} of {organisation.name}", organisation_id=organisation.id,
        agency_id=organisation.agency_id, region_id=organisation.region_id, roles=frozenset({(Role.CONTRIBUTOR, None)}),
        token_id=token.id, scopes=frozenset(token.scopes),
    )


class ApiTokenSource:
    """`Authorization: Bearer <secret>`: the token's actor. A token that names nobody leaves the reason,
    so the refusal says what is wrong with it."""

    async def actor(self, connection: HTTPConnection, session: AsyncSession) -> Actor | None:
        scheme, _, secret = connection.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        secret = secret.strip()
        found = await token_actor(session, secret) if secret.startswith(PREFIX) and len(secret) < 200 else UNKNOWN
        if isinstance(found, str):
            _refused(connection, found)
            return None
        return found
