"""Telling every app process that conferences changed, so live readiness can be pushed.

PostgreSQL: `pg_notify` inside the writing transaction (delivered only if it commits) and one
LISTEN connection per process that fans events out to its subscribers; when that connection is lost it
connects again by itself and has every subscriber read afresh. SQLite: one process, so
events go straight to this process's subscribers after the commit.
"""

import asyncio
import itertools
import logging
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger(__name__)
CHANNEL = "portal_conference_changed"
EVERYTHING = None  # in a subscriber's queue: anything may have changed, read afresh
Changes = frozenset[int] | None
FIRST_WAIT, LONGEST_WAIT = 0.5, 30.0


def backoff(attempt: int) -> float:
    """Seconds to wait before connecting again: doubling from half a second to 30, with jitter so that
    every process of a deployment does not knock at once."""
    return min(LONGEST_WAIT, FIRST_WAIT * 2**attempt) * random.uniform(0.5, 1.0)


class Notifier:
    """In-process fan-out: each subscriber gets a queue of sets of changed conference ids, or EVERYTHING."""

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[Changes]] = set()

    async def stage(self, session: AsyncSession, conference_ids: frozenset[int]) -> None:
        """Called inside the writing transaction, before it commits."""

    def committed(self, conference_ids: frozenset[int]) -> None:
        """Called after the writing transaction committed."""
        self.deliver(conference_ids)

    def deliver(self, conference_ids: frozenset[int]) -> None:
        if conference_ids:
            for queue in self._queues:
                queue.put_nowait(conference_ids)

    def deliver_everything(self) -> None:
        for queue in self._queues:
            queue.put_nowait(EVERYTHING)

    async def start(self) -> None:
        pass

    async def close(self) -> None:
        pass

    @asynccontextmanager
    async def events(self) -> AsyncIterator["asyncio.Queue[Changes]"]:
        await self.start()
        queue: asyncio.Queue[Changes] = asyncio.Queue()
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
        self._closing = False
        self._reconnecting: asyncio.Task[None] | None = None

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
            await self._connect()

    async def _connect(self) -> None:
        import asyncpg

        connection = await asyncpg.connect(self.dsn)
        try:
            await connection.add_listener(CHANNEL, self._heard)
        except BaseException:
            await connection.close()
            raise
        connection.add_termination_listener(self._lost)
        self._connection = connection

    def _lost(self, _connection: Any) -> None:
        log.error("lost the connection listening for conference changes; connecting again")
        self._connection = None
        if not self._closing and (self._reconnecting is None or self._reconnecting.done()):
            self._reconnecting = asyncio.get_running_loop().create_task(self._reconnect())

    async def _reconnect(self) -> None:
        """Connect again, waiting longer after each failure; then tell every subscriber to read afresh,
        since whatever changed while nobody listened was not heard."""
        for attempt in itertools.count():
            await asyncio.sleep(backoff(attempt))
            async with self._lock:
                if self._closing:
                    return
                if self._connection is not None and not self._connection.is_closed():
                    break
                try:
                    await self._connect()
                except Exception as error:
                    log.warning("listening for conference changes: could not connect (%s); trying again", error)
                    continue
                break
        log.warning("listening for conference changes again")
        self.deliver_everything()

    def _heard(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        try:
            ids = frozenset(int(part) for part in payload.split(",") if part)
        except ValueError:
            log.warning("ignored a malformed change notification: %r", payload)
            return
        self.deliver(ids)

    async def close(self) -> None:
        self._closing = True
        if self._reconnecting is not None:
            self._reconnecting.cancel()
        if self._connection is not None:
            await self._connection.close()
            self._connection = None


def make_notifier(database_url: str) -> Notifier:
    scheme = database_url.split("://", 1)[0].split("+")[0]
    if scheme == "postgresql":
        return PostgresNotifier("postgresql://" + database_url.split("://", 1)[1])
    return Notifier()
