"""A child, with the conferences about them that the reader may see, and the people around the child
that the case records (seen by the staff of the child's local authority only)."""

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal import access
from portal.api.context import Info
from portal.children.models import Child
from portal.enums import Relationship

RelationshipEnum = strawberry.enum(Relationship, name="Relationship")

if TYPE_CHECKING:
    from portal.api.conferences.types import ConferenceType


@strawberry.type(name="CasePerson")
@access.fields({
    "case_person.read": ("id", "relationship", "given_name", "family_name", "known_as", "date_of_birth", "address", "postcode", "phone", "email", "do_not_share_contact"),
})
class CasePersonType:
    id: strawberry.ID
    relationship: RelationshipEnum  # type: ignore[valid-type]
    given_name: str
    family_name: str
    known_as: str
    date_of_birth: date | None
    address: str
    postcode: str
    phone: str
    email: str
    do_not_share_contact: bool = strawberry.field(description="The address and contact details must not be shared with the family.")


@strawberry.type(name="Child")
@access.fields({
    "child.read": ("id", "given_name", "family_name", "date_of_birth", "nhs_number", "la_child_id", "conferences"),
    "case_person.read": ("people",),
})
class ChildType:
    id: strawberry.ID
    given_name: str
    family_name: str
    date_of_birth: date
    nhs_number: str | None
    la_child_id: str | None = strawberry.field(description="The LA's own id for the child, as its DfE returns carry it.")

    @strawberry.field(description="The child's conferences that you may see, latest first.")
    async def conferences(
        self, root: strawberry.Parent[Child], info: Info
    ) -> list[Annotated["ConferenceType", strawberry.lazy("portal.api.conferences.types")]]:
        from portal.api.children.queries import child_conferences

        return await child_conferences(info, root.id)

    @strawberry.field(description="Parents, carers, relatives and household members the case records; null unless you work for the child's local authority.")
    async def people(self, root: strawberry.Parent[Child], info: Info) -> list[CasePersonType] | None:
        return await info.context.loaders.case_people_by_child.load(root.id)
