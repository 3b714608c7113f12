"""The one place a GraphQL context is built, for the API, the pages, the forms and the exports."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection

from portal.api.context import Context
from portal.edge.middleware import actor_of
from portal.identity import Actor
from portal.identity.tokens import REFUSAL
from portal.settings import Settings


class SignInRequired(Exception):
    """No actor source recognised the request; the app answers 401."""


def sign_in_message(settings: Settings) -> str:
    return "Choose a demo person first: open / and pick one." if settings.demo else "Sign in to use the portal."


def require_actor(request: HTTPConnection) -> Actor:
    actor = actor_of(request)
    if actor is None:
        raise SignInRequired(request.scope.get(REFUSAL) or sign_in_message(request.app.state.settings))
    return actor


def context_for(request: HTTPConnection, session: AsyncSession, response: Any = None) -> Context:
    state = request.app.state
    actor = require_actor(request)
    return Context(
        actor=actor, session=session, agencies=state.agencies, settings=state.settings, rules=state.rules,
        request=request, response=response, notifier=state.notifier,
    )
