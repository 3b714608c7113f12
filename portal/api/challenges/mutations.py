"""Raising, answering, escalating and closing IRO challenges, each one change through the unit of work."""

from datetime import date

import strawberry

from portal import access
from portal.api.challenges.types import ChallengeKindEnum, ChallengeOutcomeEnum, ChallengeType
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.challenges import services


@strawberry.input
class RaiseChallengeInput:
    child_id: strawberry.ID
    kind: ChallengeKindEnum  # type: ignore[valid-type]
    reasons: list[str] = strawberry.field(description="Ids from challengeReasons; 'other' needs otherReason.")
    resolution_sought: str
    other_reason: str = ""
    conference_id: strawberry.ID | None = strawberry.field(default=None, description="The conference it was raised from, about the same child.")
    raised_on: date | None = strawberry.field(default=None, description="Today when left out.")
    stage: str | None = strawberry.field(default=None, description="The stage to start at (the LA's first when left out).")
    responder_id: strawberry.ID | None = strawberry.field(
        default=None, description="Who must answer at that stage (challengeStages' responders); may be left out when only one person can.")


@strawberry.input
class RespondToChallengeInput:
    challenge_id: strawberry.ID
    outcome: ChallengeOutcomeEnum  # type: ignore[valid-type]
    response: str
    responded_on: date | None = strawberry.field(default=None, description="Today when left out.")


@strawberry.input
class EscalateChallengeInput:
    challenge_id: strawberry.ID
    stage: str = strawberry.field(description="Any later stage of the LA's process: stages may be skipped.")
    responder_id: strawberry.ID | None = None
    note: str = ""
    escalated_on: date | None = strawberry.field(default=None, description="Today when left out.")


@strawberry.input
class CloseChallengeInput:
    challenge_id: strawberry.ID
    note: str = ""


@strawberry.type
@access.fields({"challenge.read": ("challenge",), access.PUBLIC: ("errors",)})
class ChallengePayload:
    challenge: ChallengeType | None
    errors: list[UserError]


@strawberry.type
class ChallengesMutation:
    @strawberry.mutation(description="An IRO of the child's local authority raises an alert or formal challenge on the child's case.")
    async def raise_challenge(self, info: Info, input: RaiseChallengeInput) -> ChallengePayload:
        new = services.NewChallenge(
            child_id=input.child_id, kind=str(input.kind.value), reasons=input.reasons, resolution_sought=input.resolution_sought,
            other_reason=input.other_reason, conference_id=input.conference_id, raised_on=input.raised_on, stage=input.stage,
            responder_id=input.responder_id,
        )
        return await write(info, ChallengePayload, lambda s, a: services.raise_challenge(s, a, new, info.context.rules))

    @strawberry.mutation(description="The person asked to answer the challenge's current stage answers it: resolved or upheld closes it.")
    async def respond_to_challenge(self, info: Info, input: RespondToChallengeInput) -> ChallengePayload:
        return await write(info, ChallengePayload, lambda s, a: services.respond_to_challenge(
            s, a, input.challenge_id, str(input.outcome.value), input.response, input.responded_on))

    @strawberry.mutation(description="An IRO of the local authority moves the challenge on to a later stage, answered or not.")
    async def escalate_challenge(self, info: Info, input: EscalateChallengeInput) -> ChallengePayload:
        return await write(info, ChallengePayload, lambda s, a: services.escalate_challenge(
            s, a, input.challenge_id, input.stage, input.responder_id, input.note, input.escalated_on, rules=info.context.rules))

    @strawberry.mutation(description="An IRO of the local authority closes the challenge: the answer is accepted or it is withdrawn.")
    async def close_challenge(self, info: Info, input: CloseChallengeInput) -> ChallengePayload:
        return await write(info, ChallengePayload, lambda s, a: services.close_challenge(s, a, input.challenge_id, input.note))
