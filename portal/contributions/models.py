"""Contributions: a mutable head row and an append-only version history."""

from datetime import date, datetime

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime


class Contribution(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    invitation_id: int = Field(foreign_key="invitation.id", unique=True)
    conference_id: int = Field(foreign_key="conference.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    author_id: int = Field(foreign_key="person.id")
    status: str = Field(max_length=16)
    version: int = 1
    sections: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    scales: dict[str, int] = Field(default_factory=dict, sa_type=JSON)
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    submitted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    shared_with_family_on: date | None = None


class ContributionVersion(SQLModel, table=True):
    """One saved state of a contribution. Rows are only ever inserted."""

    __tablename__ = "contribution_version"
    __table_args__ = (UniqueConstraint("contribution_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    contribution_id: int = Field(foreign_key="contribution.id", index=True)
    number: int
    status: str = Field(max_length=16)
    sections: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    scales: dict[str, int] = Field(default_factory=dict, sa_type=JSON)
    note: str = Field(default="", max_length=4000)
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    created_by_id: int = Field(foreign_key="person.id")


class WithholdingRequest(SQLModel, table=True):
    """An author's request that the chair withhold one section from the family."""

    __tablename__ = "withholding_request"

    id: int | None = Field(default=None, primary_key=True)
    contribution_id: int = Field(foreign_key="contribution.id", index=True)
    section_id: str = Field(max_length=64)
    reason: str = Field(max_length=4000)
    requested_by_id: int = Field(foreign_key="person.id")
    requested_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    decision: str = Field(max_length=16)
    decision_note: str = Field(default="", max_length=4000)
    decided_by_id: int | None = Field(default=None, foreign_key="person.id")
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
