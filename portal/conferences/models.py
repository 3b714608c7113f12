"""Conferences, the children they cover, invitations to agencies, and children's consultation."""

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime


class Conference(SQLModel, table=True):
    __table_args__ = (
        Index("ix_conference_chair_scheduled", "chair_id", "scheduled_at"),
        Index("ix_conference_la_scheduled", "la_id", "scheduled_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id", index=True)
    kind: str = Field(max_length=32)
    status: str = Field(max_length=16, index=True)
    scheduled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    chair_id: int | None = Field(default=None, foreign_key="person.id")
    strategy_discussion_on: date | None = None
    became_looked_after_on: date | None = None
    previous_conference_id: int | None = Field(default=None, foreign_key="conference.id")
    review_number: int | None = None
    held_on: date | None = None
    next_review_due_on: date | None = None
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class ConferenceChild(SQLModel, table=True):
    __tablename__ = "conference_child"

    conference_id: int = Field(foreign_key="conference.id", primary_key=True)
    child_id: int = Field(foreign_key="child.id", primary_key=True, index=True)


class Invitation(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("conference_id", "organisation_id"),)

    id: int | None = Field(default=None, primary_key=True)
    conference_id: int = Field(foreign_key="conference.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    report_due_at: datetime = Field(sa_type=UTCDateTime)
    family_due_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    invited_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    invited_by_id: int | None = Field(default=None, foreign_key="person.id")
    # Set when business support moved the due times off the LA's rules; cleared when the meeting is rescheduled.
    due_override_reason: str | None = Field(default=None, max_length=500)
    due_overridden_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    due_overridden_by_id: int | None = Field(default=None, foreign_key="person.id")


class ChildConsultation(SQLModel, table=True):
    """Whether a child was seen before a meeting and how their views will be conveyed."""

    __tablename__ = "child_consultation"
    __table_args__ = (UniqueConstraint("conference_id", "child_id"),)

    id: int | None = Field(default=None, primary_key=True)
    conference_id: int = Field(foreign_key="conference.id", index=True)
    child_id: int = Field(foreign_key="child.id")
    seen: bool
    views_conveyed: str = Field(max_length=32)
    note: str = Field(default="", max_length=4000)
    recorded_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    recorded_by_id: int = Field(foreign_key="person.id")
