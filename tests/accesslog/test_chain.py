"""The log is hash-chained: editing, deleting or reordering a row through SQL is detected, and
appends from many sessions at once keep one unbroken chain."""

import asyncio
import os
import sys
from pathlib import Path

import anyio

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


async def test_an_edited_row_is_detected(api, world, database):
    ids = await some_rows(api, world, database)
    await tamper(database, f"UPDATE access_log SET person_id = {world.chair_b} WHERE id = {ids[2]}")
    found = await verdict(database)
    assert (found.broken_at, found.rows) == (ids[2], 2) and "edited" in found.problem
    code, output = await portal_verify(database)
    assert code == 1 and f"BROKEN at row {ids[2]}" in output


async def test_an_edit_that_recomputes_its_own_hash_breaks_the_next_link(api, world, database):
    ids = await some_rows(api, world, database)
    await tamper(database, f"UPDATE access_log SET hash = '{'f' * 64}' WHERE id = {ids[3]}")
    found = await verdict(database)
    assert found.broken_at == ids[3]
    await tamper(database, f"UPDATE access_log SET hash = (SELECT hash FROM access_log WHERE id = {ids[0]}) WHERE id = {ids[3]}")
    assert (await verdict(database)).broken_at == ids[3]


async def test_a_deleted_row_is_detected(api, world, database):
    ids = await some_rows(api, world, database)
    await tamper(database, f"DELETE FROM access_log WHERE id = {ids[1]}")
    found = await verdict(database)
    assert (found.broken_at, found.rows) == (ids[2], 1) and "deleted" in found.problem
    code, output = await portal_verify(database)
    assert code == 1 and f"BROKEN at row {ids[2]}" in output


async def test_deleting_the_first_rows_is_detected(api, world, database):
    ids = await some_rows(api, world, database)
    await tamper(database, f"DELETE FROM access_log WHERE id <= {ids[1]}")
    assert (await verdict(database)).broken_at == ids[2]


async def test_reordered_rows_are_detected(api, world, database):
    ids = await some_rows(api, world, database)
    await tamper(database, f"UPDATE access_log SET id = {ids[-1] + 100} WHERE id = {ids[1]}")
    found = await verdict(database)
    assert found.broken_at == ids[2]


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
