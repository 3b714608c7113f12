"""A phone call made to chase an invited organisation's report."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime

SPOKE_TO_CHARS = 200
NOTE_CHARS = 2000


class PhoneChase(SQLModel, table=True):
    __tablename__ = "phone_chase"

    id: int | None = Field(default=None, primary_key=True)
    invitation_id: int = Field(foreign_key="invitation.id", index=True)
    spoke_to: str = Field(max_length=SPOKE_TO_CHARS)
    chased_at: datetime = Field(sa_type=UTCDateTime)
    note: str = Field(default="", max_length=NOTE_CHARS)
    recorded_by_id: int = Field(foreign_key="person.id")
    recorded_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
