"""Live readiness over graphql-transport-ws: a new result whenever something affecting it changes."""

from collections.abc import AsyncGenerator, Iterator

import strawberry
from sqlalchemy import select
from starlette.websockets import WebSocket
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from graphql import ExecutionResult, GraphQLError
from portal import access, clock
from portal.api.context import Context, Info
from portal.api.readiness.types import ReadinessType
from portal.conferences.models import Conference
from portal.ids import parse_id
from portal.readiness.loading import load_readiness
from portal.readiness.notifier import EVERYTHING

NOT_VISIBLE = "No conference with that id exists, or you may not see its readiness."
OVER_WEBSOCKET = "Subscriptions are served over WebSocket at /graphql with the graphql-transport-ws protocol only."


async def _visible(context: Context, conference_id: strawberry.ID) -> int:
    number = parse_id(conference_id)
    if number is None:
        raise ValueError(NOT_VISIBLE)
    async with context.reader.lock:
        conference = (
            await context.session.execute(
                select(Conference).where(Conference.id == number, access.scope(context.actor, "conference.read"))
            )
        ).scalar_one_or_none()
        await context.session.commit()
    if conference is None or not access.allowed(context.actor, "readiness.read", conference):
        raise ValueError(NOT_VISIBLE)
    return conference.id


async def _current(context: Context, conference_id: int) -> ReadinessType | None:
    async with context.reader.lock:
        results = await load_readiness(context.session, [conference_id], clock.now(), context.rules)
        # A subscription lives for hours: end the read so the connection goes back to the pool.
        await context.session.commit()
    result = results.get(conference_id)
    return ReadinessType.of(result) if result is not None else None


async def _stream(context: Context, conference_id: strawberry.ID) -> AsyncGenerator[ReadinessType | None, None]:
    # Listen before the first result is read, so no change between the two is missed.
    async with context.notifier.events() as changes:
        number = await _visible(context, conference_id)
        yield await _current(context, number)
        while True:
            heard = [await changes.get()]
            while not changes.empty():
                heard.append(changes.get_nowait())
            if EVERYTHING in heard or any(number in ids for ids in heard if ids is not None):
                yield await _current(context, number)


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="The conference's readiness now, then again each time a contribution, invitation, sharing, withholding "
        "decision, child's consultation or the meeting time changes. For staff of the conference's local authority only; "
        "over WebSocket (graphql-transport-ws) only."
    )
    async def readiness(self, info: Info, conference_id: strawberry.ID) -> AsyncGenerator[ReadinessType | None, None]:
        return _stream(info.context, conference_id)


class WebSocketSubscriptionsOnly(SchemaExtension):
    """Refuse a subscription sent over plain HTTP (or HTTP streaming)."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.operation_type == OperationType.SUBSCRIPTION and not isinstance(getattr(context.context, "request", None), WebSocket):
            context.result = ExecutionResult(data=None, errors=[GraphQLError(OVER_WEBSOCKET)])
        yield
