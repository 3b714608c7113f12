"""Care proceedings and the IRO's views of the care plan."""

from datetime import date, datetime

import strawberry

from portal import access
from portal.api.children.types import ChildType
from portal.api.common import Markdown
from portal.api.context import Info
from portal.api.people.types import PersonType
from portal.careplans.models import CarePlanView, CareProceedings


@strawberry.type(name="CarePlanView")
@access.fields({"proceedings.read": ("id", "child_id", "version", "recorded_at", "view", "iro")})
class CarePlanViewType:
    id: strawberry.ID
    child_id: strawberry.ID
    version: int
    recorded_at: datetime

    @strawberry.field
    def view(self, root: strawberry.Parent[CarePlanView]) -> Markdown:
        return Markdown(text=root.view, child_id=root.child_id)

    @strawberry.field
    async def iro(self, root: strawberry.Parent[CarePlanView], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.iro_id)


@strawberry.type(name="CareProceedings")
@access.fields({"proceedings.read": ("id", "case_number", "started_on", "ended_on", "children", "care_plan_views")})
class CareProceedingsType:
    id: strawberry.ID
    case_number: str
    started_on: date
    ended_on: date | None

    @strawberry.field
    async def children(self, root: strawberry.Parent[CareProceedings], info: Info) -> list[ChildType]:
        return await info.context.loaders.children_by_proceedings.load(root.id)

    @strawberry.field(description="The IRO's views of the care plan, every version, oldest first.")
    async def care_plan_views(self, root: strawberry.Parent[CareProceedings], info: Info) -> list[CarePlanViewType]:
        return await info.context.loaders.care_plan_views_by_proceedings.load(root.id)
