"""Loading one row per challenge of an LA, with its reasons and the highest stage it reached."""

from collections import defaultdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal.challenges.figures import ChallengeRecord
from portal.challenges.models import Challenge, ChallengeReason, ChallengeStep


async def challenge_records(session: AsyncSession, la_id: int, first: date | None = None, last: date | None = None) -> list[ChallengeRecord]:
    """The LA's challenges raised from `first` to `last` (either may be left open)."""
    chosen = Challenge.la_id == la_id
    if first is not None:
        chosen &= Challenge.raised_on >= first
    if last is not None:
        chosen &= Challenge.raised_on <= last
    highest = (select(ChallengeStep.challenge_id, func.max(ChallengeStep.position).label("position"))
               .join(Challenge, Challenge.id == ChallengeStep.challenge_id).where(chosen).group_by(ChallengeStep.challenge_id).subquery())
    rows = (await session.execute(
        select(Challenge.id, Challenge.raised_on, Challenge.kind, Challenge.stage, ChallengeStep.stage_name, ChallengeStep.position,
               Challenge.outcome, Challenge.status, Challenge.due_on, Challenge.closed_on)
        .join(highest, highest.c.challenge_id == Challenge.id)
        .join(ChallengeStep, (ChallengeStep.challenge_id == Challenge.id) & (ChallengeStep.position == highest.c.position))
        .where(chosen).order_by(Challenge.id)
    )).all()
    found: dict[int, list[str]] = defaultdict(list)
    for challenge_id, reason in (await session.execute(
        select(ChallengeReason.challenge_id, ChallengeReason.reason).join(Challenge, Challenge.id == ChallengeReason.challenge_id).where(chosen)
    )).all():
        found[challenge_id].append(reason)
    return [ChallengeRecord(raised_on=r.raised_on, kind=r.kind, reasons=tuple(sorted(found[r.id])), stage=r.stage, stage_name=r.stage_name,
                            position=r.position, outcome=r.outcome, status=r.status, due_on=r.due_on, closed_on=r.closed_on) for r in rows]
