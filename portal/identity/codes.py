"""Emailed one-time codes: six random digits, stored keyed-hashed, single use, ten minutes, five tries."""

import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from portal import clock
from portal.enums import PersonStatus
from portal.identity.models import OneTimeCode
from portal.identity.secrets import keyed_digest
from portal.people.models import Person

LIFETIME = timedelta(minutes=10)
MAX_ATTEMPTS = 5


class Refusal(StrEnum):
    NO_CODE = "NO_CODE"  # nothing issued for the address, or it was used or has expired
    WRONG_CODE = "WRONG_CODE"
    TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS"


@dataclass(frozen=True)
class Redeemed:
    person_id: int | None
    refusal: Refusal | None = None


def normalise_email(address: str) -> str:
    return address.strip().lower()


def _hash(key: str, person_id: int, code: str) -> str:
    return keyed_digest(key, "sign-in-code", str(person_id), code)


async def active_person(db: AsyncSession, email: str) -> Person | None:
    return (await db.execute(
        select(Person).where(func.lower(Person.email) == normalise_email(email), Person.status == PersonStatus.ACTIVE)
    )).scalar_one_or_none()


async def issue_code(db: AsyncSession, person_id: int, key: str) -> str:
    """A new code for the person; any earlier unused one stops working."""
    now = clock.now()
    await db.execute(update(OneTimeCode).where(OneTimeCode.person_id == person_id, OneTimeCode.used_at.is_(None)).values(used_at=now))
    code = f"{secrets.randbelow(10**6):06d}"
    db.add(OneTimeCode(person_id=person_id, code_hash=_hash(key, person_id, code), created_at=now, expires_at=now + LIFETIME))
    return code


async def redeem_code(db: AsyncSession, email: str, code: str, key: str) -> Redeemed:
    """Check a typed code against the address's current code; a match uses it up, a miss counts."""
    person = await active_person(db, email)
    if person is None:
        return Redeemed(None, Refusal.NO_CODE)
    now = clock.now()
    current = (await db.execute(
        select(OneTimeCode).where(OneTimeCode.person_id == person.id, OneTimeCode.used_at.is_(None), OneTimeCode.expires_at > now)
        .order_by(OneTimeCode.id.desc()).limit(1).with_for_update()
    )).scalar_one_or_none()
    if current is None:
        return Redeemed(person.id, Refusal.NO_CODE)
    if current.attempts >= MAX_ATTEMPTS:
        return Redeemed(person.id, Refusal.TOO_MANY_ATTEMPTS)
    current.attempts += 1
    if not secrets.compare_digest(current.code_hash, _hash(key, person.id, code.strip())):
        return Redeemed(person.id, Refusal.TOO_MANY_ATTEMPTS if current.attempts >= MAX_ATTEMPTS else Refusal.WRONG_CODE)
    current.used_at = now
    return Redeemed(person.id)
