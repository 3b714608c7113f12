"""Recording a held conference's outcome, and the days the outcome letter and the minutes were sent."""

from datetime import date
from typing import Any

import strawberry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.api.outcomes.types import CategoryOfAbuseEnum, ConferenceOutcomeType, OutcomeView, ParticipationCodeEnum, ProtectionDecisionEnum
from portal.conferences.models import Conference
from portal.conferences.timescales import rules_for_la
from portal.identity import Actor
from portal.outcomes import services
from portal.outcomes.deadlines import outcome_deadlines
from portal.outcomes.models import ChildOutcome, ConferenceOutcome
from portal.people.models import LocalAuthority


@strawberry.input
class ChildOutcomeInput:
    child_id: strawberry.ID
    decision: ProtectionDecisionEnum | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="An ICPC: CHILD_PROTECTION_PLAN or NO_PLAN; an RCPC: PLAN_CONTINUES or PLAN_ENDS; a LAC review: none.")
    initial_categories: list[CategoryOfAbuseEnum] = strawberry.field(  # type: ignore[valid-type]
        default_factory=list, description="An ICPC's plan: each category of abuse (NEG, PHY, EMO, SAB); several are recorded as MUL.")
    latest_categories: list[CategoryOfAbuseEnum] = strawberry.field(  # type: ignore[valid-type]
        default_factory=list, description="An RCPC whose plan continues: the categories now (an ICPC's are its initial ones unless given).")
    plan_started_on: date | None = strawberry.field(default=None, description="An ICPC's plan: the day it starts (the day held unless given).")
    participation: ParticipationCodeEnum | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="A LAC review: how the child took part (see Conference.participationSuggestions).")


@strawberry.input
class RecordConferenceOutcomeInput:
    conference_id: strawberry.ID
    children: list[ChildOutcomeInput]
    core_group_on: date | None = strawberry.field(default=None, description="An ICPC that makes a plan: the first core group's date.")
    next_review_on: date | None = strawberry.field(default=None, description="When a child has a plan, or after a LAC review: the next review's date.")
    care_plan_endorsed: bool | None = strawberry.field(default=None, description="A LAC review: whether you endorse the care plan.")
    decisions: str = strawberry.field(default="", description="A LAC review's decisions (at most 4,000 characters).")
    notes: str = strawberry.field(default="", description="Your own notes (at most 4,000 characters): never shown to the family.")


@strawberry.input
class RecordSentInput:
    conference_id: strawberry.ID
    sent_on: date


@strawberry.type
@access.fields({"outcome.read": ("outcome",), access.PUBLIC: ("errors",)})
class ConferenceOutcomePayload:
    outcome: ConferenceOutcomeType | None
    errors: list[UserError]


async def _answer(info: Info, session: AsyncSession, outcome: ConferenceOutcome) -> OutcomeView:
    conference = await session.get(Conference, outcome.conference_id)
    assert conference is not None and conference.held_on is not None
    children = (await session.execute(
        select(ChildOutcome).where(ChildOutcome.conference_id == conference.id).order_by(ChildOutcome.child_id))).scalars().all()
    slug = (await session.execute(select(LocalAuthority.slug).where(LocalAuthority.id == conference.la_id))).scalar_one()
    deadlines = outcome_deadlines(conference.kind, conference.held_on, rules_for_la(info.context.rules, slug))
    return OutcomeView(outcome, conference, children, deadlines)


def _decision(child: ChildOutcomeInput) -> services.ChildDecision:
    return services.ChildDecision(
        child_id=str(child.child_id), decision=child.decision, initial_categories=[str(c) for c in child.initial_categories],
        latest_categories=[str(c) for c in child.latest_categories], plan_started_on=child.plan_started_on,
        participation=None if child.participation is None else str(child.participation),
    )


@strawberry.type
class OutcomesMutation:
    @strawberry.mutation(description=(
        "The chair records a held conference's outcome, once: each child's decision (and an ICPC plan's category of abuse and start), "
        "the first core group, the next review; for a LAC review, whether the care plan is endorsed, the decisions and each child's "
        "participation code. Writes the child's DfE history (protection plan or LAC review) matched by their LA child id."))
    async def record_conference_outcome(self, info: Info, input: RecordConferenceOutcomeInput) -> ConferenceOutcomePayload:
        new = services.NewOutcome(
            conference_id=str(input.conference_id), children=[_decision(c) for c in input.children], core_group_on=input.core_group_on,
            next_review_on=input.next_review_on, care_plan_endorsed=input.care_plan_endorsed, decisions=input.decisions, notes=input.notes,
        )

        async def work(session: AsyncSession, actor: Actor) -> Any:
            return await _answer(info, session, await services.record_outcome(session, actor, new))

        return await write(info, ConferenceOutcomePayload, work)

    @strawberry.mutation(description="The day the outcome was sent to the family and agencies (the chair or business support; again to correct it).")
    async def record_outcome_sent(self, info: Info, input: RecordSentInput) -> ConferenceOutcomePayload:
        async def work(session: AsyncSession, actor: Actor) -> Any:
            return await _answer(info, session, await services.record_sent(session, actor, str(input.conference_id), input.sent_on, "outcome"))

        return await write(info, ConferenceOutcomePayload, work)

    @strawberry.mutation(description="The day the minutes were sent (the chair or business support; again to correct it).")
    async def record_minutes_sent(self, info: Info, input: RecordSentInput) -> ConferenceOutcomePayload:
        async def work(session: AsyncSession, actor: Actor) -> Any:
            return await _answer(info, session, await services.record_sent(session, actor, str(input.conference_id), input.sent_on, "minutes"))

        return await write(info, ConferenceOutcomePayload, work)
