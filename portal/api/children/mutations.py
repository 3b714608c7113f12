"""Recording a child."""

from datetime import date

import strawberry

from portal.api.children.types import ChildType
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.children import services as children


@strawberry.input
class AddChildInput:
    la_id: strawberry.ID
    given_name: str
    family_name: str
    date_of_birth: date
    nhs_number: str | None = strawberry.field(default=None, description="Ten digits; spaces and hyphens are ignored.")


@strawberry.type
class ChildPayload:
    child: ChildType | None
    errors: list[UserError]


@strawberry.type
class ChildMutation:
    @strawberry.mutation(description="Record a child in your local authority.")
    async def add_child(self, info: Info, input: AddChildInput) -> ChildPayload:
        new = children.NewChild(
            la_id=input.la_id, given_name=input.given_name, family_name=input.family_name,
            date_of_birth=input.date_of_birth, nhs_number=input.nhs_number,
        )
        return await write(info, ChildPayload, lambda s, a: children.add_child(s, a, new))
