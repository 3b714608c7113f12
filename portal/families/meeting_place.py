"""Where the meeting is held, or how to join it online, as the family is told it."""

from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.errors import DomainError, Problem
from portal.families.models import MeetingPlace
from portal.identity import Actor
from portal.lookup import visible_conference

MAX_PLACE, MAX_URL = 300, 500


async def set_meeting_place(session: AsyncSession, actor: Actor, conference_id: str, place: str, join_url: str) -> MeetingPlace:
    path = ("input",)
    conference = await visible_conference(session, actor, conference_id, (*path, "conferenceId"))
    access.require(actor, "conference.schedule", conference, path=(*path, "conferenceId"))
    place, join_url = place.strip(), join_url.strip()
    problems = []
    if len(place) > MAX_PLACE:
        problems.append(Problem((*path, "place"), f"The place is at most {MAX_PLACE} characters."))
    if join_url and (not join_url.startswith("https://") or len(join_url) > MAX_URL or any(c.isspace() for c in join_url)):
        problems.append(Problem((*path, "joinUrl"), f"Give the link to join as a web address starting https://, at most {MAX_URL} characters, or leave it empty."))
    if not place and not join_url:
        problems.append(Problem((*path, "place"), "Give where the meeting is held, a link to join it online, or both."))
    if problems:
        raise DomainError(*problems)
    assert conference.id is not None
    found = await session.get(MeetingPlace, conference.id, with_for_update=True)
    if found is None:
        found = MeetingPlace(conference_id=conference.id, recorded_by_id=actor.person_id)
        session.add(found)
    found.place, found.join_url, found.recorded_by_id, found.recorded_at = place, join_url, actor.person_id, clock.now()
    await session.flush()
    return found
