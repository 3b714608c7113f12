"""Care proceedings and the IRO's views of the care plan."""

from datetime import date, datetime

import strawberry

from portal import access
from portal.api.children.types import ChildType
from portal.api.common import Markdown
from portal.api.context import Info
from portal.api.people.types import PersonType
from portal.careplans.models import CarePlanSeen, CarePlanView, CareProceedings


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


@strawberry.type(name="CarePlanSeen")
@access.fields({"proceedings.guardian": ("child_id", "version", "seen_at")})
class CarePlanSeenType:
    child_id: strawberry.ID
    version: int = strawberry.field(description="The latest version of the child's view you have looked at.")
    seen_at: datetime

    @classmethod
    def of(cls, row: CarePlanSeen) -> "CarePlanSeenType":
        return cls(child_id=strawberry.ID(str(row.child_id)), version=row.version, seen_at=row.seen_at)


@strawberry.type(name="CareProceedings")
@access.fields({
    "proceedings.read": ("id", "case_number", "started_on", "ended_on", "guardian", "children", "care_plan_views"),
    "proceedings.guardian": ("seen_by_me",),
})
class CareProceedingsType:
    id: strawberry.ID
    case_number: str
    started_on: date
    ended_on: date | None

    @strawberry.field(description="The CAFCASS guardian assigned, if one is.")
    async def guardian(self, root: strawberry.Parent[CareProceedings], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.guardian_id) if root.guardian_id is not None else None

    @strawberry.field
    async def children(self, root: strawberry.Parent[CareProceedings], info: Info) -> list[ChildType]:
        return await info.context.loaders.children_by_proceedings.load(root.id)

    @strawberry.field(description="The IRO's views of the care plan, every version, oldest first.")
    async def care_plan_views(self, root: strawberry.Parent[CareProceedings], info: Info) -> list[CarePlanViewType]:
        return await info.context.loaders.care_plan_views_by_proceedings.load(root.id)

    @strawberry.field(description="For the assigned guardian: the latest version of each child's view you have looked at, and when.")
    async def seen_by_me(self, root: strawberry.Parent[CareProceedings], info: Info) -> list[CarePlanSeenType]:
        rows = await info.context.loaders.care_plan_seen_by_proceedings.load(root.id)
        return [CarePlanSeenType.of(row) for row in rows if row.person_id == info.context.actor.person_id]
