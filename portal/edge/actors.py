"""Who is asking: a chain of actor sources, asked in turn for every request and WebSocket.

A source looks for its own credential (a demo header or cookie today; a session cookie or an
API token next) and answers with the actor it names, or None when it has none or it names
nobody. Adding a way to sign in is adding a source to the chain.
"""

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection

from portal.demo_identity import COOKIE, HEADER, cookie_person_id
from portal.identity import Actor, load_actor
from portal.ids import parse_id


class ActorSource(Protocol):
    async def actor(self, connection: HTTPConnection, session: AsyncSession) -> Actor | None: ...


class ActorChain:
    def __init__(self, sources: Sequence[ActorSource]) -> None:
        self.sources = tuple(sources)

    async def actor(self, connection: HTTPConnection, session: AsyncSession) -> Actor | None:
        for source in self.sources:
            if (actor := await source.actor(connection, session)) is not None:
                return actor
        return None


class DemoPersonSource:
    """Demo mode: the person named by the header, or by the chooser page's signed cookie."""

    def __init__(self, secret: str) -> None:
        self.secret = secret

    def person_id(self, connection: HTTPConnection) -> int | None:
        if (header := connection.headers.get(HEADER)) is not None:
            return parse_id(header)
        cookie = connection.cookies.get(COOKIE)
        return cookie_person_id(cookie, self.secret) if cookie else None

    async def actor(self, connection: HTTPConnection, session: AsyncSession) -> Actor | None:
        person_id = self.person_id(connection)
        return await load_actor(session, person_id) if person_id is not None else None
