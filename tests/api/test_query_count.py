"""DataLoaders batch every relationship: a page of 50 conferences costs the same SQL as a page of 5."""


from portal.db import StatementCounter
from tests.support.seeding import seed_conferences

CHAIR_DASHBOARD = """query($first: Int!) { conferences(first: $first, filter: {chairedByMe: true, upcoming: true}) {
  nodes { id kind scheduledAt localAuthority { name } chair { name }
    children { givenName familyName nhsNumber }
    invitations { reportDueAt organisation { name agencyId } contribution { status } }
    contributions { status agencyId author { name } organisation { name } sections { id text { html } } scales { score child { givenName } }
      withholdingRequests { decision } }
    consultations { viewsConveyed }
    map { sectionId entries { organisation { name } } } }
  pageInfo { hasNextPage } } }"""


async def statements_for(api, database, world, first: int) -> tuple[int, int]:
    counter = StatementCounter(database.engine)
    try:
        data = await api(CHAIR_DASHBOARD, {"first": first}, as_=world.chair_a)
    finally:
        counter.close()
    return counter.count, len(data["conferences"]["nodes"])


async def test_chairs_dashboard_costs_the_same_sql_for_5_and_50_conferences(api, database, world):
    await seed_conferences(database, world, 55)
    small, small_rows = await statements_for(api, database, world, 5)
    large, large_rows = await statements_for(api, database, world, 50)
    assert (small_rows, large_rows) == (5, 50)
    assert small == large
    assert large <= 20
