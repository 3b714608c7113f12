"""Root mutations. Each is one transaction; failures come back as typed user errors and write nothing."""

from datetime import date, datetime

import strawberry

from portal.api.context import Info, in_transaction
from portal.api.types import (
    CarePlanViewType,
    ChildConsultationType,
    ChildType,
    ConferenceKindEnum,
    ConferenceType,
    ContributionType,
    InvitationType,
    UserError,
    ViewsConveyedEnum,
    WithholdingRequestType,
)
from portal.careplans import services as careplans
from portal.children import services as children
from portal.conferences import services as conferences
from portal.contributions import services as contributions
from portal.contributions.services import ContentChange, ScaleScore, SectionText


@strawberry.input
class AddChildInput:
    la_id: strawberry.ID
    given_name: str
    family_name: str
    date_of_birth: date
    nhs_number: str | None = strawberry.field(default=None, description="Ten digits; spaces and hyphens are ignored.")


@strawberry.input
class CreateConferenceInput:
    la_id: strawberry.ID
    kind: ConferenceKindEnum  # type: ignore[valid-type]
    child_ids: list[strawberry.ID]
    scheduled_at: datetime | None = None
    chair_id: strawberry.ID | None = None
    strategy_discussion_on: date | None = None
    became_looked_after_on: date | None = None
    previous_conference_id: strawberry.ID | None = strawberry.field(
        default=None, description="For a review: the ICPC or previous review it follows, which its statutory timescale counts from."
    )


@strawberry.input
class ScheduleConferenceInput:
    conference_id: strawberry.ID
    scheduled_at: datetime
    chair_id: strawberry.ID | None = None


@strawberry.input
class InviteOrganisationInput:
    conference_id: strawberry.ID
    organisation_id: strawberry.ID
    report_due_at: datetime | None = strawberry.field(
        default=None, description="Leave out to take both due times from the local authority's rules for this kind of conference."
    )
    family_due_at: datetime | None = None


@strawberry.input
class RecordConferenceHeldInput:
    conference_id: strawberry.ID
    held_on: date


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


@strawberry.input
class RecordChildConsultationInput:
    conference_id: strawberry.ID
    child_id: strawberry.ID
    seen: bool
    views_conveyed: ViewsConveyedEnum  # type: ignore[valid-type]
    note: str = ""


@strawberry.input
class RecordCarePlanViewInput:
    proceedings_id: strawberry.ID
    child_id: strawberry.ID
    view: str


@strawberry.type
class ChildPayload:
    child: ChildType | None
    errors: list[UserError]


@strawberry.type
class ConferencePayload:
    conference: ConferenceType | None
    errors: list[UserError]


@strawberry.type
class InvitationPayload:
    invitation: InvitationType | None
    errors: list[UserError]


@strawberry.type
class ContributionPayload:
    contribution: ContributionType | None
    errors: list[UserError]


@strawberry.type
class WithholdingRequestPayload:
    withholding_request: WithholdingRequestType | None
    errors: list[UserError]


@strawberry.type
class ChildConsultationPayload:
    consultation: ChildConsultationType | None
    errors: list[UserError]


@strawberry.type
class CarePlanViewPayload:
    care_plan_view: CarePlanViewType | None
    errors: list[UserError]


def _change(sections: list[SectionInput], scales: list[ScaleInput]) -> ContentChange:
    return ContentChange(
        sections=[SectionText(s.section_id, s.text) for s in sections],
        scales=[ScaleScore(str(s.child_id), s.score) for s in scales],
    )


def _errors(problems: tuple) -> list[UserError]:  # type: ignore[type-arg]
    return [UserError.of(p) for p in problems]


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Record a child in your local authority.")
    async def add_child(self, info: Info, input: AddChildInput) -> ChildPayload:
        new = children.NewChild(
            la_id=input.la_id, given_name=input.given_name, family_name=input.family_name,
            date_of_birth=input.date_of_birth, nhs_number=input.nhs_number,
        )
        result, problems = await in_transaction(info.context, lambda s, a: children.add_child(s, a, new))
        return ChildPayload(child=result, errors=_errors(problems))

    @strawberry.mutation
    async def create_conference(self, info: Info, input: CreateConferenceInput) -> ConferencePayload:
        new = conferences.NewConference(
            la_id=input.la_id, kind=input.kind, child_ids=[str(c) for c in input.child_ids], scheduled_at=input.scheduled_at,
            chair_id=input.chair_id, strategy_discussion_on=input.strategy_discussion_on,
            became_looked_after_on=input.became_looked_after_on,
            previous_conference_id=None if input.previous_conference_id is None else str(input.previous_conference_id),
        )
        result, problems = await in_transaction(info.context, lambda s, a: conferences.create_conference(s, a, new))
        return ConferencePayload(conference=result, errors=_errors(problems))

    @strawberry.mutation
    async def schedule_conference(self, info: Info, input: ScheduleConferenceInput) -> ConferencePayload:
        result, problems = await in_transaction(
            info.context, lambda s, a: conferences.schedule_conference(
                s, a, input.conference_id, input.scheduled_at, input.chair_id, info.context.rules
            ),
        )
        return ConferencePayload(conference=result, errors=_errors(problems))

    @strawberry.mutation(description="Record that the conference was held; works out the latest date for the next review.")
    async def record_conference_held(self, info: Info, input: RecordConferenceHeldInput) -> ConferencePayload:
        result, problems = await in_transaction(
            info.context, lambda s, a: conferences.record_held(s, a, input.conference_id, input.held_on, info.context.rules)
        )
        return ConferencePayload(conference=result, errors=_errors(problems))

    @strawberry.mutation
    async def invite_organisation(self, info: Info, input: InviteOrganisationInput) -> InvitationPayload:
        result, problems = await in_transaction(
            info.context,
            lambda s, a: conferences.invite_organisation(
                s, a, input.conference_id, input.organisation_id, input.report_due_at, input.family_due_at, info.context.rules
            ),
        )
        return InvitationPayload(invitation=result, errors=_errors(problems))

    @strawberry.mutation(description="Save a draft of your organisation's report. Sections not given are left as they were.")
    async def save_draft(self, info: Info, input: SaveDraftInput) -> ContributionPayload:
        change = _change(input.sections, input.scales)
        result, problems = await in_transaction(
            info.context, lambda s, a: contributions.save_draft(s, a, info.context.agencies, input.invitation_id, change)
        )
        return ContributionPayload(contribution=result, errors=_errors(problems))

    @strawberry.mutation
    async def submit_contribution(self, info: Info, input: SubmitContributionInput) -> ContributionPayload:
        result, problems = await in_transaction(
            info.context, lambda s, a: contributions.submit(s, a, info.context.agencies, input.contribution_id)
        )
        return ContributionPayload(contribution=result, errors=_errors(problems))

    @strawberry.mutation
    async def amend_contribution(self, info: Info, input: AmendContributionInput) -> ContributionPayload:
        change = _change(input.sections, input.scales)
        result, problems = await in_transaction(
            info.context, lambda s, a: contributions.amend(s, a, info.context.agencies, input.contribution_id, change, input.reason)
        )
        return ContributionPayload(contribution=result, errors=_errors(problems))

    @strawberry.mutation
    async def withdraw_contribution(self, info: Info, input: WithdrawContributionInput) -> ContributionPayload:
        result, problems = await in_transaction(
            info.context, lambda s, a: contributions.withdraw(s, a, input.contribution_id, input.reason)
        )
        return ContributionPayload(contribution=result, errors=_errors(problems))

    @strawberry.mutation
    async def request_withholding(self, info: Info, input: RequestWithholdingInput) -> WithholdingRequestPayload:
        result, problems = await in_transaction(
            info.context,
            lambda s, a: contributions.request_withholding(s, a, info.context.agencies, input.contribution_id, input.section_id, input.reason),
        )
        return WithholdingRequestPayload(withholding_request=result, errors=_errors(problems))

    @strawberry.mutation
    async def decide_withholding(self, info: Info, input: DecideWithholdingInput) -> WithholdingRequestPayload:
        result, problems = await in_transaction(
            info.context, lambda s, a: contributions.decide_withholding(s, a, input.request_id, input.agree, input.note)
        )
        return WithholdingRequestPayload(withholding_request=result, errors=_errors(problems))

    @strawberry.mutation
    async def record_shared_with_family(self, info: Info, input: RecordSharedWithFamilyInput) -> ContributionPayload:
        result, problems = await in_transaction(
            info.context, lambda s, a: contributions.record_shared_with_family(s, a, input.contribution_id, input.shared_on)
        )
        return ContributionPayload(contribution=result, errors=_errors(problems))

    @strawberry.mutation
    async def record_child_consultation(self, info: Info, input: RecordChildConsultationInput) -> ChildConsultationPayload:
        result, problems = await in_transaction(
            info.context,
            lambda s, a: conferences.record_child_consultation(s, a, input.conference_id, input.child_id, input.seen, input.views_conveyed, input.note),
        )
        return ChildConsultationPayload(consultation=result, errors=_errors(problems))

    @strawberry.mutation
    async def record_care_plan_view(self, info: Info, input: RecordCarePlanViewInput) -> CarePlanViewPayload:
        result, problems = await in_transaction(
            info.context, lambda s, a: careplans.record_care_plan_view(s, a, input.proceedings_id, input.child_id, input.view)
        )
        return CarePlanViewPayload(care_plan_view=result, errors=_errors(problems))
