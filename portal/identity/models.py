"""What signing in stores: sessions, emailed codes, links to providers' subjects, API tokens and the sign-in log.

Secrets (session ids, codes, tokens) are stored only as digests.
"""

from datetime import datetime

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime


class SignInSession(SQLModel, table=True):
    __tablename__ = "sign_in_session"

    id: int | None = Field(default=None, primary_key=True)
    secret_hash: str = Field(max_length=64, unique=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    method: str = Field(max_length=80)
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    last_seen_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    user_agent: str = Field(default="", max_length=300)


class OneTimeCode(SQLModel, table=True):
    __tablename__ = "one_time_code"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    code_hash: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    attempts: int = 0
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ProviderLink(SQLModel, table=True):
    """The provider's subject that names a person, recorded at their first sign-in through it."""

    __tablename__ = "provider_link"
    __table_args__ = (UniqueConstraint("provider_id", "subject"), UniqueConstraint("provider_id", "person_id"))

    id: int | None = Field(default=None, primary_key=True)
    provider_id: str = Field(max_length=64)
    subject: str = Field(max_length=255)
    person_id: int = Field(foreign_key="person.id", index=True)
    linked_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    secret_hash: str = Field(max_length=64, unique=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    name: str = Field(max_length=200)
    scopes: list[str] = Field(default_factory=list, sa_type=JSON)
    created_by: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
    expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class SignInEvent(SQLModel, table=True):
    """One row per sign-in attempt, sign-out and refusal, whether or not it named a known person."""

    __tablename__ = "sign_in_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, index=True)
    kind: str = Field(max_length=32)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    email: str = Field(default="", max_length=320)
    method: str = Field(default="", max_length=80)
    client_address: str = Field(default="", max_length=64)
    detail: str = Field(default="", max_length=300)
