"""A challenge an IRO raised on a child's case, its reasons, and each stage it reached with the answer given there."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime

RESOLUTION_CHARS = 2000
OTHER_REASON_CHARS = 500
RESPONSE_CHARS = 4000


class ChallengeKind(StrEnum):
    ALERT = "ALERT"  # raised informally, often from the monitoring tool
    FORMAL = "FORMAL"  # a formal challenge under the issues resolution process


class ChallengeStatus(StrEnum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class ChallengeOutcome(StrEnum):
    RESOLVED = "RESOLVED"  # the issue was put right
    UPHELD = "UPHELD"  # the responder agreed with the IRO and the LA will act on it
    NOT_UPHELD = "NOT_UPHELD"  # the responder did not agree: the IRO escalates or closes it


class Challenge(SQLModel, table=True):
    __table_args__ = (Index("ix_challenge_la_raised", "la_id", "raised_on"),)

    id: int | None = Field(default=None, primary_key=True)
    la_id: int = Field(foreign_key="local_authority.id")
    child_id: int = Field(foreign_key="child.id", index=True)
    conference_id: int | None = Field(default=None, foreign_key="conference.id", index=True)
    raised_by_id: int = Field(foreign_key="person.id", index=True)
    kind: str = Field(max_length=16)
    resolution_sought: str = Field(max_length=RESOLUTION_CHARS)
    other_reason: str = Field(default="", max_length=OTHER_REASON_CHARS)
    raised_on: date
    due_on: date  # the whole process should be over by then (the LA's overall limit in working days)
    status: str = Field(default=ChallengeStatus.OPEN, max_length=16)
    stage: str = Field(max_length=64)  # the stage it has reached (a stage id of the LA's rules)
    outcome: str | None = Field(default=None, max_length=16)  # the last answer's
    closed_on: date | None = None
    closed_by_id: int | None = Field(default=None, foreign_key="person.id")
    closing_note: str = Field(default="", max_length=RESPONSE_CHARS)
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class ChallengeReason(SQLModel, table=True):
    __tablename__ = "challenge_reason"

    challenge_id: int = Field(foreign_key="challenge.id", primary_key=True)
    reason: str = Field(max_length=64, primary_key=True)


class ChallengeStep(SQLModel, table=True):
    """One stage the challenge reached: who must answer, by when, and the answer once given."""

    __tablename__ = "challenge_step"

    id: int | None = Field(default=None, primary_key=True)
    challenge_id: int = Field(foreign_key="challenge.id", index=True)
    stage: str = Field(max_length=64)
    position: int  # the stage's place in the LA's process, from 0
    stage_name: str = Field(max_length=100)
    responder_id: int | None = Field(default=None, foreign_key="person.id", index=True)  # none for a referral outside the LA
    started_on: date
    due_on: date
    started_by_id: int = Field(foreign_key="person.id")
    escalation_note: str = Field(default="", max_length=RESPONSE_CHARS)
    outcome: str | None = Field(default=None, max_length=16)
    response: str = Field(default="", max_length=RESPONSE_CHARS)
    responded_on: date | None = None
    responded_by_id: int | None = Field(default=None, foreign_key="person.id")
    responded_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
