"""Loading an LA's records for the annual report, and writing the report out."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import clock
from portal.challenges.records import challenge_records
from portal.conferences.models import ChildConsultation, Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus
from portal.history.annual import Records
from portal.history.models import LookedAfterEpisode, LookedAfterReview, ProtectionPlan, Section47Enquiry
from portal.monitoring.models import MonitoringCheck
from portal.outcomes.models import ConferenceOutcome

SUBMITTED = (ContributionStatus.SUBMITTED, ContributionStatus.AMENDED)


async def load_records(session: AsyncSession, la_id: int) -> Records:
    async def rows(model):  # type: ignore[no-untyped-def]
        """Plain rows (attributes named as the model's), much lighter than loading each as an object."""
        return (await session.execute(select(*model.__table__.columns).where(model.la_id == la_id))).all()

    held = (Conference.la_id == la_id) & (Conference.status == ConferenceStatus.HELD) & Conference.held_on.is_not(None)
    invitations = (await session.execute(
        select(Conference.held_on, Invitation.report_due_at, Invitation.family_due_at, Contribution.submitted_at, Contribution.shared_with_family_on)
        .join(Invitation, Invitation.conference_id == Conference.id)
        .outerjoin(Contribution, (Contribution.invitation_id == Invitation.id) & Contribution.status.in_(SUBMITTED))
        .where(held)
    )).all()
    review_children = (await session.execute(
        select(Conference.held_on, ChildConsultation.seen)
        .join(ConferenceChild, ConferenceChild.conference_id == Conference.id)
        .outerjoin(ChildConsultation, (ChildConsultation.conference_id == Conference.id) & (ChildConsultation.child_id == ConferenceChild.child_id))
        .where(held, Conference.kind == ConferenceKind.LAC_REVIEW)
    )).all()
    monitoring = (await session.execute(
        select(Conference.held_on, Conference.scheduled_at, MonitoringCheck.completed_at)
        .outerjoin(MonitoringCheck, MonitoringCheck.conference_id == Conference.id).where(held)
    )).all()
    held_conferences = (await session.execute(
        select(Conference.held_on, ConferenceOutcome.minutes_sent_on)
        .outerjoin(ConferenceOutcome, ConferenceOutcome.conference_id == Conference.id).where(held)
    )).all()
    return Records(
        episodes=await rows(LookedAfterEpisode), reviews=await rows(LookedAfterReview),
        plans=await rows(ProtectionPlan), enquiries=await rows(Section47Enquiry),
        invitations=invitations, review_children=review_children, monitoring=monitoring,
        held_conferences=held_conferences, as_of=clock.today(),
        challenges=await challenge_records(session, la_id),
    )
