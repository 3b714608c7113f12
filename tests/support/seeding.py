"""Many conferences at once, each with three submitted contributions and a pending withholding request."""

from datetime import timedelta

from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution, WithholdingRequest
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus, WithholdingDecision
from tests.support.world import soon


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
