"""`portal` commands in child processes whose wall clock stands at the portal clock's instant,
so that servers and workers started by a test live in the test's pinned time."""

import sys

from portal import clock

_AT = "import sys, time_machine; time_machine.travel(float(sys.argv.pop(1)), tick=False).start(); from portal.cli import app; app()"


def portal_command(*args: str) -> list[str]:
    return [sys.executable, "-c", _AT, str(clock.now().timestamp()), *args]
