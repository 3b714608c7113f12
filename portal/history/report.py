"""Loading an LA's records for the annual report, and writing the report out."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal.history.annual import Records
from portal.history.models import LookedAfterEpisode, LookedAfterReview, ProtectionPlan, Section47Enquiry


async def load_records(session: AsyncSession, la_id: int) -> Records:
    async def rows(model):  # type: ignore[no-untyped-def]
        """Plain rows (attributes named as the model's), much lighter than loading each as an object."""
        return (await session.execute(select(*model.__table__.columns).where(model.la_id == la_id))).all()

    return Records(
        episodes=await rows(LookedAfterEpisode), reviews=await rows(LookedAfterReview),
        plans=await rows(ProtectionPlan), enquiries=await rows(Section47Enquiry),
    )
