"""What every slice of the schema shares: user errors, Markdown text, ids, and the shape of a mutation."""

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.api.context import Info, in_transaction
from portal.errors import ErrorCode, Problem
from portal.identity import Actor
from portal.markdown import to_safe_html

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
    """Text written as Markdown: the source as typed, and HTML safe to put on a page."""

    source: str

    @strawberry.field
    def html(self) -> str:
        return to_safe_html(self.source)


def number(value: strawberry.ID) -> int | None:
    """The row id a client's ID names, or None when it cannot name one."""
    return int(value) if str(value).isdigit() else None


async def by_client_id(info: Info, id: strawberry.ID, statement: Callable[[int], Select[Any]]) -> Any | None:
    """The row `statement` finds for the id a client sent (already scoped to what the reader may see), or None."""
    found = number(id)
    if found is None:
        return None
    rows = await info.context.reader.scalars(statement(found))
    return rows[0] if rows else None


async def write(info: Info, payload: type[P], work: Callable[[AsyncSession, Actor], Awaitable[Any]]) -> P:
    """One mutation: the service's work in one transaction, and a payload of `payload`'s type holding
    its result (in the payload's one field besides `errors`) or the user errors."""
    result, problems = await in_transaction(info.context, work)
    (name,) = (f.name for f in dataclasses.fields(payload) if f.name != "errors")  # type: ignore[arg-type]
    return payload(**{name: result, "errors": [UserError.of(p) for p in problems]})
