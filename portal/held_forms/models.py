from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime


class HeldForm(SQLModel, table=True):
    """What one form post held: where it was sent and its fields. The browser holds a random token;
    the table holds only its digest, the person whose ended session posted it, and when it lapses."""

    __tablename__ = "held_form"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    path: str = Field(max_length=300)
    fields: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    held_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
