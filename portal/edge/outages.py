"""Outages answered plainly rather than with a 500 or a dropped connection.

When the database cannot be reached (PostgreSQL restarting, the network to it down, SQLite's file locked
or its disk full), every request answers 503 with a message and Retry-After; nothing was changed, since
the transaction never committed. The pool checks a connection before lending it (`portal.db`), so
requests succeed again as soon as the database is back.

When the disk that receives uploads is full (a request body over 1 MB is spooled to the temporary
folder before it is read), the request answers 507 with a message; nothing was changed, so the draft
is as it was."""

import errno
import logging
import socket
import sqlite3
from collections.abc import Callable

from sqlalchemy import exc as sa
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

MESSAGE = "The portal cannot reach its database just now. Nothing was changed; try again in a minute."
RETRY_AFTER = "30"
NO_SPACE = ("The portal has no room to receive files just now, so the upload was not received and nothing was changed: "
            "your draft is as it was. Try again later, or type the report into the form.")
FULL = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
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


def no_space(error: BaseException | None) -> bool:
    """The error, or one it came from, is a write refused for want of space (or over the file size limit)."""
    for _ in range(_DEPTH):
        if error is None:
            return False
        if isinstance(error, OSError) and error.errno in FULL:
            return True
        error = error.__cause__ or error.__context__
    return False


class OutageMiddleware:
    """Answers with `respond(scope, outage)` when a request fails because the database is unreachable
    (`outage` "database") or the disk is full ("storage"), if nothing of the answer has been sent yet."""

    def __init__(self, app: ASGIApp, respond: Callable[[Scope, str], ASGIApp]) -> None:
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
            outage = "database" if unreachable(error) else "storage" if no_space(error) else None
            if started or outage is None:
                raise
            log.warning("Answered the request as an outage of the %s (%s: %s)", outage, type(error).__name__, str(error)[:200])
            await self.respond(scope, outage)(scope, receive, send)
