"""Care proceedings, the CAFCASS guardian assigned, and the IRO's versioned view of the care plan."""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime


class CareProceedings(SQLModel, table=True):
    __tablename__ = "care_proceedings"

    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id", index=True)
    case_number: str = Field(max_length=64)
    guardian_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    started_on: date
    ended_on: date | None = None


class ProceedingsChild(SQLModel, table=True):
    __tablename__ = "proceedings_child"

    proceedings_id: int = Field(foreign_key="care_proceedings.id", primary_key=True)
    child_id: int = Field(foreign_key="child.id", primary_key=True, index=True)


class CarePlanView(SQLModel, table=True):
    """The IRO's view of the LA's care plan for one child in one set of proceedings. Insert-only."""

    __tablename__ = "care_plan_view"
    __table_args__ = (UniqueConstraint("proceedings_id", "child_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    proceedings_id: int = Field(foreign_key="care_proceedings.id", index=True)
    child_id: int = Field(foreign_key="child.id", index=True)
    version: int
    view: str = Field(max_length=20_000)
    iro_id: int = Field(foreign_key="person.id")
    recorded_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class CarePlanSeen(SQLModel, table=True):
    """The latest version of a child's care-plan view the assigned guardian has looked at, and when."""

    __tablename__ = "care_plan_seen"
    __table_args__ = (UniqueConstraint("person_id", "proceedings_id", "child_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    proceedings_id: int = Field(foreign_key="care_proceedings.id")
    child_id: int = Field(foreign_key="child.id")
    version: int
    seen_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
