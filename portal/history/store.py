"""Writing what a file holds: each row found by its key and added, changed or left alone, so the same
file imported twice changes nothing. A file with any refused row writes nothing."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from portal.history.models import HistoryChild
from portal.history.rejections import Rejection
from portal.history.ssda903 import Parsed
from portal.unit_of_work import commit_command

BATCH = 2000


@dataclass
class Written:
    file: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return bool(self.rejections)


@dataclass(frozen=True)
class Table:
    model: type[SQLModel]
    key: tuple[str, ...]  # besides la_id
    fill_only: bool = False  # only fill in empty values (a child the other return already described)


async def known_children(session: AsyncSession, la_id: int) -> set[str]:
    return set((await session.execute(select(HistoryChild.la_child_id).where(HistoryChild.la_id == la_id))).scalars())


def refuse_unknown_children(parsed: Parsed, known: set[str], source: str) -> None:
    """Rows for a child neither this import nor an earlier one describes are refused."""
    for row, line in zip(parsed.rows, parsed.lines, strict=True):
        if row["la_child_id"] not in known:
            parsed.rejections.append(Rejection(parsed.file, line, "CHILD", f"no child {row['la_child_id']!r} in {source} or an earlier import"))


async def _merge(session: AsyncSession, la_id: int, table: Table, rows: Sequence[dict[str, Any]], written: Written) -> None:
    model = table.model
    columns = [c for c in model.__table__.columns.keys() if c not in ("id", "la_id", *table.key)]  # type: ignore[attr-defined]
    key_columns = [getattr(model, k) for k in table.key]
    existing: dict[tuple[Any, ...], Any] = {}
    query = select(model.id, *key_columns, *(getattr(model, c) for c in columns)).where(model.la_id == la_id)  # type: ignore[attr-defined]
    for found in (await session.execute(query)).all():
        existing[tuple(found[1:1 + len(key_columns)])] = found
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for row in rows:
        key = tuple(row[k] for k in table.key)
        found = existing.get(key)
        if found is None:
            new.append({"la_id": la_id, **row})
            continue
        stored = dict(zip(columns, found[1 + len(key_columns):], strict=True))
        changes = {c: row[c] for c in columns if c in row and row[c] != stored[c] and not (table.fill_only and stored[c] not in ("", None))}
        if table.fill_only:
            changes = {c: v for c, v in changes.items() if v not in ("", None)}
        if changes:
            changed.append({"id": found[0], **changes})
        else:
            written.unchanged += 1
    for start in range(0, len(new), BATCH):
        await session.execute(insert(model), new[start:start + BATCH])
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for change in changed:
        by_columns[tuple(sorted(change))].append(change)
    for same in by_columns.values():  # one statement per set of changed columns, run for many rows
        for start in range(0, len(same), BATCH):
            await session.execute(update(model), same[start:start + BATCH])
    written.added += len(new)
    written.changed += len(changed)


async def write_file(session: AsyncSession, la_id: int, file: str, parts: Sequence[tuple[Table, Parsed]]) -> Written:
    """One file's rows as one transaction: all written, or none when the file refused any row."""
    written = Written(file, rejections=sorted(r for _, parsed in parts for r in parsed.rejections))
    if written.refused:
        await session.rollback()
        return written
    try:
        for table, parsed in parts:
            await _merge(session, la_id, table, parsed.rows, written)
        await commit_command(session)
    except BaseException:
        await session.rollback()
        raise
    return written
