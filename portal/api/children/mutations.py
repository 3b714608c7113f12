"""Recording a child, and the people around a child."""

import dataclasses
from datetime import date

import strawberry

from portal import access
from portal.api.children.types import CasePersonType, ChildType, RelationshipEnum
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
    la_child_id: str | None = strawberry.field(default=None, description=(
        "The LA's own id for the child, as its DfE returns carry it (CHILD, LAchildID): links the child to the imported history."))


@strawberry.input
class RecordCasePersonInput:
    child_id: strawberry.ID
    relationship: RelationshipEnum  # type: ignore[valid-type]
    given_name: str
    family_name: str = ""
    known_as: str = strawberry.field(default="", description="A nickname or the name the family uses.")
    date_of_birth: date | None = None
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    do_not_share_contact: bool = False


@strawberry.type
@access.fields({"case_person.read": ("person",), access.PUBLIC: ("errors",)})
class CasePersonPayload:
    person: CasePersonType | None
    errors: list[UserError]


@strawberry.type
@access.fields({"child.read": ("child",), access.PUBLIC: ("errors",)})
class ChildPayload:
    child: ChildType | None
    errors: list[UserError]


@strawberry.type
class ChildMutation:
    @strawberry.mutation(description="Record a child in your local authority.")
    async def add_child(self, info: Info, input: AddChildInput) -> ChildPayload:
        new = children.NewChild(
            la_id=input.la_id, given_name=input.given_name, family_name=input.family_name,
            date_of_birth=input.date_of_birth, nhs_number=input.nhs_number, la_child_id=input.la_child_id,
        )
        return await write(info, ChildPayload, lambda s, a: children.add_child(s, a, new))

    @strawberry.mutation(description="Record a parent, carer, relative or household member of a child of your local authority.")
    async def record_case_person(self, info: Info, input: RecordCasePersonInput) -> CasePersonPayload:
        new = children.NewCasePerson(**{f.name: getattr(input, f.name) for f in dataclasses.fields(children.NewCasePerson)})
        return await write(info, CasePersonPayload, lambda s, a: children.record_case_person(s, a, new))
