"""Audit rounds: the sample drawn with the scorer's results, auditors' levels and moderators' decisions.

Rows per item are found through their unique (item_id, criterion_id, …) index; no separate item_id index."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime


class AuditRound(SQLModel, table=True):
    __tablename__ = "audit_round"

    id: int | None = Field(default=None, primary_key=True)
    region_id: int = Field(foreign_key="region.id", index=True)
    name: str = Field(max_length=200)
    rubric_id: str = Field(max_length=64)
    rubric_version: str = Field(max_length=32)
    period_start: date
    period_end: date
    seed: int = Field(sa_column=Column(BigInteger, nullable=False))
    per_council: int | None = None
    fraction: float | None = None
    created_by_id: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class AuditItem(SQLModel, table=True):
    """One sampled contribution in a round, with the scorer's result for the version scored: the level
    per criterion in `levels`, the reason and evidence per criterion in `findings` (see portal.audit.stored)."""

    __tablename__ = "audit_item"
    __table_args__ = (UniqueConstraint("round_id", "contribution_id"),)

    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(foreign_key="audit_round.id", index=True)
    contribution_id: int = Field(foreign_key="contribution.id", index=True)
    contribution_version: int
    la_id: int = Field(foreign_key="local_authority.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    scheduled_at: datetime = Field(sa_type=UTCDateTime)
    score: float | None = None
    late: bool | None = None
    never_shared: bool
    levels: dict[str, str] = Field(sa_type=JSON)
    findings: list[dict[str, Any]] = Field(sa_type=JSON)


class AuditorLevel(SQLModel, table=True):
    __tablename__ = "auditor_level"
    __table_args__ = (UniqueConstraint("item_id", "criterion_id", "auditor_id"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="audit_item.id")
    criterion_id: str = Field(max_length=64)
    auditor_id: int = Field(foreign_key="person.id")
    level: str = Field(max_length=16)
    note: str = Field(default="", max_length=2000)
    recorded_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class ModeratorDecision(SQLModel, table=True):
    __tablename__ = "moderator_decision"
    __table_args__ = (UniqueConstraint("item_id", "criterion_id"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="audit_item.id")
    criterion_id: str = Field(max_length=64)
    moderator_id: int = Field(foreign_key="person.id")
    level: str = Field(max_length=16)
    note: str = Field(default="", max_length=2000)
    decided_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
