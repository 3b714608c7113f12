from datetime import UTC, date, datetime

from portal.conferences.models import Conference, ConferenceChild
from portal.enums import ConferenceKind, ConferenceStatus
from portal.monitoring.config import monitoring_for

ITEMS = [item.id for item in monitoring_for("easterby").checklist]


def all_met(note: str = "") -> list[dict[str, str]]:
    return [{"item": item, "answer": "MET", "note": note} for item in ITEMS]


async def held_review(database, world, held_on: date, *, at: int = 10, chair: str = "chair_a", la: str = "la_a", child: str = "child_a1") -> int:
    """A LAC review the portal held on `held_on`, scheduled for `at` o'clock (UTC) that day."""
    async with database.session() as session:
        conference = Conference(la_id=world.ids[la], kind=ConferenceKind.LAC_REVIEW, status=ConferenceStatus.HELD, chair_id=world.ids[chair],
                                scheduled_at=datetime(held_on.year, held_on.month, held_on.day, at, tzinfo=UTC), held_on=held_on)
        session.add(conference)
        await session.flush()
        session.add(ConferenceChild(conference_id=conference.id, child_id=world.ids[child]))
        await session.commit()
        return conference.id  # type: ignore[return-value]
