"""Finding rows by what someone typed: a case-insensitive "contains", with LIKE's wildcards taken literally."""

from typing import Any

from sqlalchemy import ColumnElement

MAX_SEARCH_CHARS = 100


def contains(column: Any, typed: str) -> ColumnElement[bool]:
    escaped = typed.strip()[:MAX_SEARCH_CHARS].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")
