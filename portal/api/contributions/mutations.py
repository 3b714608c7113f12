"""Writing, submitting, amending and withdrawing a contribution; withholding sections; sharing with the family."""

from datetime import date

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.api.contributions.types import ContributionType, WithholdingRequestType
from portal.contributions import services as contributions
from portal.contributions.models import Contribution
from portal.contributions.services import ContentChange, ScaleScore, SectionText
from portal.idempotency import Once


@strawberry.input
class SectionInput:
    section_id: str
    text: str = strawberry.field(description="Markdown. An empty text clears the section.")


@strawberry.input
class ScaleInput:
    child_id: strawberry.ID
    score: int


@strawberry.input
class SaveDraftInput:
    invitation_id: strawberry.ID
    sections: list[SectionInput] = strawberry.field(default_factory=list)
    scales: list[ScaleInput] = strawberry.field(default_factory=list)


@strawberry.input
class SubmitContributionInput:
    contribution_id: strawberry.ID
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="A key the client makes for this submit (a UUID, say) and sends again on a retry: the report is submitted "
                    "once and every retry with the key gets that answer, even when the first answer never arrived.",
    )


@strawberry.input
class AmendContributionInput:
    contribution_id: strawberry.ID
    reason: str
    sections: list[SectionInput] = strawberry.field(default_factory=list)
    scales: list[ScaleInput] = strawberry.field(default_factory=list)


@strawberry.input
class WithdrawContributionInput:
    contribution_id: strawberry.ID
    reason: str


@strawberry.input
class RequestWithholdingInput:
    contribution_id: strawberry.ID
    section_id: str
    reason: str


@strawberry.input
class DecideWithholdingInput:
    request_id: strawberry.ID
    agree: bool
    note: str = ""


@strawberry.input
class RecordSharedWithFamilyInput:
    contribution_id: strawberry.ID
    shared_on: date


@strawberry.type
@access.fields({"contribution.read": ("contribution",), access.PUBLIC: ("errors",)})
class ContributionPayload:
    contribution: ContributionType | None
    errors: list[UserError]


@strawberry.type
@access.fields({"contribution.read": ("withholding_request",), access.PUBLIC: ("errors",)})
class WithholdingRequestPayload:
    withholding_request: WithholdingRequestType | None
    errors: list[UserError]


def _change(sections: list[SectionInput], scales: list[ScaleInput]) -> ContentChange:
    return ContentChange(
        sections=[SectionText(s.section_id, s.text) for s in sections],
        scales=[ScaleScore(str(s.child_id), s.score) for s in scales],
    )


async def _contribution(session: AsyncSession, contribution_id: int) -> Contribution | None:
    return await session.get(Contribution, contribution_id)


@strawberry.type
class ContributionsMutation:
    @strawberry.mutation(description="Save a draft of your organisation's report. Sections not given are left as they were.")
    async def save_draft(self, info: Info, input: SaveDraftInput) -> ContributionPayload:
        change = _change(input.sections, input.scales)
        return await write(
            info, ContributionPayload, lambda s, a: contributions.save_draft(s, a, info.context.agencies, input.invitation_id, change)
        )

    @strawberry.mutation
    async def submit_contribution(self, info: Info, input: SubmitContributionInput) -> ContributionPayload:
        once = None if input.idempotency_key is None else Once(input.idempotency_key, f"submitContribution:{input.contribution_id}"[:64], _contribution)
        return await write(
            info, ContributionPayload, lambda s, a: contributions.submit(s, a, info.context.agencies, input.contribution_id), once=once
        )

    @strawberry.mutation
    async def amend_contribution(self, info: Info, input: AmendContributionInput) -> ContributionPayload:
        change = _change(input.sections, input.scales)
        return await write(
            info, ContributionPayload,
            lambda s, a: contributions.amend(s, a, info.context.agencies, input.contribution_id, change, input.reason),
        )

    @strawberry.mutation
    async def withdraw_contribution(self, info: Info, input: WithdrawContributionInput) -> ContributionPayload:
        return await write(info, ContributionPayload, lambda s, a: contributions.withdraw(s, a, input.contribution_id, input.reason))

    @strawberry.mutation
    async def request_withholding(self, info: Info, input: RequestWithholdingInput) -> WithholdingRequestPayload:
        return await write(
            info, WithholdingRequestPayload,
            lambda s, a: contributions.request_withholding(s, a, info.context.agencies, input.contribution_id, input.section_id, input.reason),
        )

    @strawberry.mutation
    async def decide_withholding(self, info: Info, input: DecideWithholdingInput) -> WithholdingRequestPayload:
        return await write(
            info, WithholdingRequestPayload,
            lambda s, a: contributions.decide_withholding(s, a, input.request_id, input.agree, input.note),
        )

    @strawberry.mutation
    async def record_shared_with_family(self, info: Info, input: RecordSharedWithFamilyInput) -> ContributionPayload:
        return await write(
            info, ContributionPayload, lambda s, a: contributions.record_shared_with_family(s, a, input.contribution_id, input.shared_on)
        )
