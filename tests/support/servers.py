"""A real `portal serve` process on loopback."""

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal.settings import ROOT
from tests.support.mail import free_port
from tests.support.processes import portal_command, serving

SECRET_KEY = "test-secret-for-signed-cookies"


@dataclass
class Served:
    base: str
    process: subprocess.Popen[bytes]
    log: Path


def _env(database_url: str, demo: bool, port: int, settings: dict[str, str]) -> dict[str, str]:
    return {**os.environ, "PORTAL_DATABASE_URL": database_url, "PORTAL_DEMO": "true" if demo else "false", "PORTAL_PORT": str(port),
            "PORTAL_SECRET_KEY": SECRET_KEY, **{f"PORTAL_{name.upper()}": value for name, value in settings.items()}}


@contextmanager
def portal_processes(database_url: str, count: int = 1, *, demo: bool = True, port: int | None = None, env: dict[str, str] | None = None,
                     within: float = 120, **settings: str) -> Iterator[list[Served]]:
    """`count` real `portal serve` processes on one database, started together (in demo mode unless told
    otherwise), with their processes for a test that kills one. `settings` are more PORTAL_* variables,
    named without the prefix; `env` any other variables. Standard error goes to a file, not a pipe, so a
    server logging many errors never blocks on it; its standard output (the JSON logs) goes there too."""
    with tempfile.TemporaryDirectory(prefix="portal-serve-") as folder, ExitStack() as running:
        started = []
        for n in range(count):
            log = Path(folder) / f"stderr-{n}"
            port = (port if n == 0 else None) or free_port()
            with log.open("wb") as stderr:
                process = subprocess.Popen(
                    portal_command("serve"), cwd=ROOT, env={**_env(database_url, demo, port, settings), **(env or {})},
                    stdout=stderr, stderr=stderr,
                )
            started.append(Served(f"http://127.0.0.1:{port}", process, log))
        for served in started:  # each waits while the others go on starting
            running.enter_context(serving(served.process, f"{served.base}/healthz", "portal serve", within=within, log=served.log))
        yield started


@contextmanager
def portal_process(database_url: str, **options: Any) -> Iterator[Served]:
    """One real `portal serve` process, as portal_processes starts them."""
    with portal_processes(database_url, 1, **options) as (served,):
        yield served


@contextmanager
def portal_server(database_url: str, *, demo: bool = True, port: int | None = None, **settings: str) -> Iterator[str]:
    """A real `portal serve` process (in demo mode unless told otherwise); yields its base URL.
    `settings` are more PORTAL_* variables, named without the prefix."""
    with portal_process(database_url, demo=demo, port=port, **settings) as served:
        yield served.base
