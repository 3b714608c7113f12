"""Stand-in parse jobs that run in the worker process, for tests of the worker itself."""

import time
from pathlib import Path

from portal.ingest.document import IngestResult


def _path(data: bytes) -> Path:
    return Path(data.splitlines()[1].decode())


def wait_for_file(data, agency, limits) -> IngestResult:
    """Busy until the file named on the data's second line exists: a parse that takes as long as the test wants."""
    while not _path(data).exists():
        time.sleep(0.01)
    return IngestResult(1, [], "done", [1], [])


def spin_forever(data, agency, limits) -> IngestResult:
    while True:
        pass


def allocate(data, agency, limits) -> IngestResult:
    hoard = bytearray(4 * 1024 * 1024 * 1024)
    return IngestResult(len(hoard), [], "", [], [])


def crash(data, agency, limits) -> IngestResult:
    import os

    os._exit(3)


def envelope(path: Path | str = "-") -> bytes:
    return b"%PDF-1.7\n" + str(path).encode() + b"\n%%EOF\n"


def announce_then_wait_for_file(data, agency, limits) -> IngestResult:
    """Like wait_for_file, but first creates `<file>.started` so a test knows the parse is under way."""
    _path(data).with_suffix(".started").touch()
    return wait_for_file(data, agency, limits)


def meet_another_parse(data, agency, limits) -> IngestResult:
    """Notes "start" and "end" in the file named on the data's second line. In between it waits
    (at most 10 s) for a second parse to start, so two parses' notes interleave only when they run at once."""
    events = _path(data)
    _note(events, "start")
    deadline = time.monotonic() + 10
    while events.read_text().split().count("start") < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    _note(events, "end")
    return IngestResult(1, [], "done", [1], [])


def _note(events: Path, event: str) -> None:
    with events.open("a") as file:
        file.write(f"{event}\n")


def report_niceness(data, agency, limits) -> IngestResult:
    import os

    return IngestResult(1, [], str(os.nice(0)), [1], [])
