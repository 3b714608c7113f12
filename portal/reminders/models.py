"""The reminder outbox: one row per email to send, keyed by the planner's idempotency key."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Index
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime


class OutboxStatus(StrEnum):
    PENDING = "PENDING"
    SENDING = "SENDING"
    SENT = "SENT"
    CANCELLED = "CANCELLED"
    FAILED = "FAILED"


class ReminderOutbox(SQLModel, table=True):
    """`payload` holds only what the email shows (organisation, due time, link): never anything about a child."""

    __tablename__ = "reminder_outbox"
    __table_args__ = (Index("ix_reminder_outbox_status_send_at", "status", "send_at"),)

    key: str = Field(primary_key=True, max_length=255)
    kind: str = Field(max_length=16)
    recipient: str = Field(max_length=320)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    conference_id: int | None = Field(default=None, foreign_key="conference.id", index=True)
    invitation_id: int | None = Field(default=None, foreign_key="invitation.id", index=True)
    challenge_id: int | None = Field(default=None, foreign_key="challenge.id", index=True)  # a reminder to answer an IRO challenge
    send_at: datetime = Field(sa_type=UTCDateTime)
    status: str = Field(default=OutboxStatus.PENDING, max_length=16)
    attempts: int = 0
    claimed_by: str | None = Field(default=None, max_length=200)
    claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
