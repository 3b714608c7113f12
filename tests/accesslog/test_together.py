"""Reads logged while another read's row is being committed wait, and are committed together in one
transaction: one turn of the chain's lock for all of them, one unbroken chain, and when the log
refuses rows each of them is refused."""

import asyncio
from typing import Any

from sqlalchemy import event

from portal.accesslog import READ, LogUnavailable, Operation, verify
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
