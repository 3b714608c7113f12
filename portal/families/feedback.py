"""After the meeting: what a family member or a child says helped, and what we should do differently,
stored per conference; and, for the head of service, the counts and the comments without any names."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.conferences.models import Conference
from portal.enums import ConferenceStatus
from portal.errors import DomainError, Problem, not_found
from portal.families.models import ChildViewsLink, MeetingFeedback
from portal.identity import Actor
from portal.lookup import parse_id

MAX_FEEDBACK = 2000
EMPTY = "Tell us what helped, what we should do differently, or both."
TOO_LONG = "This is too long: it can be at most {limit:,} characters. It is {length:,}."
DEFAULT_DAYS = 365  # without a start, the period reaches back this far from its end
MAX_DAYS = 731  # two years, counting both ends: a period to set beside another


@dataclass(frozen=True)
class FeedbackSummary:
    responses: int
    from_family: int
    from_children: int
    conferences: int
    comments: list[MeetingFeedback]


def _childs_link(actor: Actor, conference_id: int) -> object:
    return exists().where(ChildViewsLink.conference_id == conference_id, ChildViewsLink.person_id == actor.person_id, ChildViewsLink.withdrawn_at.is_(None))


async def held_conference(session: AsyncSession, actor: Actor, conference_id: str) -> tuple[Conference, bool]:
    """A held conference about the actor's child (as family) or one they were asked for their views of (as the child or advocate) by a link not withdrawn."""
    path = ("input", "conferenceId")
    number = parse_id(conference_id, path, "meeting")
    family = access.scope(actor, "family.conference.read")
    row = (await session.execute(
        select(Conference, family).where(Conference.id == number, Conference.status == ConferenceStatus.HELD, or_(family, _childs_link(actor, number)))
    )).first()
    if row is None:
        raise not_found(path, "meeting")
    conference, as_family = row
    return conference, not as_family


def held_conferences(actor: Actor) -> Select[tuple[Conference]]:
    """The held conferences the actor may send feedback on, latest first."""
    viewed = select(ChildViewsLink.conference_id).where(ChildViewsLink.person_id == actor.person_id, ChildViewsLink.withdrawn_at.is_(None))
    return (select(Conference).where(Conference.status == ConferenceStatus.HELD, or_(access.scope(actor, "family.conference.read"), Conference.id.in_(viewed)))
            .order_by(Conference.held_on.desc(), Conference.id.desc()))


async def send_feedback(session: AsyncSession, actor: Actor, conference_id: str, helped: str, differently: str) -> MeetingFeedback:
    conference, from_child = await held_conference(session, actor, conference_id)
    helped, differently = helped.strip(), differently.strip()
    problems = [Problem(("input", name), TOO_LONG.format(limit=MAX_FEEDBACK, length=len(text)))
                for name, text in (("helped", helped), ("differently", differently)) if len(text) > MAX_FEEDBACK]
    if not problems and not (helped or differently):
        problems.append(Problem(("input", "helped"), EMPTY))
    if problems:
        raise DomainError(*problems)
    feedback = MeetingFeedback(conference_id=conference.id, la_id=conference.la_id, person_id=actor.person_id, from_child=from_child,
                               helped=helped, differently=differently)
    session.add(feedback)
    await session.flush()
    return feedback


class BadPeriod(ValueError):
    """A period the summary cannot be counted over; `argument` is the one to change ("start" or "end")."""

    def __init__(self, message: str, argument: str) -> None:
        super().__init__(message)
        self.extensions = {"code": "INVALID", "argument": argument}


def period(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """The period asked for: to today when no end is given, from a year before the end when no start is."""
    end = end or today
    start = start or end - timedelta(days=DEFAULT_DAYS)
    if end < start:
        raise BadPeriod(f"The end of the period must be the same as or after its start ({start:%-d %B %Y})", "end")
    days = (end - start).days + 1
    if days > MAX_DAYS:
        raise BadPeriod(f"The period can be at most two years ({MAX_DAYS} days) long: this one is {days:,} days", "end")
    return start, end


def summary_statement(la_id: int, start: date, end: date) -> Select[tuple[MeetingFeedback]]:
    """The feedback on meetings held from `start` to `end` (inclusive), newest first."""
    return (select(MeetingFeedback).join(Conference, Conference.id == MeetingFeedback.conference_id)
            .where(MeetingFeedback.la_id == la_id, Conference.held_on >= start, Conference.held_on <= end)
            .order_by(MeetingFeedback.sent_at.desc(), MeetingFeedback.id.desc()))


def summary(rows: list[MeetingFeedback]) -> FeedbackSummary:
    children = sum(1 for f in rows if f.from_child)
    return FeedbackSummary(len(rows), len(rows) - children, children, len({f.conference_id for f in rows}), rows)
