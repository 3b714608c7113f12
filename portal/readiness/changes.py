"""Which conferences a transaction changed, noted by the services that change them."""

from sqlalchemy.ext.asyncio import AsyncSession

KEY = "portal.changed_conferences"


def conference_changed(session: AsyncSession, conference_id: int | None) -> None:
    if conference_id is not None:
        session.info.setdefault(KEY, set()).add(conference_id)


def take_changed(session: AsyncSession) -> frozenset[int]:
    """The conferences changed since the last call, forgetting them."""
    return frozenset(session.info.pop(KEY, ()))
