"""Telling every app process that conferences changed, so live readiness can be pushed.

PostgreSQL: `pg_notify` inside the writing transaction (delivered only if it commits) and one
LISTEN connection per process that fans events out to its subscribers. SQLite: one process, so
events go straight to this process's subscribers after the commit.
"""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger(__name__)
CHANNEL = "portal_conference_changed"


class Notifier:
    """In-process fan-out: each subscriber gets a queue of sets of changed conference ids."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[frozenset[int]]] = set()

    async def stage(self, session: AsyncSession, conference_ids: frozenset[int]) -> None:
        """Called inside the writing transaction, before it commits."""

    def committed(self, conference_ids: frozenset[int]) -> None:
        """Called after the writing transaction committed."""
        self.deliver(conference_ids)

    def deliver(self, conference_ids: frozenset[int]) -> None:
        if conference_ids:
            for queue in self._queues:
                queue.put_nowait(conference_ids)

    async def start(self) -> None:
        pass

    async def close(self) -> None:
        pass

    @asynccontextmanager
    async def events(self) -> AsyncIterator["asyncio.Queue[frozenset[int]]"]:
        await self.start()
        queue: asyncio.Queue[frozenset[int]] = asyncio.Queue()
        self._queues.add(queue)
        try:
            yield queue
        finally:
            self._queues.discard(queue)


class PostgresNotifier(Notifier):
    def __init__(self, dsn: str) -> None:
        super().__init__()
        self.dsn = dsn
        self._connection: Any = None
        self._lock = asyncio.Lock()

    async def stage(self, session: AsyncSession, conference_ids: frozenset[int]) -> None:
        if conference_ids:
            payload = ",".join(str(i) for i in sorted(conference_ids))
            await session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload})

    def committed(self, conference_ids: frozenset[int]) -> None:
        """Nothing to do: this process hears its own notifications through LISTEN like every other."""

    async def start(self) -> None:
        async with self._lock:
            if self._connection is not None and not self._connection.is_closed():
                return
            import asyncpg

            self._connection = await asyncpg.connect(self.dsn)
            self._connection.add_termination_listener(self._lost)
            await self._connection.add_listener(CHANNEL, self._heard)

    def _lost(self, _connection: Any) -> None:
        # The next subscriber reconnects; subscribers already listening miss changes until then.
        log.error("lost the connection listening for conference changes")
        self._connection = None

    def _heard(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        try:
            ids = frozenset(int(part) for part in payload.split(",") if part)
        except ValueError:
            log.warning("ignored a malformed change notification: %r", payload)
            return
        self.deliver(ids)

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
            self._connection = None


def make_notifier(database_url: str) -> Notifier:
    scheme = database_url.split("://", 1)[0].split("+")[0]
    if scheme == "postgresql":
        return PostgresNotifier("postgresql://" + database_url.split("://", 1)[1])
    return Notifier()
