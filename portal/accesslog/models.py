"""One row per operation that read a child's record or a report's text, one per committed change,
and one per refused change."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from portal import clock
from portal.db import UTCDateTime
from portal.observability.request_id import MAX_LENGTH as REQUEST_ID_LENGTH
from portal.observability.request_id import current_request_id

READ = "read"
WRITE = "write"
REFUSED = "refused"  # a change that was refused, so wrote nothing
NAME_LENGTH = 200


class AccessLogEntry(SQLModel, table=True):
    __tablename__ = "access_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    api_token_id: int | None = Field(default=None)  # the API token that acted, with the administrator who created it as person_id
    request_id: str | None = Field(default_factory=current_request_id, max_length=REQUEST_ID_LENGTH)  # the request that caused it, if any
    action: str = Field(max_length=8)
    operation_type: str = Field(max_length=16)
    operation_name: str = Field(default="", max_length=NAME_LENGTH)
    fields: list[str] = Field(default_factory=list, sa_type=JSON)
    child_ids: list[int] = Field(default_factory=list, sa_type=JSON)
    contribution_ids: list[int] = Field(default_factory=list, sa_type=JSON)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


@dataclass(frozen=True)
class Operation:
    """What the person ran: a GraphQL operation, or a plain HTTP route."""

    type: str
    name: str = ""
    fields: tuple[str, ...] = ()

    @classmethod
    def of_request(cls, request: Any) -> "Operation":
        if request is None:
            return cls("service")
        return cls("http", f"{request.method} {request.url.path}")

    def entry(self, person_id: int, action: str, child_ids: Iterable[int] = (), contribution_ids: Iterable[int] = (),
              api_token_id: int | None = None) -> AccessLogEntry:
        """The log row; a name longer than the column keeps its first NAME_LENGTH characters."""
        return AccessLogEntry(
            person_id=person_id, api_token_id=api_token_id, action=action, operation_type=self.type, operation_name=self.name[:NAME_LENGTH],
            fields=list(self.fields), child_ids=sorted(child_ids), contribution_ids=sorted(contribution_ids), prev_hash="", hash="",
        )
