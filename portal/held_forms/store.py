"""Holding a form post for the person whose session ended, and giving it back once, to them alone."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import clock
from portal.held_forms.models import HeldForm
from portal.identity.models import SignInSession
from portal.identity.secrets import digest, new_secret

HOLD_FOR = timedelta(minutes=20)
MAX_FIELD_CHARS = 100_000


@dataclass(frozen=True)
class HeldFile:
    """An upload's file, held with the form's other fields."""

    name: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Posted:
    """What a form post sent: its fields and, for an upload, its file."""

    fields: dict[str, str]
    file: HeldFile | None = None


@dataclass(frozen=True)
class Held:
    person_id: int
    path: str
    posted: Posted


async def session_owner(db: AsyncSession, session_secret: str) -> int | None:
    """The person a session named, ended or not: who a post with a lapsed session came from."""
    return (await db.execute(select(SignInSession.person_id).where(SignInSession.secret_hash == digest(session_secret)))).scalar_one_or_none()


async def hold(db: AsyncSession, person_id: int, path: str, posted: Posted) -> str:
    """Keep the post until HOLD_FOR has passed; returns the token for the browser. Lapsed posts go."""
    now = clock.now()
    await db.execute(delete(HeldForm).where(HeldForm.expires_at <= now))
    token = new_secret()
    kept = {name: value[:MAX_FIELD_CHARS] for name, value in posted.fields.items()}
    file = posted.file
    db.add(HeldForm(token_hash=digest(token), person_id=person_id, path=path, fields=kept, held_at=now, expires_at=now + HOLD_FOR,
                    file_name=file.name if file else None, file_type=file.content_type if file else None, file_data=file.data if file else None))
    return token


async def take(db: AsyncSession, token: str) -> Held | None:
    """The held post for this token, removed as it is taken; None when there is none or it lapsed."""
    row = (await db.execute(select(HeldForm).where(HeldForm.token_hash == digest(token)))).scalar_one_or_none()
    if row is None:
        return None
    await db.delete(row)
    if row.expires_at <= clock.now():
        return None
    file = HeldFile(row.file_name or "", row.file_type or "", row.file_data) if row.file_data is not None else None
    return Held(row.person_id, row.path, Posted({str(k): str(v) for k, v in row.fields.items()}, file))
