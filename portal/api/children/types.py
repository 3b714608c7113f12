"""A child, with the conferences about them that the reader may see."""

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal.api.context import Info
from portal.children.models import Child

if TYPE_CHECKING:
    from portal.api.conferences.types import ConferenceType


@strawberry.type(name="Child")
class ChildType:
    id: strawberry.ID
    given_name: str
    family_name: str
    date_of_birth: date
    nhs_number: str | None

    @strawberry.field(description="The child's conferences that you may see, latest first.")
    async def conferences(
        self, root: strawberry.Parent[Child], info: Info
    ) -> list[Annotated["ConferenceType", strawberry.lazy("portal.api.conferences.types")]]:
        from portal.api.children.queries import child_conferences

        return await child_conferences(info, root.id)
