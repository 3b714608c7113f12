"""Reads logged while another read's row is being committed wait, and are committed together in one
transaction: one turn of the chain's lock for all of them, one unbroken chain, and when the log
refuses rows each of them is refused. Another process's rows are waited for in turn."""

import asyncio
import fcntl
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event, text

from portal.accesslog import READ, LogUnavailable, Operation, verify
from portal.accesslog.chain import APPEND_LOCK
from portal.accesslog.turns import lock_path
from portal.db import Database
from portal.unit_of_work import NOT_SHOWN, log_read
from tests.support.access_log import log_refusing_rows, logged

READS = 6


async def read(database: Database, world, number: int) -> None:
    async with database.session() as session:
        await log_read(session, Operation("query", f"Reader{number}").entry(world.chair_a, READ, {world.child_a1}))


async def reads_at_once(database: Database, world) -> tuple[list[Any], int]:
    """What each of READS reads logged at once came to, and how many times the chain's lock was taken."""
    locks: list[str] = []

    def seen(_connection, _cursor, statement: str, *_args) -> None:
        if "access_log WHERE 0" in statement or "pg_advisory_xact_lock" in statement:
            locks.append(statement)

    event.listen(database.engine.sync_engine, "before_cursor_execute", seen)
    try:
        outcomes = await asyncio.gather(*(read(database, world, n) for n in range(READS)), return_exceptions=True)
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", seen)
    return outcomes, len(locks)


async def test_reads_logged_at_once_take_the_chains_lock_twice_not_once_each(database, world):
    outcomes, locks = await reads_at_once(database, world)
    # the first commits its own row; the five that came meanwhile are committed together
    assert (outcomes, locks) == ([None] * READS, 2)
    entries = await logged(database)
    assert sorted(e.operation_name for e in entries) == sorted(f"Reader{n}" for n in range(READS))
    async with database.session() as session:
        found = await verify(session)
    assert (found.ok, found.rows) == (True, READS), found


async def test_when_the_log_refuses_rows_every_read_committed_together_is_refused(database, world):
    async with log_refusing_rows(database):
        outcomes, locks = await reads_at_once(database, world)
    assert all(isinstance(o, LogUnavailable) and o.message == NOT_SHOWN for o in outcomes), outcomes
    assert locks == 2
    assert await logged(database) == []


@asynccontextmanager
async def another_process_appending(database: Database) -> AsyncIterator[None]:
    """Another serving process's turn at the log: SQLite's lock file taken through a file of its own,
    PostgreSQL's advisory lock taken on another connection."""
    path = lock_path(database.engine)
    if path is None:
        async with database.engine.connect() as connection:
            await connection.execute(text(f"SELECT pg_advisory_lock({APPEND_LOCK})"))
            try:
                yield
            finally:
                await connection.execute(text(f"SELECT pg_advisory_unlock({APPEND_LOCK})"))
        return
    fd = os.open(path, os.O_CREAT | os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


async def test_a_read_waits_while_another_process_appends_and_is_logged_when_its_turn_comes(database, world):
    async with another_process_appending(database):
        reading = asyncio.ensure_future(read(database, world, 0))
        await asyncio.sleep(0.5)
        waited = not reading.done()
    await asyncio.wait_for(reading, 10)
    assert waited
    assert [e.operation_name for e in await logged(database)] == ["Reader0"]
    async with database.session() as session:
        assert (await verify(session)).ok
