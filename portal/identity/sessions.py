"""Server-side sessions: the browser holds only a random id; the database holds its digest, who
it names, when it was last used and when it must end."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from portal import clock
from portal.identity.models import SignInSession
from portal.identity.secrets import digest, new_secret
from portal.settings import Settings

# Last use is written at most this often, so a page's many requests do not each write a row.
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class SessionPolicy:
    idle: timedelta = timedelta(minutes=30)
    lifetime: timedelta = timedelta(hours=10)

    @classmethod
    def from_settings(cls, settings: Settings) -> "SessionPolicy":
        return cls(idle=timedelta(minutes=settings.session_idle_minutes), lifetime=timedelta(hours=settings.session_lifetime_hours))


def is_live(row: SignInSession, now: datetime, policy: SessionPolicy) -> bool:
    return row.ended_at is None and now < row.expires_at and now - row.last_seen_at < policy.idle


async def start_session(db: AsyncSession, person_id: int, method: str, policy: SessionPolicy, user_agent: str = "") -> str:
    """Record a new session and return its id, for the cookie; only the id's digest is kept."""
    secret = new_secret()
    now = clock.now()
    db.add(SignInSession(secret_hash=digest(secret), person_id=person_id, method=method, created_at=now, last_seen_at=now,
                         expires_at=now + policy.lifetime, user_agent=user_agent[:300]))
    return secret


async def session_person(db: AsyncSession, secret: str, policy: SessionPolicy) -> int | None:
    """The person a live session names, noting its use; None for an unknown, ended or expired one."""
    row = (await db.execute(select(SignInSession).where(SignInSession.secret_hash == digest(secret)))).scalar_one_or_none()
    now = clock.now()
    if row is None or not is_live(row, now, policy):
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
    return row.person_id


async def end_session(db: AsyncSession, secret: str) -> SignInSession | None:
    """End the session with this id; returns it (who it named, how they signed in), or None when it was not open."""
    row = (await db.execute(select(SignInSession).where(SignInSession.secret_hash == digest(secret), SignInSession.ended_at.is_(None)))).scalar_one_or_none()
    if row is None:
        return None
    row.ended_at = clock.now()
    return row


async def end_all_sessions(db: AsyncSession, person_id: int) -> int:
    """End every session of a person (sign out everywhere, suspension); returns how many were open."""
    result = await db.execute(
        update(SignInSession).where(SignInSession.person_id == person_id, SignInSession.ended_at.is_(None)).values(ended_at=clock.now())
    )
    return result.rowcount or 0


async def live_sessions(db: AsyncSession, person_id: int, policy: SessionPolicy) -> list[SignInSession]:
    rows = (await db.execute(
        select(SignInSession).where(SignInSession.person_id == person_id, SignInSession.ended_at.is_(None)).order_by(SignInSession.created_at.desc())
    )).scalars()
    now = clock.now()
    return [row for row in rows if is_live(row, now, policy)]
