"""The family's written response or questions to the chair before the meeting, and marking a report read."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.conferences.models import Conference
from portal.contributions.models import Contribution
from portal.errors import DomainError, Problem, not_found
from portal.families.models import FamilyReportRead, FamilyResponse
from portal.families.reports import SHAREABLE
from portal.identity import Actor
from portal.lookup import parse_id

MAX_RESPONSE = 2000
EMPTY = "Write your response or questions for the chair."
TOO_LONG = f"Your message is too long: it can be at most {MAX_RESPONSE:,} characters. It is {{length:,}}."


async def _family_conference(session: AsyncSession, actor: Actor, conference_id: str, action: str) -> Conference:
    path = ("input", "conferenceId")
    number = parse_id(conference_id, path, "meeting")
    conference = (await session.execute(select(Conference).where(Conference.id == number, access.scope(actor, action)))).scalar_one_or_none()
    if conference is None:
        raise not_found(path, "meeting")
    return conference


async def send_response(session: AsyncSession, actor: Actor, conference_id: str, text: str) -> FamilyResponse:
    conference = await _family_conference(session, actor, conference_id, "family.respond")
    text = text.strip()
    if not text:
        raise DomainError(Problem(("input", "text"), EMPTY))
    if len(text) > MAX_RESPONSE:
        raise DomainError(Problem(("input", "text"), TOO_LONG.format(length=len(text))))
    response = FamilyResponse(conference_id=conference.id, person_id=actor.person_id, text=text)
    session.add(response)
    await session.flush()
    return response


async def mark_read(session: AsyncSession, actor: Actor, contribution_id: str) -> int:
    """Record that the family member has opened a report shared with them (the first time only)."""
    path = ("input", "contributionId")
    number = parse_id(contribution_id, path, "report")
    contribution = (await session.execute(
        select(Contribution).join(Conference, Conference.id == Contribution.conference_id)
        .where(Contribution.id == number, Contribution.status.in_(SHAREABLE), Contribution.shared_with_family_on.is_not(None),
               access.scope(actor, "family.report.mark_read"))
    )).scalar_one_or_none()
    if contribution is None:
        raise not_found(path, "report")
    seen = (await session.execute(
        select(FamilyReportRead.id).where(FamilyReportRead.person_id == actor.person_id, FamilyReportRead.contribution_id == number)
    )).first()
    if seen is None:
        session.add(FamilyReportRead(person_id=actor.person_id, contribution_id=number))
        await session.flush()
    return number
