"""The date sweep (scripts/test-dates): tests run with this process's wall clock moved to awkward dates
while the portal's clock stays pinned, in one pytest session instead of one per date.

`--wall-clocks D1,D2,...` gives the dates. Each test runs at two of them (chosen by its name, so that
between them the tests cover every date), with the wall clock moved for that test alone, and the run
notes every place the moved clock is read from. Reading the wall clock only to stamp, measure or compare
instants (below) behaves the same on any date, which the two dates prove; a test that reads it anywhere
else (the portal's or a test's own code, or any other library) could depend on the calendar, and
`--wall-clock-readers FILE` writes its name so that a second session given `--wall-clock-rest FILE`
runs it at every other date too.
"""

import json
import sys
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import time_machine

# Where a read only stamps, measures or compares instants: that works the same on any date.
MEASURING = (
    "/_pytest/",  # pytest's own durations
    "/sqlalchemy/pool/",  # a connection's age
    "/prometheus_client/",  # when a metric was created
    "/logging/__init__.py",  # a log record's time
    "/limits/",  # rate-limit windows
    "/requests/sessions.py",  # a response's elapsed time
    "/http/cookiejar.py",  # whether a cookie has expired
    "/http/cookies.py",  # a cookie's expiry instant, written out
    "/http/server.py",  # a response's Date header
    "/notifications_python_client/authentication.py",  # the token's issued-at, checked against the same clock
)
_TIME_MACHINE = str(Path(time_machine.__file__).parent)
PER_TEST = 2


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--wall-clocks", metavar="ISO,ISO,...", help="Run each test at two of these wall-clock instants (the portal's clock stays pinned).")
    parser.addoption("--wall-clock-readers", metavar="FILE", help="With --wall-clocks: write the tests that read the wall clock other than to stamp, measure or compare instants.")
    parser.addoption("--wall-clock-rest", metavar="FILE", help="With --wall-clocks: run only the tests named in FILE, at every date they have not run at.")


def _dates(config: pytest.Config) -> list[str]:
    given = config.getoption("--wall-clocks")
    return given.split(",") if given else []


def _first_dates(function: str, dates: list[str]) -> list[str]:
    first = zlib.crc32(function.encode()) % len(dates)
    return [dates[(first + k * len(dates) // PER_TEST) % len(dates)] for k in range(PER_TEST)]


def _name(item: pytest.Item) -> str:
    """The test without its wall clock: the same in both sessions."""
    params = getattr(item, "callspec", None)
    others = sorted((k, repr(v)) for k, v in (params.params.items() if params else ()) if k != "wall_clock")
    return f"{item.nodeid.split('[')[0]} {others}"


class _Reads:
    """Where the moved wall clock is read from, since the last test."""

    def __init__(self) -> None:
        self.sites: set[str] = set()
        measured = time_machine.Traveller.time_ns

        def time_ns(traveller: time_machine.Traveller) -> int:
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_filename.startswith(_TIME_MACHINE):
                frame = frame.f_back
            if frame is not None and not any(site in frame.f_code.co_filename for site in MEASURING):
                self.sites.add(f"{frame.f_code.co_filename}:{frame.f_lineno}")
            return measured(traveller)

        time_machine.Traveller.time_ns = time_ns  # type: ignore[method-assign]

    def take(self) -> list[str]:
        taken, self.sites = sorted(self.sites), set()
        return taken


def pytest_configure(config: pytest.Config) -> None:
    if dates := _dates(config):
        config.stash[_READS] = _Reads()
        # Collection and anything between tests see a moved clock too (its reads count towards the next test).
        time_machine.travel(datetime.fromisoformat(dates[0]), tick=True).start()


_READS = pytest.StashKey[_Reads]()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "wall_clock" in metafunc.fixturenames and (dates := _dates(metafunc.config)):
        first = _first_dates(metafunc.definition.nodeid, dates)
        chosen = [d for d in dates if d not in first] if metafunc.config.getoption("--wall-clock-rest") else first
        metafunc.parametrize("wall_clock", chosen, indirect=True, ids=[f"wall{d[:16]}" for d in chosen])


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if rest := config.getoption("--wall-clock-rest"):
        readers = set(json.loads(Path(rest).read_text(encoding="utf-8")))
        keep = [item for item in items if _name(item) in readers]
        config.hook.pytest_deselected(items=[item for item in items if _name(item) not in readers])
        items[:] = keep


@pytest.fixture(autouse=True)
def wall_clock(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """The wall-clock instant this test runs at in the date sweep (None outside it)."""
    at = getattr(request, "param", None)
    if at is None:
        yield None
        return
    with time_machine.travel(datetime.fromisoformat(at), tick=True):
        yield at


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if call.when == "teardown" and _READS in item.config.stash:
        if sites := item.config.stash[_READS].take():
            report.user_properties.append(("wall_clock_reads", [_name(item), sites]))
    return report


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for key, value in report.user_properties:
        if key == "wall_clock_reads":
            name, sites = value
            _readers.setdefault(name, sorted(set(sites)))


_readers: dict[str, list[str]] = {}


def pytest_sessionfinish(session: pytest.Session) -> None:
    if (path := session.config.getoption("--wall-clock-readers")) and not hasattr(session.config, "workerinput"):
        Path(path).write_text(json.dumps(_readers, indent=1, sort_keys=True), encoding="utf-8")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    if config.getoption("--wall-clock-readers"):
        terminalreporter.write_line(f"{len(_readers)} tests read the wall clock other than to stamp, measure or compare instants: they run at every date.")
