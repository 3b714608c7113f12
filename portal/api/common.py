"""What every slice of the schema shares: user errors, Markdown text, ids, and the shape of a mutation."""

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.api.context import Info
from portal.errors import ErrorCode, Problem
from portal.idempotency import Once
from portal.identity import Actor
from portal.ids import parse_id
from portal.markdown import safe_html
from portal.unit_of_work import in_transaction

ErrorCodeEnum = strawberry.enum(ErrorCode, name="ErrorCode")
P = TypeVar("P")


@strawberry.type
@access.fields({access.PUBLIC: ("path", "message", "code")})
class UserError:
    """Why a mutation changed nothing: where (the input field path) and what to do about it."""

    path: list[str]
    message: str
    code: ErrorCodeEnum  # type: ignore[valid-type]

    @classmethod
    def of(cls, problem: Problem) -> "UserError":
        return cls(path=list(problem.path), message=problem.message, code=problem.code)


@strawberry.type
@access.fields({access.INHERITED: ("source", "html")})
class Markdown:
    """Text written as Markdown: the source as typed, and HTML safe to put on a page.
    Giving either out is a read of the report or child record it belongs to, for the access log."""

    text: strawberry.Private[str]
    contribution_id: strawberry.Private[int | None] = None
    child_id: strawberry.Private[int | None] = None

    def _read(self, info: Info) -> str:
        reader = info.context.reader
        if self.contribution_id is not None:
            reader.contributions_seen.add(self.contribution_id)
        if self.child_id is not None:
            reader.children_seen.add(self.child_id)
        return self.text

    @strawberry.field
    def source(self, info: Info) -> str:
        return self._read(info)

    @strawberry.field
    async def html(self, info: Info) -> str:
        return await safe_html(self._read(info))


async def by_client_id(info: Info, id: strawberry.ID, statement: Callable[[int], Select[Any]]) -> Any | None:
    """The row `statement` finds for the id a client sent (already scoped to what the reader may see), or None."""
    found = parse_id(id)
    if found is None:
        return None
    rows = await info.context.reader.scalars(statement(found))
    return rows[0] if rows else None


async def write(info: Info, payload: type[P], work: Callable[[AsyncSession, Actor], Awaitable[Any]], once: Once | None = None) -> P:
    """One mutation: the service's work in one transaction, and a payload of `payload`'s type holding
    its result (in the payload's one field besides `errors`) or the user errors. With `once`, a retry
    with the same idempotency key answers with the first result (portal.idempotency)."""
    result, problems = await in_transaction(info.context, work, once=once)
    (name,) = (f.name for f in dataclasses.fields(payload) if f.name != "errors")  # type: ignore[arg-type]
    return payload(**{name: result, "errors": [UserError.of(p) for p in problems]})
