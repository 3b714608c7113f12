"""The hash chain: each row stores the previous row's hash and the sha256 of its own content with it,
so editing, deleting or reordering a row breaks every link after it.

One chain for the whole database. Appends are serialised for the rest of the appending transaction:
on PostgreSQL by a transaction-scoped advisory lock, on SQLite by taking the database's write lock."""

import hashlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from portal.accesslog.models import AccessLogEntry

GENESIS = "0" * 64
APPEND_LOCK = 0x6163636C6F67  # any constant; every appender uses the same one


class LogUnavailable(Exception):
    """The log row could not be written, so the change or the data it would record is not given out."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def content(entry: AccessLogEntry) -> bytes:
    """The row's content in one canonical form: sorted keys, no spaces, UTC time to the microsecond.
    The API token when one acted, and the request id when a request caused it, are part of it (rows
    without them hash as they did before either was recorded)."""
    token_id = getattr(entry, "api_token_id", None)  # rows as migration 0008 reads them have none
    request_id = getattr(entry, "request_id", None)
    optional = {"api_token_id": token_id} if token_id is not None else {}
    if request_id is not None:
        optional["request_id"] = request_id
    return json.dumps(
        {
            **optional,
            "at": entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "person_id": entry.person_id,
            "action": entry.action,
            "operation_type": entry.operation_type,
            "operation_name": entry.operation_name,
            "fields": entry.fields,
            "child_ids": entry.child_ids,
            "contribution_ids": entry.contribution_ids,
        },
        sort_keys=True, separators=(",", ":"), ensure_ascii=False,
    ).encode()


def digest(entry: AccessLogEntry, prev_hash: str) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + content(entry)).hexdigest()


async def _hold_append_lock(session: AsyncSession) -> None:
    if session.bind.dialect.name == "postgresql":
        await session.execute(select(text(f"pg_advisory_xact_lock({APPEND_LOCK})")))
    else:
        # A statement that writes nothing still takes SQLite's write lock, so no other connection
        # can append between reading the chain's head and inserting after it.
        await session.execute(text("DELETE FROM access_log WHERE 0"))


async def append(session: AsyncSession, *entries: AccessLogEntry) -> None:
    """Add the entries, in order, to the chain inside the session's transaction; they are kept only if that commits."""
    await _hold_append_lock(session)
    head = await session.scalar(select(AccessLogEntry.hash).order_by(AccessLogEntry.id.desc()).limit(1)) or GENESIS
    for entry in entries:
        entry.prev_hash = head
        entry.hash = head = digest(entry, head)
    session.add_all(entries)
    await session.flush()


@dataclass(frozen=True)
class Verdict:
    rows: int
    head: str
    broken_at: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


async def _rows(session: AsyncSession, batch: int = 1000) -> AsyncIterator[AccessLogEntry]:
    last = 0
    while True:
        rows = (await session.execute(
            select(AccessLogEntry).where(AccessLogEntry.id > last).order_by(AccessLogEntry.id).limit(batch)
        )).scalars().all()
        for row in rows:
            yield row
        if len(rows) < batch:
            return
        last = rows[-1].id  # type: ignore[assignment]
        session.expunge_all()


async def verify(session: AsyncSession) -> Verdict:
    """Walk the chain in id order; the first row whose link or hash does not hold is reported."""
    previous, count = GENESIS, 0
    async for row in _rows(session):
        if row.prev_hash != previous:
            why = "the row before it was deleted, or the rows were reordered" if count else "the rows before it were deleted"
            return Verdict(count, previous, row.id, f"it does not follow the row before it ({why})")
        if row.hash != digest(row, row.prev_hash):
            return Verdict(count, previous, row.id, "its content does not match its hash (the row was edited)")
        previous, count = row.hash, count + 1
    return Verdict(count, previous)
