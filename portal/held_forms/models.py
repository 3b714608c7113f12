from datetime import datetime
from typing import Any

from sqlalchemy import JSON, LargeBinary
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime


class HeldForm(SQLModel, table=True):
    """What one form post held: where it was sent, its fields and an upload's file. The browser holds a random token;
    the table holds only its digest, the person whose ended session posted it, and when it lapses."""

    __tablename__ = "held_form"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    path: str = Field(max_length=300)
    fields: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    file_name: str | None = Field(default=None, max_length=300)
    file_type: str | None = Field(default=None, max_length=200)
    file_data: bytes | None = Field(default=None, sa_type=LargeBinary)
    held_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime, index=True)
