"""Test databases: every data test runs on SQLite and, when PORTAL_TEST_DATABASE_URL is set, on
PostgreSQL too (a fresh database per run, dropped afterwards); a Chromium journey runs on the last
of those only. The schema comes from the migrations."""

import shutil
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from portal import clock
from portal.clock import FixedClock
from portal.migrate import upgrade
from tests.support.databases import BACKENDS, new_postgres_database, truncate

# Every test runs at this instant (a Monday in term time, far from bank holidays) unless it moves the clock.
PINNED = datetime(2026, 10, 12, 9, 0, tzinfo=UTC)

pytest_plugins = ["tests.support.wall_clocks"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--wall-clock", metavar="ISO-DATE-TIME",
                     help="Move this process's wall clock to that instant for the whole run (the portal's clock stays pinned).")


def pytest_configure(config: pytest.Config) -> None:
    if moved := config.getoption("--wall-clock"):
        time_machine.travel(datetime.fromisoformat(moved), tick=True).start()


@pytest.fixture(autouse=True)
def frozen() -> Iterator[FixedClock]:
    """The portal's clock, pinned; a test moves it with `frozen.move_to(...)` or `frozen.advance(...)`."""
    pinned = FixedClock(PINNED)
    previous = clock.install(pinned)
    yield pinned
    clock.install(previous)


@pytest.fixture
def smtp_port() -> int:
    from tests.support.mail import free_port

    return free_port()


@pytest.fixture
def inbox(smtp_port: int) -> Iterator["Inbox"]:  # noqa: F821
    """A real SMTP server on loopback at `smtp_port`, keeping what it is sent."""
    from tests.support.mail import running_inbox

    with running_inbox(smtp_port) as inbox:
        yield inbox


@pytest.fixture
async def browser() -> AsyncIterator["Browser"]:  # noqa: F821
    """A Chromium (tests/support/browser.py); a test that takes it runs on one database only (below)."""
    from tests.support.browser import chromium

    async with chromium() as found:
        yield found


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "portal.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    with new_postgres_database() as url:
        yield url


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "database_url" in metafunc.fixturenames:
        # A Chromium journey runs once, on the production database when there is one: the in-process
        # page tests, which read and write the same way, run on both.
        backends = BACKENDS[-1:] if "browser" in metafunc.fixturenames else BACKENDS
        metafunc.parametrize("database_url", backends, indirect=True)


# Tests that take these (a Chromium, served processes under load) run for tens of seconds: they start
# first, so that no worker is left running one alone at the end of a run.
SLOW_FIXTURES = {"browser", "served_url"}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())))


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "portal.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgres_database")
    truncate(url)
    return url


@pytest.fixture
async def database(database_url: str) -> AsyncIterator["Database"]:  # noqa: F821
    from portal.db import Database

    db = Database(database_url)
    yield db
    await db.dispose()


@pytest.fixture
async def world(database: "Database") -> "World":  # noqa: F821
    from tests.support.world import build_world

    async with database.session() as session:
        return await build_world(session)


@pytest.fixture
async def api(database: "Database", tmp_path: Path) -> AsyncIterator["Api"]:  # noqa: F821
    from tests.support.api import Api

    async with Api.running(database) as client:
        yield client
