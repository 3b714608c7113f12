import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from portal.db import Database
from tests.support.world import World, build_world


@pytest.fixture
async def sqlite_world(sqlite_template: Path, tmp_path: Path) -> AsyncIterator[tuple[str, Database, World]]:
    """The world in SQLite only, for tests whose subject does not depend on the database."""
    path = tmp_path / "portal.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    database = Database(url)
    async with database.session() as session:
        world = await build_world(session)
    yield url, database, world
    await database.dispose()
