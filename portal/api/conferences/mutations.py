"""Creating, scheduling and holding a conference; inviting organisations; recording a child's consultation."""

from datetime import date, datetime

import strawberry

from portal import access
from portal.api.common import UserError, write
from portal.api.conferences.types import ChildConsultationType, ConferenceKindEnum, ConferenceType, InvitationType, ViewsConveyedEnum
from portal.api.context import Info
from portal.conferences import services as conferences


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
class RecordChildConsultationInput:
    conference_id: strawberry.ID
    child_id: strawberry.ID
    seen: bool
    views_conveyed: ViewsConveyedEnum  # type: ignore[valid-type]
    note: str = ""


@strawberry.type
@access.fields({"conference.read": ("conference",), access.PUBLIC: ("errors",)})
class ConferencePayload:
    conference: ConferenceType | None
    errors: list[UserError]


@strawberry.type
@access.fields({"invitation.read": ("invitation",), access.PUBLIC: ("errors",)})
class InvitationPayload:
    invitation: InvitationType | None
    errors: list[UserError]


@strawberry.type
@access.fields({"conference.read": ("consultation",), access.PUBLIC: ("errors",)})
class ChildConsultationPayload:
    consultation: ChildConsultationType | None
    errors: list[UserError]


@strawberry.type
class ConferencesMutation:
    @strawberry.mutation
    async def create_conference(self, info: Info, input: CreateConferenceInput) -> ConferencePayload:
        new = conferences.NewConference(
            la_id=input.la_id, kind=input.kind, child_ids=[str(c) for c in input.child_ids], scheduled_at=input.scheduled_at,
            chair_id=input.chair_id, strategy_discussion_on=input.strategy_discussion_on,
            became_looked_after_on=input.became_looked_after_on,
            previous_conference_id=None if input.previous_conference_id is None else str(input.previous_conference_id),
        )
        return await write(info, ConferencePayload, lambda s, a: conferences.create_conference(s, a, new))

    @strawberry.mutation
    async def schedule_conference(self, info: Info, input: ScheduleConferenceInput) -> ConferencePayload:
        return await write(
            info, ConferencePayload,
            lambda s, a: conferences.schedule_conference(s, a, input.conference_id, input.scheduled_at, input.chair_id, info.context.rules),
        )

    @strawberry.mutation(description="Record that the conference was held; works out the latest date for the next review.")
    async def record_conference_held(self, info: Info, input: RecordConferenceHeldInput) -> ConferencePayload:
        return await write(
            info, ConferencePayload, lambda s, a: conferences.record_held(s, a, input.conference_id, input.held_on, info.context.rules)
        )

    @strawberry.mutation
    async def invite_organisation(self, info: Info, input: InviteOrganisationInput) -> InvitationPayload:
        return await write(
            info, InvitationPayload,
            lambda s, a: conferences.invite_organisation(
                s, a, input.conference_id, input.organisation_id, input.report_due_at, input.family_due_at, info.context.rules
            ),
        )


@strawberry.type
class ConsultationsMutation:
    """Kept apart from ConferencesMutation only so the schema lists it where it always has."""

    @strawberry.mutation
    async def record_child_consultation(self, info: Info, input: RecordChildConsultationInput) -> ChildConsultationPayload:
        return await write(
            info, ChildConsultationPayload,
            lambda s, a: conferences.record_child_consultation(
                s, a, input.conference_id, input.child_id, input.seen, input.views_conveyed, input.note
            ),
        )
