"""A real `portal serve` process on loopback."""

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from portal.settings import ROOT
from tests.support.processes import portal_command

SECRET_KEY = "test-secret-for-signed-cookies"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def portal_server(database_url: str, *, demo: bool = True, port: int | None = None, **settings: str) -> Iterator[str]:
    """A real `portal serve` process (in demo mode unless told otherwise); yields its base URL.
    `settings` are more PORTAL_* variables, named without the prefix."""
    port = port or _free_port()
    env = {**os.environ, "PORTAL_DATABASE_URL": database_url, "PORTAL_DEMO": "true" if demo else "false", "PORTAL_PORT": str(port),
           "PORTAL_SECRET_KEY": SECRET_KEY, **{f"PORTAL_{name.upper()}": value for name, value in settings.items()}}
    process = subprocess.Popen(
        portal_command("serve"), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"portal serve exited: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("portal serve did not start within 30 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
