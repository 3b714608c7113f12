"""Challenges the reader may see: an IRO's own open ones, those awaiting the reader's answer, one by id,
and for the head of service and the IRO manager every challenge of the LA, filtered and counted."""

from datetime import date
from typing import Any

import strawberry
from sqlalchemy import Select, exists, select

from portal import access, clock
from portal.api.challenges.types import (
    ChallengeCount,
    ChallengeOutcomeEnum,
    ChallengeReasonOption,
    ChallengeStageOption,
    ChallengeStatusEnum,
    ChallengeSummary,
    ChallengeType,
)
from portal.api.common import by_client_id
from portal.api.context import Info
from portal.api.pagination import Connection, page
from portal.challenges import figures
from portal.challenges.models import Challenge, ChallengeReason, ChallengeStatus, ChallengeStep
from portal.challenges.reasons import reasons
from portal.challenges.records import challenge_records
from portal.challenges.services import responders
from portal.conferences.timescales import rules_for_la
from portal.ids import parse_id
from portal.people.models import LocalAuthority

MAX_LISTED = 200
OUTCOME_LABELS = {"RESOLVED": "Resolved", "UPHELD": "Upheld", "NOT_UPHELD": "Not upheld", figures.AWAITING: "Awaiting an answer"}


@strawberry.input
class ChallengeFilter:
    status: ChallengeStatusEnum | None = None  # type: ignore[valid-type]
    reason: str | None = None
    stage: str | None = strawberry.field(default=None, description="The stage reached (the highest).")
    outcome: ChallengeOutcomeEnum | None = strawberry.field(default=None, description="The last answer's.")  # type: ignore[valid-type]
    awaiting_answer: bool | None = strawberry.field(default=None, description="True: only those whose current stage is unanswered.")
    over_limit: bool | None = None
    raised_from: date | None = None
    raised_to: date | None = None


def _current_step() -> Any:
    """The step a challenge is at: the one at its current stage."""
    return (ChallengeStep.challenge_id == Challenge.id) & (ChallengeStep.stage == Challenge.stage)


def _seen(info: Info, found: list[Challenge]) -> list[Challenge]:
    """A challenge is part of a child's record: reading one is in the access log."""
    info.context.reader.children_seen.update(c.child_id for c in found)
    return found


def _filtered(statement: Select[Any], where: ChallengeFilter) -> Select[Any]:
    today = clock.today()
    if where.status is not None:
        statement = statement.where(Challenge.status == where.status)
    if where.reason:
        statement = statement.where(exists().where(ChallengeReason.challenge_id == Challenge.id, ChallengeReason.reason == where.reason))
    if where.stage:
        statement = statement.where(Challenge.stage == where.stage)
    if where.outcome is not None:
        statement = statement.where(Challenge.outcome == where.outcome)
    if where.awaiting_answer is not None:
        unanswered = exists().where(_current_step(), ChallengeStep.outcome.is_(None)) & (Challenge.status == ChallengeStatus.OPEN)
        statement = statement.where(unanswered if where.awaiting_answer else ~unanswered)
    if where.over_limit is not None:
        late = ((Challenge.closed_on.is_(None)) & (Challenge.due_on < today)) | (Challenge.closed_on > Challenge.due_on)
        statement = statement.where(late if where.over_limit else ~late)
    if where.raised_from is not None:
        statement = statement.where(Challenge.raised_on >= where.raised_from)
    if where.raised_to is not None:
        statement = statement.where(Challenge.raised_on <= where.raised_to)
    return statement


def _overseen(info: Info, la_id: strawberry.ID) -> int | None:
    la = parse_id(la_id)
    return la if la is not None and access.allowed(info.context.actor, "challenge.overview", la) else None


@strawberry.type
class ChallengesQuery:
    @strawberry.field(description="The reasons an IRO may give for a challenge ('other' needs a description).")
    def challenge_reasons(self) -> list[ChallengeReasonOption]:
        return [ChallengeReasonOption(id=r.id, label=r.label) for r in reasons().reasons]

    @strawberry.field(description="The stages of the local authority's issues resolution process, in order, with who may answer each; "
                      "for its IROs and managers, empty for anyone else.")
    async def challenge_stages(self, info: Info, la_id: strawberry.ID) -> list[ChallengeStageOption]:
        la = parse_id(la_id)
        if la is None or not access.allowed(info.context.actor, "challenge.la", la):
            return []
        reader = info.context.reader
        slug = (await reader.all(select(LocalAuthority.slug).where(LocalAuthority.id == la)))[0][0]
        options = []
        for stage in rules_for_la(info.context.rules, slug).challenges.stages:
            async with reader.lock:
                people = await responders(reader.session, la, stage)
            options.append(ChallengeStageOption.of(stage, people))
        return options

    @strawberry.field(description="A challenge you may see: you are an IRO or a manager of its local authority.")
    async def challenge(self, info: Info, id: strawberry.ID) -> ChallengeType | None:
        found = await by_client_id(info, id, lambda number: select(Challenge).where(Challenge.id == number, access.scope(info.context.actor, "challenge.read")))
        return _seen(info, [found])[0] if found is not None else None  # type: ignore[return-value]

    @strawberry.field(description="The open challenges you raised (an IRO), the soonest due first.")
    async def my_open_challenges(self, info: Info) -> list[ChallengeType]:
        actor = info.context.actor
        statement = (select(Challenge).where(access.scope(actor, "challenge.read"), Challenge.raised_by_id == actor.person_id,
                                             Challenge.status == ChallengeStatus.OPEN)
                     .order_by(Challenge.due_on, Challenge.id).limit(MAX_LISTED))
        return _seen(info, list(await info.context.reader.scalars(statement)))  # type: ignore[return-value]

    @strawberry.field(description="The open challenges whose current stage you were asked to answer and have not, the soonest due first.")
    async def challenges_awaiting_my_response(self, info: Info) -> list[ChallengeType]:
        actor = info.context.actor
        statement = (select(Challenge).join(ChallengeStep, _current_step())
                     .where(access.scope(actor, "challenge.read"), Challenge.status == ChallengeStatus.OPEN,
                            ChallengeStep.responder_id == actor.person_id, ChallengeStep.outcome.is_(None))
                     .order_by(ChallengeStep.due_on, Challenge.id).limit(MAX_LISTED))
        found = [c for c in await info.context.reader.scalars(statement) if access.allowed(actor, "challenge.la", c.la_id)]
        return _seen(info, found)  # type: ignore[return-value]

    @strawberry.field(description="Every challenge of the local authority, newest first, for its head of service and IRO manager; "
                      "null for anyone else.")
    async def challenges(self, info: Info, la_id: strawberry.ID, filter: ChallengeFilter | None = None, first: int | None = None,
                         after: str | None = None) -> Connection[ChallengeType] | None:
        la = _overseen(info, la_id)
        if la is None:
            return None
        statement = _filtered(select(Challenge).where(Challenge.la_id == la, access.scope(info.context.actor, "challenge.read")),
                              filter or ChallengeFilter())
        found = await page(info, statement.order_by(Challenge.raised_on.desc(), Challenge.id.desc()), first, after)
        _seen(info, found.nodes)
        return found

    @strawberry.field(description="The local authority's challenges raised in a period, counted by reason, highest stage reached and "
                      "outcome; for its head of service and IRO manager, null for anyone else.")
    async def challenge_summary(self, info: Info, la_id: strawberry.ID, raised_from: date | None = None,
                                raised_to: date | None = None) -> ChallengeSummary | None:
        la = _overseen(info, la_id)
        if la is None:
            return None
        async with info.context.reader.lock:
            records = await challenge_records(info.context.reader.session, la, raised_from, raised_to)
        return ChallengeSummary(
            raised=len(records), open=figures.still_open(records), over_limit=figures.past_limit(records, clock.today()),
            upheld=figures.upheld(records),
            by_reason=[ChallengeCount(key=k, label=label, count=n) for k, label, n in figures.by_reason(records)],
            by_stage=[ChallengeCount(key=k, label=name, count=n) for k, name, n in figures.by_highest_stage(records)],
            by_outcome=[ChallengeCount(key=k, label=OUTCOME_LABELS[k], count=n) for k, n in figures.by_outcome(records)],
        )
