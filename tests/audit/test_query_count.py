"""A page of 50 sampled contributions costs the same SQL as a page of 5."""

from datetime import timedelta

from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution
from portal.db import StatementCounter
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus
from tests.support.audit_rounds import ITEMS, create_round
from tests.support.audit_world import add_audit, gp_sections
from tests.support.world import soon


async def seed_icpcs(database, world, count: int) -> None:
    async with database.session() as session:
        await add_audit(session, world)
        for n in range(count):
            la = (world.la_a, world.la_b)[n % 2]
            born = soon().date() - timedelta(days=2000 + n)
            child = Child(la_id=la, given_name=f"Child{n}", family_name="Lowther", date_of_birth=born)
            conference = Conference(la_id=la, kind=ConferenceKind.ICPC, status=ConferenceStatus.SCHEDULED, scheduled_at=soon(3 + n % 20))
            session.add_all([child, conference])
            await session.flush()
            session.add(ConferenceChild(conference_id=conference.id, child_id=child.id))
            invitation = Invitation(conference_id=conference.id, organisation_id=world.gp1, report_due_at=soon(1))
            session.add(invitation)
            await session.flush()
            session.add(Contribution(
                invitation_id=invitation.id, conference_id=conference.id, organisation_id=world.gp1, author_id=world.gp1_author,
                status=ContributionStatus.SUBMITTED, sections=gp_sections(child.given_name, "Lowther", born, "9990000018", n % 2 == 0),
                scales={str(child.id): 5}, submitted_at=soon(0),
            ))
        await session.commit()


async def statements_for(api, database, person: int, round_id: str, first: int) -> tuple[int, int]:
    counter = StatementCounter(database.engine)
    try:
        data = await api(ITEMS, {"id": round_id, "first": first}, as_=person)
    finally:
        counter.close()
    return counter.count, len(data["auditRound"]["items"]["nodes"])


async def test_a_rounds_items_cost_the_same_sql_for_5_and_50(api, database, world):
    await seed_icpcs(database, world, 60)
    round_id = (await create_round(api, world, fraction=1.0, perCouncil=None))["auditRound"]["id"]
    for person in (world.lead, world.auditor_b):
        small, small_rows = await statements_for(api, database, person, round_id, 5)
        large, large_rows = await statements_for(api, database, person, round_id, 50)
        assert (small_rows, large_rows) == (5, 50)
        assert small == large
        assert large <= 20
