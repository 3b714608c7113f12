"""Children, each belonging to one local authority, and the people around a child that the case holds."""

from datetime import date

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class Child(SQLModel, table=True):
    __table_args__ = (Index("ix_child_la_child_id", "la_id", "la_child_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id", index=True)
    given_name: str = Field(max_length=100)
    family_name: str = Field(max_length=100)
    date_of_birth: date
    nhs_number: str | None = Field(default=None, max_length=10, index=True)
    la_child_id: str | None = Field(default=None, max_length=40)  # the LA's own id, as its DfE returns carry it (CHILD, LAchildID)


class CasePerson(SQLModel, table=True):
    """A parent, carer, relative or household member of one child, as the child's case records them."""

    __tablename__ = "case_person"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    relationship: str = Field(max_length=32)
    given_name: str = Field(max_length=100)
    family_name: str = Field(default="", max_length=100)
    known_as: str = Field(default="", max_length=100)
    date_of_birth: date | None = None
    address: str = Field(default="", max_length=500)
    postcode: str = Field(default="", max_length=10)
    phone: str = Field(default="", max_length=32)
    email: str = Field(default="", max_length=320)
    do_not_share_contact: bool = Field(default=False)
