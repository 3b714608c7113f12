import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from portal.db import Database
from tests.support.mail import Inbox, free_port
from tests.support.world import World, build_world


@pytest.fixture
def smtp_port() -> int:
    return free_port()


@pytest.fixture
def inbox(smtp_port: int) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    yield inbox
    controller.stop()


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
