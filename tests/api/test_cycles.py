"""What a GraphQL request read (its context, loaders, their caches and the rows) is freed by reference
counting as the request ends, not left in a cycle for the garbage collector to find."""

import gc

from portal.api.context import Context
from tests.support.seeding import seed_conferences

DASHBOARD = """query { conferences(first: 20, filter: {chairedByMe: true, upcoming: true}) {
  nodes { id children { givenName } invitations { organisation { name } contribution { status scales { score } } } consultations { seen } } } }"""


def contexts() -> list[Context]:
    return [o for o in gc.get_objects() if isinstance(o, Context)]


async def test_a_requests_context_is_freed_when_it_ends_without_a_collection(api, database, world):
    await seed_conferences(database, world, 20)
    await api(DASHBOARD, as_=world.chair_a)
    gc.collect()
    gc.disable()
    try:
        data = await api(DASHBOARD, as_=world.chair_a)
        left = contexts()
    finally:
        gc.enable()
    assert len(data["conferences"]["nodes"]) == 20
    assert left == []
