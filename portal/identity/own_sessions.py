"""A person's own sessions: the list of those still live, ending one, and signing out everywhere."""

from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.errors import not_found
from portal.identity import Actor
from portal.identity.events import Event, record
from portal.identity.models import SignInSession
from portal.identity.sessions import SessionPolicy, end_all_sessions, live_sessions


async def my_sessions(db: AsyncSession, actor: Actor, policy: SessionPolicy) -> list[SignInSession]:
    access.require(actor, "session.own")
    return await live_sessions(db, actor.person_id, policy)


async def end_my_session(db: AsyncSession, actor: Actor, session_id: int | None) -> SignInSession:
    access.require(actor, "session.own", path=("input", "sessionId"))
    row = await db.get(SignInSession, session_id) if session_id is not None else None
    if row is None or row.person_id != actor.person_id:
        raise not_found(("input", "sessionId"), "session")
    if row.ended_at is None:
        row.ended_at = clock.now()
        record(db, Event.SIGNED_OUT, person_id=actor.person_id, method=row.method, detail=f"session {row.id} ended from another")
    return row


async def sign_out_everywhere(db: AsyncSession, actor: Actor) -> int:
    access.require(actor, "session.own")
    ended = await end_all_sessions(db, actor.person_id)
    record(db, Event.SIGNED_OUT_EVERYWHERE, person_id=actor.person_id, detail=f"{ended} sessions")
    return ended
