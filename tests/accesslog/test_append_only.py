"""Every read of a child's information, and every change, leaves an entry that cannot be altered."""

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from portal.accesslog import AccessLogEntry


async def entries(database) -> list[AccessLogEntry]:
    async with database.session() as session:
        return list((await session.execute(select(AccessLogEntry).order_by(AccessLogEntry.id))).scalars())


async def test_reads_of_children_and_all_changes_are_logged(api, world, database):
    await api("query Agencies { agencies { id } }", as_=world.chair_a)
    assert await entries(database) == []
    await api("query Dashboard { conferences { nodes { children { givenName } } } }", as_=world.chair_a)
    await api(f'query Child {{ child(id: "{world.id("child_b1")}") {{ givenName }} }}', as_=world.chair_b)
    await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": []}, "contribution { id }", as_=world.gp1_author)
    logged = await entries(database)
    assert [(e.person_id, e.operation_type, e.operation_name, e.fields, sorted(e.child_ids)) for e in logged] == [
        (world.chair_a, "query", "Dashboard", ["conferences"], sorted([world.child_a1, world.child_a2])),
        (world.chair_b, "query", "Child", ["child"], [world.child_b1]),
        (world.gp1_author, "mutation", "", ["saveDraft"], []),
    ]


async def test_the_log_cannot_be_changed_or_deleted(api, world, database):
    await api("{ conferences { nodes { children { givenName } } } }", as_=world.chair_a)
    for statement in (update(AccessLogEntry).values(person_id=world.chair_b), delete(AccessLogEntry)):
        async with database.session() as session:
            with pytest.raises(DBAPIError, match="append-only"):
                await session.execute(statement)
    assert len(await entries(database)) == 1
