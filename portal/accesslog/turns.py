"""Serving processes sharing one SQLite file queue for the access log's append on a file lock beside
it. Without it, a process that finds another appending sleeps in SQLite's busy handler (1, 2, 5,
10 ms and longer) and is not woken when the other commits, so two processes serving the dashboard
together left a quarter of the machine idle. flock wakes the next in line as soon as the lock is let
go, and the kernel lets it go when a process dies. PostgreSQL queues on its advisory lock instead."""

import asyncio
import fcntl
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncEngine


def lock_path(engine: AsyncEngine) -> str | None:
    """The lock file of a file-backed SQLite database; None for PostgreSQL or an in-memory database."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    return f"{database}-append.lock"


@asynccontextmanager
async def append_turn(engine: AsyncEngine) -> AsyncIterator[None]:
    """Wait, off the event loop, until no other process is appending to the log of `engine`'s database."""
    path = lock_path(engine)
    if path is None:
        yield
        return
    fd = os.open(path, os.O_CREAT | os.O_RDWR | os.O_CLOEXEC, 0o600)  # each turn its own open file, its own lock
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        waiting = asyncio.ensure_future(asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX))
        try:
            await asyncio.shield(waiting)
        except asyncio.CancelledError:
            waiting.add_done_callback(lambda _: os.close(fd))  # closing the file lets go of a lock taken after all
            raise
    try:
        yield
    finally:
        os.close(fd)
