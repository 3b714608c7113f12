"""Telling a family member there is something new for them: access given, or a report shared. The email
(through the reminder outbox) holds only a link to sign in; never what is new or whom it is about."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import clock
from portal.conferences.models import ConferenceChild
from portal.contributions.models import Contribution
from portal.families.models import FamilyMember
from portal.people.models import Person
from portal.reminders.models import ReminderOutbox
from portal.reminders.planning import ReminderKind

LINK = "/family"


async def _queue(session: AsyncSession, key: str, email: str, conference_id: int | None) -> None:
    if await session.get(ReminderOutbox, key) is not None:
        return  # told once is enough
    now = clock.now()
    session.add(ReminderOutbox(key=key, kind=ReminderKind.FAMILY_NOTICE, recipient=email, conference_id=conference_id, send_at=now,
                               payload={"organisationName": "", "dueAt": now.isoformat(), "linkPath": LINK, "timezone": "Europe/London"}))


async def access_given(session: AsyncSession, member: FamilyMember) -> None:
    email = (await session.execute(select(Person.email).where(Person.id == member.person_id))).scalar_one()
    await _queue(session, f"{ReminderKind.FAMILY_NOTICE}:access:{member.id}:{member.granted_at:%Y%m%d%H%M%S}", email, None)


async def report_shared(session: AsyncSession, contribution: Contribution) -> None:
    """Each family member with access to a child of the report's conference, once per report."""
    rows = (await session.execute(
        select(Person.id, Person.email).join(FamilyMember, FamilyMember.person_id == Person.id)
        .join(ConferenceChild, ConferenceChild.child_id == FamilyMember.child_id)
        .where(ConferenceChild.conference_id == contribution.conference_id, FamilyMember.ended_at.is_(None)).distinct()
    )).all()
    for person_id, email in rows:
        await _queue(session, f"{ReminderKind.FAMILY_NOTICE}:report:{contribution.id}:{person_id}", email, contribution.conference_id)
