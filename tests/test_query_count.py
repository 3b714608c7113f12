"""DataLoaders batch every relationship: a page of 50 conferences costs the same SQL as a page of 5."""

from datetime import timedelta

from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution, WithholdingRequest
from portal.db import StatementCounter
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus, WithholdingDecision
from tests.world import soon

CHAIR_DASHBOARD = """query($first: Int!) { conferences(first: $first, filter: {chairedByMe: true, upcoming: true}) {
  nodes { id kind scheduledAt localAuthority { name } chair { name }
    children { givenName familyName nhsNumber }
    invitations { reportDueAt organisation { name agencyId } contribution { status } }
    contributions { status agencyId author { name } organisation { name } sections { id text { html } } scales { score child { givenName } }
      withholdingRequests { decision } }
    consultations { viewsConveyed }
    map { sectionId entries { organisation { name } } } }
  pageInfo { hasNextPage } } }"""


async def seed_conferences(database, world, count: int) -> None:
    async with database.session() as session:
        for n in range(count):
            child = Child(la_id=world.la_a, given_name=f"Child{n}", family_name="Lowther", date_of_birth=soon().date() - timedelta(days=3000))
            conference = Conference(la_id=world.la_a, kind=ConferenceKind.RCPC, status=ConferenceStatus.SCHEDULED, scheduled_at=soon(2 + n % 20), chair_id=world.chair_a)
            session.add_all([child, conference])
            await session.flush()
            session.add(ConferenceChild(conference_id=conference.id, child_id=child.id))
            for org, author in (("gp1", "gp1_author"), ("school", "school_author"), ("social_a", "sw_a")):
                invitation = Invitation(conference_id=conference.id, organisation_id=world.ids[org], report_due_at=soon(1))
                session.add(invitation)
                await session.flush()
                contribution = Contribution(
                    invitation_id=invitation.id, conference_id=conference.id, organisation_id=world.ids[org], author_id=world.ids[author],
                    status=ContributionStatus.SUBMITTED, sections={"worries": "Worry.", "working_well": "Strength."}, scales={str(child.id): 5},
                )
                session.add(contribution)
                await session.flush()
                session.add(WithholdingRequest(contribution_id=contribution.id, section_id="worries", reason="r", requested_by_id=world.ids[author], decision=WithholdingDecision.PENDING))
        await session.commit()


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
