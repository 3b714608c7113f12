"""One step from a checklist item answered "not met" to an IRO alert or challenge about one of the meeting's
children, with the item's reason (its `challenge_reason`); the answer keeps the challenge it raised."""

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.challenges.models import Challenge
from portal.challenges.services import NewChallenge, raise_challenge
from portal.errors import invalid
from portal.identity import Actor
from portal.lookup import visible_conference
from portal.monitoring.checklist import CheckAnswer, check_of, la_monitoring
from portal.monitoring.models import MonitoringAnswer
from portal.timescales.rules import LARules


@dataclass(frozen=True)
class ChallengeFromItem:
    conference_id: str | int
    item: str
    child_id: str | int
    kind: str
    resolution_sought: str
    responder_id: str | int | None = None


async def raise_from_item(session: AsyncSession, actor: Actor, given: ChallengeFromItem, rules: Mapping[str, LARules],
                          path: tuple[str, ...] = ("input",)) -> Challenge:
    """The meeting's chair raises an alert or challenge from an item they answered "not met" (once per item)."""
    conference = await visible_conference(session, actor, given.conference_id, (*path, "conferenceId"))
    access.require(actor, "monitoring.record", conference, path=(*path, "conferenceId"))
    data = await la_monitoring(session, conference.la_id)
    item = data.item(given.item.strip())
    _, answers = await check_of(session, conference.id)  # type: ignore[arg-type]
    answer: MonitoringAnswer | None = next((a for a in answers if item is not None and a.item == item.id), None)
    if item is None or answer is None or answer.answer != CheckAnswer.NOT_MET:
        raise invalid((*path, "item"), "Raise a challenge from an item of this meeting's checklist answered 'not met'.")
    if answer.challenge_id is not None:
        raise invalid((*path, "item"), f"A challenge was already raised from '{item.theme}'.")
    challenge = await raise_challenge(session, actor, NewChallenge(
        child_id=given.child_id, kind=given.kind, reasons=[item.challenge_reason], resolution_sought=given.resolution_sought,
        responder_id=given.responder_id, conference_id=conference.id), rules, path)
    locked = (await session.execute(select(MonitoringAnswer).where(MonitoringAnswer.id == answer.id).with_for_update())).scalar_one()
    if locked.challenge_id is not None:
        raise invalid((*path, "item"), f"A challenge was already raised from '{item.theme}'.")
    locked.challenge_id = challenge.id
    await session.flush()
    return challenge
