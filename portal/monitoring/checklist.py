"""The chair answers the LA's monitoring checklist for a meeting before it: each item met, not met or not
applicable, with a note (a "not met" must say what). The checklist is complete, once, when every item
of the LA's list has an answer; whether that was before the meeting is what the annual report measures."""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.enums import ConferenceStatus
from portal.errors import DomainError, Problem, invalid
from portal.identity import Actor
from portal.lookup import visible_conference
from portal.monitoring.config import Monitoring, monitoring_for
from portal.monitoring.models import MonitoringAnswer, MonitoringCheck
from portal.people.models import LocalAuthority

NOTE_CHARS = 2000


class CheckAnswer(StrEnum):
    MET = "MET"
    NOT_MET = "NOT_MET"
    NOT_APPLICABLE = "NOT_APPLICABLE"


@dataclass(frozen=True)
class NewAnswer:
    item: str
    answer: str
    note: str = ""


async def la_monitoring(session: AsyncSession, la_id: int) -> Monitoring:
    slug = (await session.execute(select(LocalAuthority.slug).where(LocalAuthority.id == la_id))).scalar_one()
    return monitoring_for(slug)


async def check_of(session: AsyncSession, conference_id: int) -> tuple[MonitoringCheck | None, list[MonitoringAnswer]]:
    check = (await session.execute(select(MonitoringCheck).where(MonitoringCheck.conference_id == conference_id))).scalar_one_or_none()
    if check is None:
        return None, []
    answers = (await session.execute(select(MonitoringAnswer).where(MonitoringAnswer.check_id == check.id).order_by(MonitoringAnswer.id))).scalars()
    return check, list(answers)


def _validated(data: Monitoring, answers: Sequence[NewAnswer], path: tuple[str, ...]) -> list[NewAnswer]:
    problems, seen, kept = [], set(), []
    for n, given in enumerate(answers):
        at = (*path, str(n))
        item, note = given.item.strip(), given.note.strip()
        if data.item(item) is None:
            problems.append(Problem((*at, "item"), f"'{item[:64]}' is not an item of this council's checklist."))
            continue
        if item in seen:
            problems.append(Problem((*at, "item"), f"'{data.item(item).theme}' is answered twice: give one answer.")) # type: ignore[union-attr]
            continue
        seen.add(item)
        if given.answer not in CheckAnswer.__members__:
            problems.append(Problem((*at, "answer"), f"Choose met, not met or not applicable for '{data.item(item).theme}'."))  # type: ignore[union-attr]
        elif given.answer == CheckAnswer.NOT_MET and not note:
            problems.append(Problem((*at, "note"), f"Say what was not met for '{data.item(item).theme}'."))  # type: ignore[union-attr]
        if len(note) > NOTE_CHARS:
            problems.append(Problem((*at, "note"), f"The note is {len(note):,} characters; the limit is {NOTE_CHARS:,}."))
        kept.append(NewAnswer(item, given.answer, note))
    if not answers:
        problems.append(Problem(path, "Answer at least one item of the checklist."))
    if problems:
        raise DomainError(*problems)
    return kept


async def record_check(session: AsyncSession, actor: Actor, conference_id: str | int, answers: Sequence[NewAnswer],
                       path: tuple[str, ...] = ("input",)) -> MonitoringCheck:
    """The meeting's chair answers some or all of the items; an item answered again takes the new answer."""
    conference = await visible_conference(session, actor, conference_id, (*path, "conferenceId"))
    access.require(actor, "monitoring.record", conference, path=(*path, "conferenceId"))
    if conference.status == ConferenceStatus.CANCELLED:
        raise invalid((*path, "conferenceId"), "This meeting was cancelled: there is no checklist to answer.")
    data = await la_monitoring(session, conference.la_id)
    kept = _validated(data, answers, (*path, "answers"))
    check, existing = await check_of(session, conference.id)  # type: ignore[arg-type]
    now = clock.now()
    if check is None:
        check = MonitoringCheck(la_id=conference.la_id, conference_id=conference.id, started_at=now)  # type: ignore[arg-type]
        session.add(check)
        await session.flush()
    by_item = {a.item: a for a in existing}
    for given in kept:
        row = by_item.get(given.item)
        if row is None:
            row = MonitoringAnswer(check_id=check.id, item=given.item, answer=given.answer, answered_by_id=actor.person_id)  # type: ignore[arg-type]
            session.add(row)
            by_item[given.item] = row
        row.answer, row.note, row.answered_at, row.answered_by_id = given.answer, given.note, now, actor.person_id  # type: ignore[assignment]
    if check.completed_at is None and all(item.id in by_item for item in data.checklist):
        check.completed_at, check.completed_by_id = now, actor.person_id
    await session.flush()
    return check
