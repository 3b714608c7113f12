"""Who read or changed children's information: one row per API operation, never updated or deleted."""

from collections.abc import AsyncIterator
from datetime import datetime

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel
from strawberry.extensions import SchemaExtension

from portal import clock
from portal.db import UTCDateTime


class AccessLogEntry(SQLModel, table=True):
    __tablename__ = "access_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime, index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    operation_type: str = Field(max_length=16)
    operation_name: str = Field(default="", max_length=200)
    fields: list[str] = Field(default_factory=list, sa_type=JSON)
    child_ids: list[int] = Field(default_factory=list, sa_type=JSON)


class AccessLogExtension(SchemaExtension):
    """After each operation that touched a child's record, or changed anything, append an entry."""

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        yield
        context = self.execution_context.context
        operation = self.execution_context.operation_type.value
        touched = sorted(context.reader.children_seen)
        if not touched and operation != "mutation":
            return
        document = self.execution_context.graphql_document
        fields = [
            selection.name.value
            for definition in (document.definitions if document else [])
            for selection in getattr(getattr(definition, "selection_set", None), "selections", [])
            if hasattr(selection, "name")
        ]
        session = context.session
        if session.in_transaction():
            await session.commit()
        session.add(
            AccessLogEntry(
                person_id=context.actor.person_id,
                operation_type=operation,
                operation_name=self.execution_context.operation_name or "",
                fields=fields,
                child_ids=touched,
            )
        )
        await session.commit()
