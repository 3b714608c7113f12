"""The actor sources sign-in adds to the edge's chain: the session cookie and, for systems, an API token."""

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection

from portal.identity import Actor, load_actor
from portal.identity.cookies import session_secret
from portal.identity.sessions import SessionPolicy, session_person


class SessionCookieSource:
    def __init__(self, policy: SessionPolicy) -> None:
        self.policy = policy

    async def actor(self, connection: HTTPConnection, session: AsyncSession) -> Actor | None:
        secret = session_secret(connection)
        if not secret:
            return None
        person_id = await session_person(session, secret, self.policy)
        return await load_actor(session, person_id) if person_id is not None else None
