"""Reading the access log back, and making it refuse new rows, as a full disk or a broken constraint would."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import select, text

from portal.accesslog import AccessLogEntry
from portal.contributions.models import Contribution
from portal.db import Database


async def logged(database: Database) -> list[AccessLogEntry]:
    async with database.session() as session:
        return list((await session.execute(select(AccessLogEntry).order_by(AccessLogEntry.id))).scalars())


async def drafts(database: Database) -> list[dict[str, str]]:
    async with database.session() as session:
        return list((await session.execute(select(Contribution.sections))).scalars())


async def _run(database: Database, *statements: str) -> None:
    async with database.session() as session:
        for statement in statements:
            await session.execute(text(statement))
        await session.commit()


@asynccontextmanager
async def log_refusing_rows(database: Database) -> AsyncIterator[None]:
    postgres = database.engine.dialect.name == "postgresql"
    if postgres:
        await _run(
            database,
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'log unavailable'; END $$",
            "CREATE TRIGGER refuse BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION refuse()",
        )
    else:
        await _run(database, "CREATE TRIGGER refuse BEFORE INSERT ON access_log BEGIN SELECT RAISE(ABORT, 'log unavailable'); END")
    try:
        yield
    finally:
        await _run(database, "DROP TRIGGER refuse ON access_log", "DROP FUNCTION refuse()") if postgres else await _run(database, "DROP TRIGGER refuse")


@asynccontextmanager
async def append_only_lifted(database: Database) -> AsyncIterator[None]:
    """What an attacker with the database's owner account can do: drop the triggers, then put them back."""
    if database.engine.dialect.name == "postgresql":
        await _run(database, "DROP TRIGGER access_log_append_only ON access_log")
        restore = ["CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()"]
    else:
        await _run(database, "DROP TRIGGER access_log_no_update", "DROP TRIGGER access_log_no_delete")
        restore = [
            f"CREATE TRIGGER access_log_no_{a.lower()} BEFORE {a} ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END"
            for a in ("UPDATE", "DELETE")
        ]
    try:
        yield
    finally:
        await _run(database, *restore)


async def tamper(database: Database, *statements: str) -> None:
    async with append_only_lifted(database):
        await _run(database, *statements)
