"""What a chair records once a conference is held: the conference's outcome and, for each child, the decision."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime

TEXT_LIMIT = 4000


class ConferenceOutcome(SQLModel, table=True):
    """One held conference's outcome, and when the outcome letter and the minutes were sent."""

    __tablename__ = "conference_outcome"

    conference_id: int = Field(foreign_key="conference.id", primary_key=True)
    recorded_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    recorded_by_id: int = Field(foreign_key="person.id")
    core_group_on: date | None = None  # the first core group after an ICPC that made a plan
    next_review_on: date | None = None
    care_plan_endorsed: bool | None = None  # a LAC review: whether the IRO endorsed the care plan
    decisions: str = Field(default="", max_length=TEXT_LIMIT)  # a LAC review's decisions
    notes: str = Field(default="", max_length=TEXT_LIMIT)  # the chair's own notes: never for the family
    outcome_sent_on: date | None = None
    outcome_sent_recorded_by_id: int | None = Field(default=None, foreign_key="person.id")
    minutes_sent_on: date | None = None
    minutes_sent_recorded_by_id: int | None = Field(default=None, foreign_key="person.id")


class ChildOutcome(SQLModel, table=True):
    """The decision for one child of a held conference."""

    __tablename__ = "child_outcome"

    conference_id: int = Field(foreign_key="conference_outcome.conference_id", primary_key=True)
    child_id: int = Field(foreign_key="child.id", primary_key=True, index=True)
    decision: str | None = Field(default=None, max_length=24)  # an ICPC's or RCPC's: ProtectionDecision
    initial_categories: str = Field(default="", max_length=20)  # CIN census codes, space-separated: NEG PHY EMO SAB
    latest_categories: str = Field(default="", max_length=20)
    plan_started_on: date | None = None
    participation: str = Field(default="", max_length=3)  # a LAC review's: PN0-PN7
    recorded_in_history: bool = False  # the child's LA child id matched, and the DfE history row was written
