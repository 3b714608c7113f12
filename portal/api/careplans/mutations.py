"""Recording the IRO's view of a care plan."""

import strawberry

from portal import access
from portal.api.careplans.types import CarePlanSeenType, CarePlanViewType
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.careplans import services as careplans


@strawberry.input
class RecordCarePlanViewInput:
    proceedings_id: strawberry.ID
    child_id: strawberry.ID
    view: str


@strawberry.type
@access.fields({"proceedings.read": ("care_plan_view",), access.PUBLIC: ("errors",)})
class CarePlanViewPayload:
    care_plan_view: CarePlanViewType | None
    errors: list[UserError]


@strawberry.input
class MarkCarePlanViewsSeenInput:
    view_ids: list[strawberry.ID] = strawberry.field(description="The views looked at (at most 100): each child's record keeps the latest.")


@strawberry.type
@access.fields({"proceedings.guardian": ("seen",), access.PUBLIC: ("errors",)})
class CarePlanSeenPayload:
    seen: list[CarePlanSeenType]
    errors: list[UserError]


@strawberry.type
class CarePlansMutation:
    @strawberry.mutation
    async def record_care_plan_view(self, info: Info, input: RecordCarePlanViewInput) -> CarePlanViewPayload:
        return await write(
            info, CarePlanViewPayload, lambda s, a: careplans.record_care_plan_view(s, a, input.proceedings_id, input.child_id, input.view)
        )

    @strawberry.mutation(description="The assigned guardian records looking at the IRO's views (the pages do this as they show them).")
    async def mark_care_plan_views_seen(self, info: Info, input: MarkCarePlanViewsSeenInput) -> CarePlanSeenPayload:
        payload = await write(info, CarePlanSeenPayload, lambda s, a: careplans.mark_seen(s, a, [str(v) for v in input.view_ids]))
        return CarePlanSeenPayload(seen=[CarePlanSeenType.of(row) for row in payload.seen or []], errors=payload.errors)
