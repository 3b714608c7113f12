"""Connections and offset cursors: opaque to clients, bounded page sizes."""

import base64
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

import strawberry
from sqlalchemy import Select

from portal import access
from portal.api.context import Info

T = TypeVar("T")
DEFAULT_PAGE = 20
# No cursor this API gives out is longer, nor names an offset past what a database integer holds.
MAX_CURSOR_CHARS = 32
MAX_OFFSET = 2**31 - 1
NOT_OURS = "The 'after' cursor is not one this API gave out."


@strawberry.type
@access.fields({access.PUBLIC: ("has_next_page", "end_cursor")})
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
@access.fields({access.INHERITED: ("nodes", "page_info")})
class Connection(Generic[T]):
    nodes: list[T]
    page_info: PageInfo


class PageError(ValueError):
    pass


def _decode(cursor: str | None) -> int:
    if cursor is None:
        return 0
    if len(cursor) > MAX_CURSOR_CHARS or not cursor.isascii():
        raise PageError(NOT_OURS)
    try:
        kind, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
    except (ValueError, UnicodeDecodeError) as exc:
        raise PageError(NOT_OURS) from exc
    if kind != "o" or not (value.isascii() and value.isdigit()) or int(value) > MAX_OFFSET:
        raise PageError(NOT_OURS)
    return int(value)


def _encode(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def page_window(first: int | None, after: str | None, maximum: int) -> tuple[int, int]:
    size = DEFAULT_PAGE if first is None else first
    if not 1 <= size <= maximum:
        raise PageError(f"'first' must be between 1 and {maximum}.")
    return _decode(after), size


def window(info: Info, first: int | None, after: str | None) -> tuple[int, int]:
    """The offset and size a root field's `first` and `after` ask for, within the configured maximum."""
    try:
        return page_window(first, after, info.context.settings.page_size_max)
    except PageError as error:
        raise ValueError(str(error)) from None


async def page(info: Info, statement: Select[Any], first: int | None, after: str | None) -> "Connection[Any]":
    """One page of what `statement` selects: a query for the page and one row more, to tell if another follows."""
    offset, size = window(info, first, after)
    rows = await info.context.reader.scalars(statement.offset(offset).limit(size + 1))
    return connection(rows, offset, size)


def connection(rows: Sequence[T], offset: int, size: int) -> Connection[T]:
    nodes = list(rows[:size])
    has_next = len(rows) > size
    return Connection(nodes=nodes, page_info=PageInfo(has_next_page=has_next, end_cursor=_encode(offset + len(nodes)) if nodes else None))
