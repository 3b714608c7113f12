"""The log is hash-chained: editing, deleting or reordering a row through SQL is detected, and
appends from many sessions at once keep one unbroken chain."""

import asyncio
import os
import sys
from pathlib import Path

import anyio
import pytest

from portal.accesslog import READ, Operation, append, verify
from portal.accesslog.chain import GENESIS
from portal.db import Database
from tests.support.access_log import logged, tamper


async def some_rows(api, world, database) -> list[int]:
    """Reads and writes by several people: six rows."""
    for person in (world.chair_a, world.chair_b, world.chair_a):
        await api("{ conferences { nodes { children { givenName } } } }", as_=person)
    for text in ("One.", "Two.", "Three."):
        sections = [{"sectionId": "worries", "text": text}]
        await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": sections}, "contribution { id }", as_=world.gp1_author)
    return [e.id for e in await logged(database)]


async def verdict(database: Database):
    async with database.session() as session:
        return await verify(session)


async def portal_verify(database: Database) -> tuple[int, str]:
    portal = Path(sys.executable).parent / "portal"
    result = await anyio.run_process([str(portal), "accesslog", "verify"], check=False, env={**os.environ, "PORTAL_DATABASE_URL": database.url})
    return result.returncode, (result.stdout + result.stderr).decode()


async def test_an_untouched_log_verifies_and_each_row_links_to_the_one_before(api, world, database):
    ids = await some_rows(api, world, database)
    entries = await logged(database)
    assert len(ids) == 6 and entries[0].prev_hash == GENESIS
    assert all(after.prev_hash == before.hash for before, after in zip(entries, entries[1:], strict=False))
    found = await verdict(database)
    assert (found.ok, found.rows, found.head) == (True, 6, entries[-1].hash)
    code, output = await portal_verify(database)
    assert (code, output.strip()) == (0, f"OK: 6 rows, chain head {entries[-1].hash}")


TAMPERING = {
    "an edited row": (lambda ids, world: f"UPDATE access_log SET person_id = {world.chair_b} WHERE id = {ids[2]}", 2, "edited"),
    "a row given a new hash": (lambda ids, world: f"UPDATE access_log SET hash = '{'f' * 64}' WHERE id = {ids[3]}", 3, "edited"),
    "a row given another row's hash": (
        lambda ids, world: f"UPDATE access_log SET hash = (SELECT hash FROM access_log WHERE id = {ids[0]}) WHERE id = {ids[3]}", 3, "edited",
    ),
    "a deleted row": (lambda ids, world: f"DELETE FROM access_log WHERE id = {ids[1]}", 2, "deleted"),
    "the first rows deleted": (lambda ids, world: f"DELETE FROM access_log WHERE id <= {ids[1]}", 2, "deleted"),
    "a row moved to the end": (lambda ids, world: f"UPDATE access_log SET id = {ids[-1] + 100} WHERE id = {ids[1]}", 2, "reordered"),
}


@pytest.mark.parametrize("tampering", TAMPERING)
async def test_tampering_through_sql_is_detected_at_the_first_broken_row(api, world, database, tampering):
    statement, broken, problem = TAMPERING[tampering]
    ids = await some_rows(api, world, database)
    await tamper(database, statement(ids, world))
    found = await verdict(database)
    assert found.broken_at == ids[broken] and problem in found.problem, found
    code, output = await portal_verify(database)
    assert code == 1 and f"BROKEN at row {ids[broken]}" in output


async def test_many_sessions_appending_at_once_keep_one_chain(database, world):
    async def appender(number: int) -> None:
        for _ in range(5):
            async with database.session() as session:
                await append(session, Operation("query", f"Reader{number}").entry(world.chair_a, READ, {world.child_a1}))
                await asyncio.sleep(0)
                await session.commit()

    await asyncio.gather(*(appender(n) for n in range(8)))
    found = await verdict(database)
    assert (found.ok, found.rows) == (True, 40), found
