"""The /graphql endpoint: a session per request or websocket and an actor, or a refusal."""

from collections.abc import Mapping
from typing import Any

from cross_web import HTTPException
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from portal.agencies import AgencyRegistry
from portal.api.context import Context
from portal.csrf import PREFLIGHT_HEADERS, forgeable
from portal.db import Database
from portal.demo_identity import demo_person_id
from portal.identity import Actor, load_actor
from portal.ingest.errors import megabytes
from portal.ingest.uploads import body_too_large
from portal.readiness.notifier import Notifier
from portal.settings import Settings
from portal.timescales import LARules

SESSION_KEY = "portal.session"
ACTOR_KEY = "portal.actor"
POLICY_VIOLATION = 1008


async def resolve_actor(request: Any, session: AsyncSession, settings: Settings) -> Actor | None:
    """Who is asking, for every route: /graphql and the plain form posts alike."""
    person_id = demo_person_id(request) if settings.demo else None
    return await load_actor(session, person_id) if person_id is not None else None


def sign_in_message(settings: Settings) -> str:
    return "Choose a demo person first: open / and pick one." if settings.demo else "Sign in to use the portal."


class PortalGraphQL(GraphQL):
    def __init__(
        self, schema: Any, database: Database, agencies: AgencyRegistry, settings: Settings,
        rules: Mapping[str, LARules], notifier: Notifier,
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.demo or settings.debug else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            multipart_uploads_enabled=True,
        )
        self.database = database
        self.agencies = agencies
        self.settings = settings
        self.rules = rules
        self.notifier = notifier

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            actor = await self._actor(WebSocket(scope, receive, send))
            if actor is None:
                # Closing before accepting refuses the handshake (HTTP 403).
                await WebSocket(scope, receive, send).close(code=POLICY_VIOLATION)
                return
            scope[ACTOR_KEY] = actor
        if scope["type"] == "http" and scope["method"] == "POST" and forgeable(HTTPConnection(scope)):
            refusal = f"Multipart requests need one of these headers: {', '.join(PREFLIGHT_HEADERS)}."
            await JSONResponse({"errors": [{"message": refusal}]}, status_code=400)(scope, receive, send)
            return
        if scope["type"] == "http" and body_too_large(HTTPConnection(scope), self.settings.ingest_max_bytes):
            too_large = f"The request is larger than the {megabytes(self.settings.ingest_max_bytes)} allowed for a report."
            await JSONResponse({"errors": [{"message": too_large}]}, status_code=413)(scope, receive, send)
            return
        async with self.database.session() as session:
            scope[SESSION_KEY] = session
            await super().__call__(scope, receive, send)

    async def _actor(self, request: Any) -> Actor | None:
        async with self.database.session() as session:
            return await resolve_actor(request, session, self.settings)

    async def get_context(self, request: Any, response: Any) -> Context:
        session = request.scope[SESSION_KEY]
        actor = request.scope.get(ACTOR_KEY) or await resolve_actor(request, session, self.settings)
        await session.commit()
        if actor is None:
            raise HTTPException(401, sign_in_message(self.settings))
        return Context(
            actor=actor, session=session, agencies=self.agencies, settings=self.settings, request=request, response=response,
            rules=self.rules, notifier=self.notifier,
        )
