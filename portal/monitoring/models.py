"""The chair's monitoring checklist for one meeting: one row per meeting, one answer per item."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime


class MonitoringCheck(SQLModel, table=True):
    """The checklist of one conference or LAC review; complete once every item of the LA's list is answered."""

    __tablename__ = "monitoring_check"

    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id", index=True)
    conference_id: int = Field(foreign_key="conference.id", unique=True)
    started_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    completed_by_id: int | None = Field(default=None, foreign_key="person.id")


class MonitoringAnswer(SQLModel, table=True):
    """One item answered met, not met or not applicable, with the chair's note."""

    __tablename__ = "monitoring_answer"
    __table_args__ = (UniqueConstraint("check_id", "item"),)

    id: int | None = Field(default=None, primary_key=True)
    check_id: int = Field(foreign_key="monitoring_check.id", index=True)
    item: str = Field(max_length=64)
    answer: str = Field(max_length=16)
    note: str = Field(default="", max_length=2000)
    answered_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    answered_by_id: int = Field(foreign_key="person.id")
    challenge_id: int | None = Field(default=None, foreign_key="challenge.id")  # the alert or challenge raised from a "not met"
