"""`portal` commands in child processes whose wall clock stands at the portal clock's instant,
so that servers and workers started by a test live in the test's pinned time."""

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from portal import clock

_AT = "import sys, time_machine; time_machine.travel(float(sys.argv.pop(1)), tick=sys.argv.pop(1) == 'tick').start(); from portal.cli import app; app()"


def portal_command(*args: str, tick: bool = False) -> list[str]:
    """The command, with its clock standing at the portal clock's instant; with `tick`, starting there and
    running on (for a worker whose back-offs and leases must run out while it runs)."""
    return [sys.executable, "-c", _AT, str(clock.now().timestamp()), "tick" if tick else "stand", *args]


@contextmanager
def serving(process: subprocess.Popen[bytes], ready_url: str, name: str, poll: float = 0.2, within: float = 30,
            log: Path | None = None) -> Iterator[None]:
    """Wait until `ready_url` answers 200 (at most `within` seconds), then stop the process when the block ends.
    `log` is the file its standard error goes to, when not to a pipe."""
    try:
        deadline = time.monotonic() + within
        while True:
            if process.poll() is not None:
                said = log.read_bytes() if log else process.stderr.read()  # type: ignore[union-attr]
                raise RuntimeError(f"{name} exited: {said.decode(errors='replace')[-2000:]}")
            try:
                if httpx.get(ready_url, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not start within {within:.0f} s")
            time.sleep(poll)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
