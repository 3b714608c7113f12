"""Business support's writes: override an invitation's due times with a reason; record a phone chase."""

from datetime import datetime

import strawberry

from portal import access
from portal.api.business_support.types import PhoneChaseType
from portal.api.common import UserError, write
from portal.api.conferences.mutations import InvitationPayload
from portal.api.context import Info
from portal.chasing import services as chasing


@strawberry.input
class OverrideDueTimesInput:
    invitation_id: strawberry.ID
    report_due_at: datetime
    family_due_at: datetime | None = strawberry.field(default=None, description="Leave out to keep the family's due time as it is.")
    reason: str


@strawberry.input
class RecordPhoneChaseInput:
    invitation_id: strawberry.ID
    spoke_to: str
    chased_at: datetime
    note: str = ""


@strawberry.type
@access.fields({"chasing.read": ("phone_chase",), access.PUBLIC: ("errors",)})
class PhoneChasePayload:
    phone_chase: PhoneChaseType | None
    errors: list[UserError]


@strawberry.type
class BusinessSupportMutation:
    @strawberry.mutation(description="Move an invitation's due times off the LA's rules, with the reason (business support only). "
                         "Readiness and reminders follow the new times; rescheduling the meeting returns them to the rules.")
    async def override_due_times(self, info: Info, input: OverrideDueTimesInput) -> InvitationPayload:
        return await write(info, InvitationPayload, lambda s, a: chasing.override_due_times(
            s, a, input.invitation_id, input.report_due_at, input.family_due_at, input.reason))

    @strawberry.mutation(description="Record a phone call chasing an invited organisation's report (business support only).")
    async def record_phone_chase(self, info: Info, input: RecordPhoneChaseInput) -> PhoneChasePayload:
        return await write(info, PhoneChasePayload, lambda s, a: chasing.record_phone_chase(
            s, a, input.invitation_id, input.spoke_to, input.chased_at, input.note))
