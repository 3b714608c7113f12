"""IRO challenges as the API shows them: the challenge, its reasons, each stage it reached with the
answer given, the stages it may go on to, and the head of service's counts."""

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal import access, clock
from portal.access.challenge_actions import answers
from portal.api.children.types import ChildType
from portal.api.context import Info
from portal.api.people.types import PersonType
from portal.api.readiness.types import RoleEnum
from portal.challenges.models import Challenge, ChallengeKind, ChallengeOutcome, ChallengeReason, ChallengeStatus, ChallengeStep
from portal.challenges.process import over_limit
from portal.challenges.reasons import reasons
from portal.people.models import Person
from portal.timescales.challenge_rules import ChallengeStage

if TYPE_CHECKING:
    from portal.api.conferences.types import ConferenceType

ChallengeKindEnum = strawberry.enum(ChallengeKind, name="ChallengeKind")
ChallengeOutcomeEnum = strawberry.enum(ChallengeOutcome, name="ChallengeOutcome")
ChallengeStatusEnum = strawberry.enum(ChallengeStatus, name="ChallengeStatus")


class ChallengeState(StrEnum):
    AWAITING_RESPONSE = "AWAITING_RESPONSE"  # the person asked at the current stage has not answered yet
    AWAITING_IRO = "AWAITING_IRO"  # answered "not upheld": the IRO escalates or closes it
    CLOSED = "CLOSED"


ChallengeStateEnum = strawberry.enum(ChallengeState, name="ChallengeState")


@strawberry.type(name="ChallengeReasonOption")
@access.fields({access.PUBLIC: ("id", "label")})
class ChallengeReasonOption:
    id: str
    label: str

    @classmethod
    def of(cls, reason_id: str) -> "ChallengeReasonOption":
        return cls(id=reason_id, label=reasons().label(reason_id))


@strawberry.type(name="ChallengeStageOption")
@access.fields({"challenge.la": ("id", "name", "responder_role", "response_working_days", "external", "responders")})
class ChallengeStageOption:
    """A stage of the LA's process, with the people who may be asked to answer it."""

    id: str
    name: str
    responder_role: RoleEnum | None  # type: ignore[valid-type]
    response_working_days: int
    external: bool = strawberry.field(description="A referral outside the local authority (CAFCASS): an IRO records its outcome.")
    people: strawberry.Private[list[Person]]

    @strawberry.field(description="Who may be asked to answer at this stage: the LA's active people in the stage's role.")
    def responders(self) -> list[PersonType]:
        return self.people  # type: ignore[return-value]

    @classmethod
    def of(cls, stage: ChallengeStage, people: list[Person]) -> "ChallengeStageOption":
        return cls(id=stage.id, name=stage.name, responder_role=stage.responder_role, response_working_days=stage.response_working_days,
                   external=stage.external, people=people)


@strawberry.type(name="ChallengeStep")
@access.fields({"challenge.read": (
    "id", "stage", "stage_name", "position", "responder", "started_on", "due_on", "overdue", "started_by", "escalation_note",
    "outcome", "response", "responded_on", "responded_by",
)})
class ChallengeStepType:
    """One stage the challenge reached: who was asked, by when, and what they answered."""

    id: strawberry.ID
    stage: str
    stage_name: str
    position: int
    started_on: date
    due_on: date = strawberry.field(description="The last day to answer at this stage, in the LA's working days.")
    escalation_note: str
    outcome: ChallengeOutcomeEnum | None  # type: ignore[valid-type]
    response: str
    responded_on: date | None

    @strawberry.field(description="Who was asked to answer; null at a referral outside the local authority.")
    async def responder(self, root: strawberry.Parent[ChallengeStep], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.responder_id) if root.responder_id is not None else None

    @strawberry.field(description="Not answered and past its last day.")
    def overdue(self, root: strawberry.Parent[ChallengeStep]) -> bool:
        return root.outcome is None and clock.today() > root.due_on

    @strawberry.field(description="The IRO who raised or escalated the challenge to this stage.")
    async def started_by(self, root: strawberry.Parent[ChallengeStep], info: Info) -> PersonType:
        return await info.context.loaders.person.load(root.started_by_id)

    @strawberry.field
    async def responded_by(self, root: strawberry.Parent[ChallengeStep], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.responded_by_id) if root.responded_by_id is not None else None


async def _steps(info: Info, challenge: Challenge) -> list[ChallengeStep]:
    return await info.context.loaders.challenges.steps.load(challenge.id)


@strawberry.type(name="Challenge")
@access.fields({
    "challenge.read": (
        "id", "kind", "status", "state", "raised_on", "due_on", "over_limit", "closed_on", "closing_note", "resolution_sought",
        "other_reason", "outcome", "reasons", "stage", "stage_name", "steps", "current_step", "raised_by", "closed_by", "child",
        "awaiting_me",
    ),
    "challenge.conference": ("conference",),
    "challenge.iro": ("escalation_options",),
})
class ChallengeType:
    id: strawberry.ID
    kind: ChallengeKindEnum  # type: ignore[valid-type]
    status: ChallengeStatusEnum  # type: ignore[valid-type]
    raised_on: date
    due_on: date = strawberry.field(description="The last day the whole process should take: the LA's overall limit in working days.")
    closed_on: date | None
    closing_note: str
    resolution_sought: str
    other_reason: str = strawberry.field(description="What the reason 'other' stands for, when it is one of the reasons.")
    outcome: ChallengeOutcomeEnum | None = strawberry.field(description="The last answer's; null while the current stage is unanswered.")  # type: ignore[valid-type]
    stage: str = strawberry.field(description="The stage it has reached (the highest: escalation only moves on).")

    @strawberry.field(description="Over the LA's overall limit: still open after its last day, or closed after it.")
    def over_limit(self, root: strawberry.Parent[Challenge]) -> bool:
        return over_limit(root.due_on, root.closed_on, clock.today())

    @strawberry.field
    async def state(self, root: strawberry.Parent[Challenge], info: Info) -> ChallengeStateEnum:  # type: ignore[valid-type]
        if root.status == ChallengeStatus.CLOSED:
            return ChallengeState.CLOSED
        return ChallengeState.AWAITING_RESPONSE if (await _steps(info, root))[-1].outcome is None else ChallengeState.AWAITING_IRO

    @strawberry.field
    async def reasons(self, root: strawberry.Parent[Challenge], info: Info) -> list[ChallengeReasonOption]:
        rows: list[ChallengeReason] = await info.context.loaders.challenges.reasons.load(root.id)
        return [ChallengeReasonOption.of(row.reason) for row in rows]

    @strawberry.field
    async def stage_name(self, root: strawberry.Parent[Challenge], info: Info) -> str:
        return (await _steps(info, root))[-1].stage_name

    @strawberry.field(description="Every stage it reached, first to last.")
    async def steps(self, root: strawberry.Parent[Challenge], info: Info) -> list[ChallengeStepType]:
        return await _steps(info, root)  # type: ignore[return-value]

    @strawberry.field(description="The stage it is at now.")
    async def current_step(self, root: strawberry.Parent[Challenge], info: Info) -> ChallengeStepType:
        return (await _steps(info, root))[-1]  # type: ignore[return-value]

    @strawberry.field(description="Whether you are the one to answer it now.")
    async def awaiting_me(self, root: strawberry.Parent[Challenge], info: Info) -> bool:
        return root.status == ChallengeStatus.OPEN and answers(info.context.actor, root, (await _steps(info, root))[-1])

    @strawberry.field
    async def raised_by(self, root: strawberry.Parent[Challenge], info: Info) -> PersonType:
        return await info.context.loaders.person.load(root.raised_by_id)

    @strawberry.field
    async def closed_by(self, root: strawberry.Parent[Challenge], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.closed_by_id) if root.closed_by_id is not None else None

    @strawberry.field(description="The child whose case it is about (reading it is in the access log).")
    async def child(self, root: strawberry.Parent[Challenge], info: Info) -> ChildType:
        return await info.context.loaders.child.load(root.child_id)

    @strawberry.field(description="For the LA's IROs while it is open: the later stages it may be escalated to (any: stages may be skipped), "
                      "with who may answer each.")
    async def escalation_options(self, root: strawberry.Parent[Challenge], info: Info) -> list[ChallengeStageOption]:
        from portal.challenges.services import escalation_stages

        if root.status != ChallengeStatus.OPEN:
            return []
        reader = info.context.reader
        async with reader.lock:
            found = await escalation_stages(reader.session, root, info.context.rules)
        return [ChallengeStageOption.of(stage, people) for stage, people in found]

    @strawberry.field(description="The conference it was raised from, if any; for the LA's IROs (and other staff who see its conferences).")
    async def conference(
        self, root: strawberry.Parent[Challenge], info: Info
    ) -> Annotated["ConferenceType", strawberry.lazy("portal.api.conferences.types")] | None:
        return await info.context.loaders.conference.load(root.conference_id) if root.conference_id is not None else None


@strawberry.type(name="ChallengeCount")
@access.fields({"challenge.la": ("key", "label", "count")})
class ChallengeCount:
    key: str
    label: str
    count: int


@strawberry.type(name="ChallengeSummary")
@access.fields({"challenge.overview": ("raised", "open", "over_limit", "upheld", "by_reason", "by_stage", "by_outcome")})
class ChallengeSummary:
    """The LA's challenges raised in a period, counted: for the head of service and the IRO manager."""

    raised: int
    open: int
    over_limit: int
    upheld: int
    by_reason: list[ChallengeCount] = strawberry.field(description="A challenge with several reasons counts under each.")
    by_stage: list[ChallengeCount] = strawberry.field(description="By the highest stage reached, in the LA's order.")
    by_outcome: list[ChallengeCount] = strawberry.field(description="By the last answer (resolved, upheld, not upheld), or awaiting one.")
