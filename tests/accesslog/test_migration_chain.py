"""Migration 0008 chains the rows written before it, so a log from before the chain verifies."""

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from portal.accesslog import verify
from portal.db import Database
from portal.migrate import alembic_config, upgrade
from portal.settings import sync_url
from tests.support.databases import BACKENDS, new_postgres_database

OLD_ROWS = [
    ("2026-11-30 09:00:00.123456+00", "query", "Dashboard", ["conferences"], [1, 2]),
    ("2026-11-30 09:01:00+00", "mutation", "", ["saveDraft"], []),
    ("2026-11-30 09:02:00.5+00", "export", "audit round 1 csv", ["auditRoundExport"], [3]),
]


@pytest.fixture(params=BACKENDS)
def url_at_0005(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database migrated to the newest schema, then its access log taken back to before the chain."""
    if request.param == "sqlite":
        path = tmp_path / "portal.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
        command.downgrade(alembic_config(url), "0005_access_log")
        yield url
        return
    with new_postgres_database() as url:
        command.downgrade(alembic_config(url), "0005_access_log")
        yield url


async def test_rows_from_before_the_chain_are_chained_in_order_and_verify(url_at_0005: str, tmp_path: Path):
    engine = create_engine(sync_url(url_at_0005))
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO region (slug, name) VALUES ('northmoor', 'Northmoor')"))
        region = connection.execute(text("SELECT id FROM region")).scalar_one()
        connection.execute(text(f"INSERT INTO organisation (region_id, agency_id, name, code) VALUES ({region}, 'gp', 'Riverside Surgery', 'GP1')"))
        organisation = connection.execute(text("SELECT id FROM organisation")).scalar_one()
        connection.execute(text(f"INSERT INTO person (organisation_id, name, email, job_title) VALUES ({organisation}, 'A Chair', 'a@example.org', 'Chair')"))
        person = connection.execute(text("SELECT id FROM person")).scalar_one()
        for at, kind, name, fields, children in OLD_ROWS:
            connection.execute(
                text("INSERT INTO access_log (at, person_id, operation_type, operation_name, fields, child_ids) VALUES (:at, :p, :k, :n, :f, :c)"),
                {"at": at, "p": person, "k": kind, "n": name, "f": json.dumps(fields), "c": json.dumps(children)},
            )
    engine.dispose()
    upgrade(url_at_0005)
    database = Database(url_at_0005)
    async with database.session() as session:
        found = await verify(session)
        actions = (await session.execute(text("SELECT action FROM access_log ORDER BY id"))).scalars().all()
    await database.dispose()
    assert (found.ok, found.rows) == (True, 3)
    assert actions == ["read", "write", "read"]
    engine = create_engine(sync_url(url_at_0005))
    for statement in ("UPDATE access_log SET person_id = person_id", "DELETE FROM access_log"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
    engine.dispose()
