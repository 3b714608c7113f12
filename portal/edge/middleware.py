"""The actor and the database session of every HTTP request and WebSocket, set once at the edge."""

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Receive, Scope, Send

from portal.db import Database
from portal.edge.actors import ActorSource
from portal.identity import Actor

ACTOR = "portal.actor"
SESSION = "portal.session"


class ActorMiddleware:
    """Opens the request's session, asks the actor sources who is asking, and ends that read
    before the route runs, so no transaction is held open while a handler waits. Static files,
    the same for everyone, need neither."""

    def __init__(self, app: ASGIApp, database: Database, sources: ActorSource, public: str = "/static/") -> None:
        self.app = app
        self.database = database
        self.sources = sources
        self.public = public

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"].startswith(self.public):
            await self.app(scope, receive, send)
            return
        async with self.database.session() as session:
            scope[ACTOR] = await self.sources.actor(HTTPConnection(scope), session)
            await session.commit()
            scope[SESSION] = session
            await self.app(scope, receive, send)


def actor_of(connection: HTTPConnection) -> Actor | None:
    return connection.scope[ACTOR]


def session_of(connection: HTTPConnection) -> AsyncSession:
    return connection.scope[SESSION]
