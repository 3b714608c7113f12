"""The /graphql endpoint: a session per request or websocket and an actor, or a refusal."""

from collections.abc import Mapping
from typing import Any

from cross_web import HTTPException
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from portal.agencies import AgencyRegistry
from portal.api.context import Context
from portal.db import Database
from portal.demo_identity import demo_person_id
from portal.identity import Actor, load_actor
from portal.readiness.notifier import Notifier
from portal.settings import Settings
from portal.timescales import LARules

SESSION_KEY = "portal.session"
ACTOR_KEY = "portal.actor"
POLICY_VIOLATION = 1008


class PortalGraphQL(GraphQL):
    def __init__(
        self, schema: Any, database: Database, agencies: AgencyRegistry, settings: Settings,
        rules: Mapping[str, LARules], notifier: Notifier,
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.demo or settings.debug else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
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
        async with self.database.session() as session:
            scope[SESSION_KEY] = session
            await super().__call__(scope, receive, send)

    async def _actor(self, request: Any) -> Actor | None:
        """The person making the request: in demo mode the chosen demo person (header or cookie)."""
        person_id = demo_person_id(request) if self.settings.demo else None
        if person_id is None:
            return None
        async with self.database.session() as session:
            return await load_actor(session, person_id)

    async def get_context(self, request: Any, response: Any) -> Context:
        session = request.scope[SESSION_KEY]
        actor = request.scope.get(ACTOR_KEY) or await self._actor(request)
        if actor is None:
            raise HTTPException(401, "Sign in to use the portal." if not self.settings.demo else "Choose a demo person first: open / and pick one.")
        return Context(
            actor=actor, session=session, agencies=self.agencies, settings=self.settings, request=request, response=response,
            rules=self.rules, notifier=self.notifier,
        )
