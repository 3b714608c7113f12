"""Serving processes: `portal serve --workers 2` answers from two processes listening on the port, and each
serving process freezes what start-up left alive out of the collector's reach (portal/heap.py)."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from portal import heap
from portal.settings import ROOT
from tests.support.mail import free_port
from tests.support.processes import portal_command, serving

LISTEN, ESTABLISHED = "0A", "01"


def _sockets(port: int, state: str) -> set[str]:
    """Inodes of the IPv4 TCP sockets on local port `port` in `state` (from /proc/net/tcp)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == state:
            found.add(fields[9])
    return found


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _children(pid: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def _healthz(connection: socket.socket, port: int) -> bytes:
    connection.sendall(f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    answer = b""
    while b"\r\n\r\n" not in answer or not answer.endswith(b"}"):
        chunk = connection.recv(4096)
        assert chunk, answer
        answer += chunk
    return answer


def test_serve_with_two_workers_answers_from_two_processes(tmp_path: Path, sqlite_template: Path):
    shutil.copy(sqlite_template, tmp_path / "portal.db")
    port = free_port()
    env = {**os.environ, "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'portal.db'}", "PORTAL_PORT": str(port), "PORTAL_HOST": "127.0.0.1",
           "PORTAL_DEMO": "true", "PORTAL_SECRET_KEY": "test-secret-for-signed-cookies"}
    process = subprocess.Popen([*portal_command("serve"), "--workers", "2"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Each worker builds its own application: under load two start-ups take longer than one.
    with serving(process, f"http://127.0.0.1:{port}/healthz", "portal serve --workers 2", within=120):
        # Each worker listens on a socket of its own (portal.ports), so the kernel spreads connections
        # over them: with one shared socket, connections opened together could all go to one worker.
        deadline = time.monotonic() + 90
        while len(listening := _sockets(port, LISTEN)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)  # the other worker still starting
        workers = {pid: listening & _socket_inodes(pid) for pid in _children(process.pid) if listening & _socket_inodes(pid)}
        assert len(listening) == 2 and sorted(map(len, workers.values())) == [1, 1], (listening, workers)
        # Sixteen connections opened together, each asked for /healthz while all are open: both workers
        # answer some (all sixteen hashed to one socket would happen once in 30,000 runs).
        connections = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(16)]
        try:
            assert all(_healthz(connection, port).startswith(b"HTTP/1.1 200") for connection in connections)
            open_ones = _sockets(port, ESTABLISHED)
            served = {pid for pid in workers if open_ones & _socket_inodes(pid)}
        finally:
            for connection in connections:
                connection.close()
        assert served == set(workers)


def test_a_serving_process_freezes_what_start_up_left_alive(tmp_path: Path, sqlite_template: Path):
    shutil.copy(sqlite_template, tmp_path / "portal.db")
    script = "import gc; from portal.serving import application; application(); print(gc.get_freeze_count(), *gc.get_threshold())"
    env = {**os.environ, "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'portal.db'}"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    frozen, *thresholds = (int(n) for n in result.stdout.split())
    assert frozen > 50_000  # the modules, the schema and the templates: far more than a bare interpreter holds
    assert tuple(thresholds) == (heap.YOUNGEST, heap.MIDDLE, heap.OLDEST)


def test_an_idle_connection_stays_open_longer_than_the_proxy_keeps_it(tmp_path: Path, sqlite_template: Path):
    """Past uvicorn's own 5 s (PORTAL_KEEP_ALIVE_SECONDS, 75 s by default, outlasts the proxy's 60 s), so a
    proxy reusing an idle connection never sends on one the portal is closing."""
    shutil.copy(sqlite_template, tmp_path / "portal.db")
    port = free_port()
    env = {**os.environ, "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'portal.db'}", "PORTAL_PORT": str(port), "PORTAL_HOST": "127.0.0.1",
           "PORTAL_SECRET_KEY": "test-secret-for-signed-cookies"}
    process = subprocess.Popen(portal_command("serve"), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with serving(process, f"http://127.0.0.1:{port}/healthz", "portal serve", within=120):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            assert _healthz(connection, port).startswith(b"HTTP/1.1 200")
            time.sleep(6)
            assert _healthz(connection, port).startswith(b"HTTP/1.1 200")
