"""Loading what the checklist's summary and the watchlist count, for one LA."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal.children.models import Child
from portal.conferences.models import Conference
from portal.enums import ConferenceStatus
from portal.history.models import LookedAfterEpisode, ProtectionPlan
from portal.monitoring.models import MonitoringAnswer, MonitoringCheck


async def summary_rows(session: AsyncSession, la_id: int) -> tuple[list[Any], list[Any]]:
    """Each meeting of the LA not cancelled, with its checklist's completion; and every answer given."""
    meetings = (await session.execute(
        select(Conference.id.label("conference_id"), Conference.held_on, Conference.scheduled_at, MonitoringCheck.completed_at)
        .outerjoin(MonitoringCheck, MonitoringCheck.conference_id == Conference.id)
        .where(Conference.la_id == la_id, Conference.status.in_((ConferenceStatus.SCHEDULED, ConferenceStatus.HELD)))
    )).all()
    answers = (await session.execute(
        select(MonitoringCheck.conference_id, MonitoringAnswer.item, MonitoringAnswer.answer)
        .join(MonitoringAnswer, MonitoringAnswer.check_id == MonitoringCheck.id).where(MonitoringCheck.la_id == la_id)
    )).all()
    return list(meetings), list(answers)


async def watchlist_rows(session: AsyncSession, la_id: int) -> tuple[list[Any], list[Any], dict[str, int]]:
    """The LA's looked-after episodes and protection plans, and the portal's children carrying the LA's child ids."""
    def columns(model: Any) -> Any:
        return select(*model.__table__.columns).where(model.la_id == la_id)

    episodes = (await session.execute(columns(LookedAfterEpisode))).all()
    plans = (await session.execute(columns(ProtectionPlan))).all()
    linked = dict((await session.execute(
        select(Child.la_child_id, Child.id).where(Child.la_id == la_id, Child.la_child_id.is_not(None))
    )).all())
    return list(episodes), list(plans), linked
