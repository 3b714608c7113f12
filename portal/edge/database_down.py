"""When the database cannot be reached (PostgreSQL restarting, the network to it down, SQLite's file locked
or its disk full), every request answers 503 with a message and Retry-After, never a 500 or a dropped
connection; nothing was changed, since the transaction never committed. The pool checks a connection
before lending it (`portal.db`), so requests succeed again as soon as the database is back."""

import logging
import socket
import sqlite3
from collections.abc import Callable

from sqlalchemy import exc as sa
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

MESSAGE = "The portal cannot reach its database just now. Nothing was changed; try again in a minute."
RETRY_AFTER = "30"
SQLITE_BUSY = ("database is locked", "disk is full", "disk i/o error", "unable to open database")
_DEPTH = 8


def _postgres_connection_error(error: BaseException) -> bool:
    try:
        import asyncpg
    except ImportError:  # pragma: no cover - asyncpg is a dependency
        return False
    return isinstance(error, asyncpg.PostgresConnectionError | asyncpg.CannotConnectNowError | asyncpg.InterfaceError
                      | asyncpg.exceptions.OperatorInterventionError)


def unreachable(error: BaseException | None) -> bool:
    """The error, or one it came from, says the database is not answering rather than that the request was wrong."""
    for _ in range(_DEPTH):
        if error is None:
            return False
        if isinstance(error, sa.DBAPIError) and error.connection_invalidated:
            return True
        if isinstance(error, sa.TimeoutError | ConnectionError | socket.gaierror) or _postgres_connection_error(error):
            return True
        if isinstance(error, sqlite3.OperationalError) and any(words in str(error).lower() for words in SQLITE_BUSY):
            return True
        if isinstance(error, sa.DBAPIError):
            error = error.orig
            continue
        error = error.__cause__ or error.__context__
    return False


class DatabaseDownMiddleware:
    """Answers with `respond(scope)` when a request fails because the database is unreachable, if nothing of
    the answer has been sent yet."""

    def __init__(self, app: ASGIApp, respond: Callable[[Scope], ASGIApp]) -> None:
        self.app = app
        self.respond = respond

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception as error:
            if started or not unreachable(error):
                raise
            log.warning("Answered 503: the database is unreachable (%s: %s)", type(error).__name__, str(error)[:200])
            await self.respond(scope)(scope, receive, send)
