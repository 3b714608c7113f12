"""The fault tests run real processes, which is slow, so each runs once: on PostgreSQL, the database
production runs on, when the suite has one, and on SQLite otherwise."""

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from portal.db import Database
from tests.support.databases import PG_URL, truncate
from tests.support.world import World, build_world


@pytest.fixture
def served_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if PG_URL:
        url = request.getfixturevalue("postgres_database")
        truncate(url)
        return url
    path = tmp_path / "portal.db"
    shutil.copy(request.getfixturevalue("sqlite_template"), path)
    return f"sqlite:///{path}"


@pytest.fixture
async def served_database(served_url: str) -> AsyncIterator[Database]:
    database = Database(served_url)
    yield database
    await database.dispose()


@pytest.fixture
async def served_world(served_database: Database) -> World:
    async with served_database.session() as session:
        return await build_world(session)
