"""Children, each belonging to one local authority."""

from datetime import date

from sqlmodel import Field, SQLModel


class Child(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id", index=True)
    given_name: str = Field(max_length=100)
    family_name: str = Field(max_length=100)
    date_of_birth: date
    nhs_number: str | None = Field(default=None, max_length=10, index=True)
