"""A client's key for one change, kept with what the change made, so that a retry gets that answer back."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime


class IdempotencyKey(SQLModel, table=True):
    """`actor` is who sent the key (`person:<id>`, or `token:<id>` for an API token), so two clients
    choosing the same key never meet; `result_id` is the row the change returned."""

    __tablename__ = "idempotency_key"

    actor: str = Field(primary_key=True, max_length=40)
    key: str = Field(primary_key=True, max_length=200)
    operation: str = Field(max_length=64)
    result_id: int
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
