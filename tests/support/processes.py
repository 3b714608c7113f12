"""`portal` commands in child processes whose wall clock stands at the portal clock's instant,
so that servers and workers started by a test live in the test's pinned time."""

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from portal import clock

_AT = "import sys, time_machine; time_machine.travel(float(sys.argv.pop(1)), tick=False).start(); from portal.cli import app; app()"


def portal_command(*args: str) -> list[str]:
    return [sys.executable, "-c", _AT, str(clock.now().timestamp()), *args]


@contextmanager
def serving(process: subprocess.Popen[bytes], ready_url: str, name: str, poll: float = 0.2, within: float = 30) -> Iterator[None]:
    """Wait until `ready_url` answers 200 (at most `within` seconds), then stop the process when the block ends."""
    try:
        deadline = time.monotonic() + within
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
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
