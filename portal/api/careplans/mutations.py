"""Recording the IRO's view of a care plan."""

import strawberry

from portal import access
from portal.api.careplans.types import CarePlanViewType
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


@strawberry.type
class CarePlansMutation:
    @strawberry.mutation
    async def record_care_plan_view(self, info: Info, input: RecordCarePlanViewInput) -> CarePlanViewPayload:
        return await write(
            info, CarePlanViewPayload, lambda s, a: careplans.record_care_plan_view(s, a, input.proceedings_id, input.child_id, input.view)
        )
