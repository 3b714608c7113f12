"""The /graphql endpoint: a session per request and an actor, or a refusal."""

from typing import Any

from cross_web import HTTPException
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from portal.agencies import AgencyRegistry
from portal.api.context import Context
from portal.db import Database
from portal.demo_identity import demo_person_id
from portal.identity import load_actor
from portal.settings import Settings

SESSION_KEY = "portal.session"


class PortalGraphQL(GraphQL):
    def __init__(self, schema: Any, database: Database, agencies: AgencyRegistry, settings: Settings) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.demo or settings.debug else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        )
        self.database = database
        self.agencies = agencies
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async with self.database.session() as session:
            scope[SESSION_KEY] = session
            await super().__call__(scope, receive, send)

    async def get_context(self, request: Any, response: Any) -> Context:
        session = request.scope[SESSION_KEY]
        person_id = demo_person_id(request) if self.settings.demo else None
        actor = await load_actor(session, person_id) if person_id is not None else None
        await session.commit()
        if actor is None:
            raise HTTPException(401, "Sign in to use the portal." if not self.settings.demo else "Choose a demo person first: open / and pick one.")
        return Context(actor=actor, session=session, agencies=self.agencies, settings=self.settings, request=request, response=response)

