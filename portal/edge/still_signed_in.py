"""A WebSocket lives for hours: every so often the credential it was opened with is asked again, and
the connection ends when it no longer names the same actor (the session expired, was signed out or
revoked, the person was suspended, the token revoked or expired)."""

import asyncio
import logging
from collections.abc import Awaitable, Callable

from starlette.requests import HTTPConnection
from starlette.types import Message, Receive, Scope, Send

from portal.db import Database
from portal.edge.actors import ActorSource
from portal.identity import Actor

log = logging.getLogger(__name__)
SESSION_ENDED = 4401  # the close code: like HTTP 401, in the range for applications
REASON = "Your sign-in has ended. Sign in again."


async def still_signed_in(database: Database, sources: ActorSource, scope: Scope, actor: Actor) -> bool:
    async with database.session() as session:
        found = await sources.actor(HTTPConnection(scope), session)
        # Asking again is not using the portal: nothing it would note (a session's last use) is kept.
        await session.rollback()
    return found is not None and (found.person_id, found.token_id) == (actor.person_id, actor.token_id)


async def while_signed_in(app: Callable[[Scope, Receive, Send], Awaitable[None]], scope: Scope, receive: Receive, send: Send, *,
                          check: Callable[[], Awaitable[bool]], every: float) -> None:
    """Run the WebSocket app; when `check` says no, close the socket with SESSION_ENDED and tell the app it disconnected."""
    ended = asyncio.Event()
    closed = False

    async def watch() -> None:
        while True:
            await asyncio.sleep(every)
            try:
                if not await check():
                    break
            except Exception as error:  # the credential cannot be checked: the connection ends, as a refusal would
                log.error("WebSocket credential not checked: %s", error)
                break
        ended.set()

    async def guarded_receive() -> Message:
        nonlocal closed
        if not ended.is_set():
            message, end = asyncio.ensure_future(receive()), asyncio.ensure_future(ended.wait())
            done, _ = await asyncio.wait({message, end}, return_when=asyncio.FIRST_COMPLETED)
            if message in done:
                end.cancel()
                return message.result()
            message.cancel()
        if not closed:
            closed = True
            await send({"type": "websocket.close", "code": SESSION_ENDED, "reason": REASON})
        return {"type": "websocket.disconnect", "code": SESSION_ENDED}

    async def guarded_send(message: Message) -> None:
        nonlocal closed
        if closed:
            return  # the socket is closed: what the app still sends goes nowhere
        if message["type"] == "websocket.close":
            closed = True
        await send(message)

    watcher = asyncio.create_task(watch())
    try:
        await app(scope, guarded_receive, guarded_send)
    finally:
        watcher.cancel()
