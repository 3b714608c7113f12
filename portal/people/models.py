"""Regions, local authorities, organisations and the people who work in them."""

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from portal.enums import PersonStatus


class Region(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)


class LocalAuthority(SQLModel, table=True):
    __tablename__ = "local_authority"

    id: int | None = Field(default=None, primary_key=True)
    region_id: int = Field(foreign_key="region.id", index=True)
    slug: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)


class Organisation(SQLModel, table=True):
    """An agency's organisation: a GP practice, a school, a police force's unit, an LA's social care."""

    __table_args__ = (UniqueConstraint("region_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    region_id: int = Field(foreign_key="region.id", index=True)
    la_id: int | None = Field(default=None, foreign_key="local_authority.id", index=True)
    agency_id: str = Field(max_length=64, index=True)
    name: str = Field(max_length=200)
    code: str | None = Field(default=None, max_length=32)


class Person(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    name: str = Field(max_length=200)
    email: str = Field(max_length=320, unique=True)
    job_title: str = Field(default="", max_length=200)
    status: str = Field(default=PersonStatus.ACTIVE, max_length=16)


class PersonRole(SQLModel, table=True):
    """A role a person holds; LA roles name the LA they hold it in."""

    __tablename__ = "person_role"
    __table_args__ = (UniqueConstraint("person_id", "role", "la_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    role: str = Field(max_length=32)
    la_id: int | None = Field(default=None, foreign_key="local_authority.id")
