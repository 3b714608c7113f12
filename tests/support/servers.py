"""A real `portal serve` process on loopback."""

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from portal.settings import ROOT
from tests.support.mail import free_port
from tests.support.processes import portal_command, serving

SECRET_KEY = "test-secret-for-signed-cookies"


@contextmanager
def portal_server(database_url: str, *, demo: bool = True, port: int | None = None, **settings: str) -> Iterator[str]:
    """A real `portal serve` process (in demo mode unless told otherwise); yields its base URL.
    `settings` are more PORTAL_* variables, named without the prefix."""
    port = port or free_port()
    env = {**os.environ, "PORTAL_DATABASE_URL": database_url, "PORTAL_DEMO": "true" if demo else "false", "PORTAL_PORT": str(port),
           "PORTAL_SECRET_KEY": SECRET_KEY, **{f"PORTAL_{name.upper()}": value for name, value in settings.items()}}
    process = subprocess.Popen(
        portal_command("serve"), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    with serving(process, f"{base}/healthz", "portal serve"):
        yield base
