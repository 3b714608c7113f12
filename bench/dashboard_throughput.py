"""Throughput of the chair's dashboard on a real `portal serve`, with 1 and 2 worker processes,
against the code as it was before (a baseline revision) on the same database under the same load.

Seeds a large region (bench/large_region.py, default 100,000 conferences) into SQLite and, when
PORTAL_TEST_DATABASE_URL is set, into a new PostgreSQL database on that server (a unique name
starting portal_throughput_bench, dropped afterwards). For each database it starts `portal serve`
and, from a temporary `git worktree` of the baseline revision (removed afterwards), that
revision's `portal serve` with one process, and sends the named operation ChairUpcoming (50
conferences) as one chair over 1, 8 and 32 keep-alive connections for a few seconds each,
alternating between the two; then the same to `portal serve --workers 2`. It prints requests/s,
p50, p95 and p95/p50 for each, how busy the machine's CPU was and the serving processes' CPU time per
request (with 2 workers, how many of the connections each process held),
current/baseline requests/s and the 2-worker/1-worker ratio.

The load comes from wrk (Debian's package; scripts/setup installs it), a C load generator that
leaves the two cores to the servers. Every answer is compared with the one the server gave
before the load: answers that are not 200 or differ (an error included) are counted and shown,
and the current and baseline answers must be identical.

    .venv/bin/python bench/dashboard_throughput.py [--conferences 100000] [--seconds 10] [--connections 1 8 32] [--baseline REV]
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import create_engine, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.large_region import scratch_database, seed_large_region  # noqa: E402
from portal.demo_identity import HEADER  # noqa: E402
from portal.edge.operations import documents  # noqa: E402
from portal.enums import Role  # noqa: E402
from portal.people.models import PersonRole  # noqa: E402
from portal.settings import sync_url  # noqa: E402

OPERATION = "ChairUpcoming"
SCRIPT = ROOT / "bench" / "dashboard_throughput.lua"
WARM_UP = 2  # seconds at the most connections before measuring
START_UP = 240  # seconds: each worker builds its own application, slowly on a loaded machine
# The code as it was when the dashboard's throughput was first measured (issue 17).
BASELINE = "aad3620^"


@dataclass
class Server:
    label: str
    process: subprocess.Popen[bytes]
    port: int
    answer: bytes
    split: list[int] = field(default_factory=list)  # connections held by each worker process, during the last load


@dataclass
class Load:
    rate: float  # answered as expected, per second
    p50: float
    p95: float
    p99: float
    failures: int
    sample: str
    busy: float  # the share of the machine's CPU time that was busy during the load
    cpu_ms: float  # CPU time of the serving processes, per answered request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_chair(url: str) -> int:
    engine = create_engine(sync_url(url))
    with engine.connect() as connection:
        chair = connection.execute(select(PersonRole.person_id).where(PersonRole.role == Role.CHAIR).order_by(PersonRole.person_id)).scalars().first()
    engine.dispose()
    assert chair is not None
    return chair


@contextmanager
def checkout(revision: str) -> Iterator[Path]:
    """The revision's files in a temporary worktree, with this checkout's npm packages."""
    parent = Path(tempfile.mkdtemp(prefix="portal-baseline-"))
    path = parent / "portal"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), revision], check=True, capture_output=True)
    try:
        if (ROOT / "node_modules").exists():
            (path / "node_modules").symlink_to(ROOT / "node_modules")
        yield path
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(path)], check=True, capture_output=True)
        shutil.rmtree(parent, ignore_errors=True)


def start_server(label: str, code: Path, url: str, chair: int, body: bytes, workers: int | None = None) -> Server:
    """`portal serve` from the code in `code` (workers None: the option is not given, as a
    revision that has none needs), once it answers the dashboard."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(code), "PORTAL_DATABASE_URL": url, "PORTAL_DEMO": "true", "PORTAL_PORT": str(port), "PORTAL_HOST": "127.0.0.1"}
    command = [sys.executable, "-c", "from portal.cli import app; app()", "serve", *(["--workers", str(workers)] if workers else [])]
    process = subprocess.Popen(command, cwd=code, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_UP
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{label}: portal serve exited")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                answer = httpx.post(f"http://127.0.0.1:{port}/graphql", content=body, headers={"content-type": "application/json", HEADER: str(chair)}, timeout=60)
                assert answer.status_code == 200 and b'"errors"' not in answer.content, (label, answer.status_code, answer.content[:300])
                return Server(label, process, port, answer.content)
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    stop_server(process)
    raise RuntimeError(f"{label}: portal serve did not start within {START_UP} s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def connections_per_process(server: Server) -> list[int]:
    """How many of the connections to the server's port each of its serving processes (those listening
    on it) holds, from /proc, most first."""
    sockets: dict[str, set[str]] = {"01": set(), "0A": set()}  # established, listening
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].rsplit(":", 1)[1], 16) == server.port and fields[3] in sockets:
            sockets[fields[3]].add(f"socket:[{fields[9]}]")
    held = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == server.process.pid:
                fds = {os.readlink(fd) for fd in (stat.parent / "fd").iterdir()}
                if fds & sockets["0A"]:
                    held.append(len(fds & sockets["01"]))
        except OSError:
            continue
    return sorted(held, reverse=True)


TICK = os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[int, int]:
    """Busy and all CPU time of the machine so far, in ticks (/proc/stat)."""
    ticks = [int(t) for t in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = ticks[3] + ticks[4]  # idle, iowait
    return sum(ticks) - idle, sum(ticks)


def serving_cpu(server: Server) -> float:
    """CPU seconds the server's process and its children (the worker processes) have used so far."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = int(stat.parent.name), stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, ValueError):
            continue
        if pid == server.process.pid or int(rest[1]) == server.process.pid:
            total += int(rest[11]) + int(rest[12])  # utime, stime
    return total / TICK


def wrk(server: Server, chair: int, body: Path, connections: int, seconds: float) -> Load:
    with tempfile.NamedTemporaryFile(suffix=".json") as expected:
        expected.write(server.answer)
        expected.flush()
        command = [
            "wrk", "--threads", "1", "--connections", str(connections), "--duration", f"{max(1, round(seconds))}s", "--timeout", "60s",
            "--script", str(SCRIPT), f"http://127.0.0.1:{server.port}/graphql", "--", str(body), HEADER, str(chair), expected.name,
        ]
        machine, serving = machine_cpu(), serving_cpu(server)
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as running:
            time.sleep(min(1, seconds / 2))
            server.split = connections_per_process(server)
            output, errors = running.communicate()
        (busy_after, all_after), serving_after = machine_cpu(), serving_cpu(server)
        assert running.returncode == 0, errors
    figures = dict(line.split(" ", 1) for line in output.splitlines() if " " in line and line.split(" ", 1)[0].isidentifier())
    requests, failures = int(figures["requests"]), int(figures["failures"])
    answered = max(1, requests - failures)
    return Load(
        rate=(requests - failures) / float(figures["seconds"]), p50=float(figures["p50"]), p95=float(figures["p95"]), p99=float(figures["p99"]),
        failures=failures + int(figures["socket_errors"]), sample=figures["sample"].strip(),
        busy=(busy_after - machine[0]) / max(1, all_after - machine[1]), cpu_ms=(serving_after - serving) * 1000 / answered,
    )


def report(server: Server, connections: int, load: Load) -> None:
    split = f"   connections per process {'/'.join(map(str, server.split))}" if len(server.split) > 1 else ""
    print(f"  {server.label:<22} {connections:>3} connections: {load.rate:6.1f} requests/s   p50 {load.p50:7.1f} ms   p95 {load.p95:7.1f} ms   p95/p50 {load.p95 / load.p50:4.2f}"
          f"   machine CPU {load.busy:4.0%} busy, serving {load.cpu_ms:5.1f} ms CPU a request" + split + (f"   {load.failures} not the expected answer, e.g. {load.sample}" if load.failures else ""))


def bench(url: str, connections: list[int], seconds: float, baseline: Path | None, revision: str) -> None:
    chair = first_chair(url)
    document = json.dumps({"query": documents()[OPERATION], "operationName": OPERATION, "variables": {"first": 50}}).encode()
    with tempfile.NamedTemporaryFile(suffix=".json") as body:
        body.write(document)
        body.flush()
        path = Path(body.name)
        rates: dict[tuple[str, int], float] = {}
        cpu: dict[tuple[str, int], float] = {}
        servers: list[Server] = []
        try:
            servers.append(start_server("1 worker", ROOT, url, chair, document, workers=1))
            if baseline:
                servers.append(start_server(f"baseline {revision}", baseline, url, chair, document))
                same = servers[0].answer == servers[1].answer
                print(f"  current and baseline answers ({len(servers[0].answer):,} bytes) are {'identical' if same else 'DIFFERENT'}")
            for server in servers:
                wrk(server, chair, path, max(connections), WARM_UP)
            for n in connections:
                for server in servers:
                    load = wrk(server, chair, path, n, seconds)
                    rates[server.label, n], cpu[server.label, n] = load.rate, load.cpu_ms
                    report(server, n, load)
        finally:
            for server in servers:
                stop_server(server.process)
        two = start_server("2 workers", ROOT, url, chair, document, workers=2)
        try:
            wrk(two, chair, path, max(connections), WARM_UP)
            for n in connections:
                load = wrk(two, chair, path, n, seconds)
                rates[two.label, n], cpu[two.label, n] = load.rate, load.cpu_ms
                report(two, n, load)
        finally:
            stop_server(two.process)
    for n in connections:
        against = f"   1 worker / baseline {rates['1 worker', n] / rates[servers[1].label, n]:.2f}x" if baseline else ""
        print(f"  at {n:>3} connections: 2 workers / 1 worker {rates['2 workers', n] / rates['1 worker', n]:.2f}x "
              f"(serving CPU a request {cpu['2 workers', n] / cpu['1 worker', n]:.2f}x){against}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conferences", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--baseline", default=BASELINE, help=f"the revision to compare with ('' for none; default {BASELINE}, the code when issue 17 was filed)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: run scripts/setup (Debian's wrk package).")
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    targets = [("SQLite", f"sqlite:///{ROOT / 'var' / 'throughput_bench.db'}")]
    if pg := os.environ.get("PORTAL_TEST_DATABASE_URL"):
        targets.append(("PostgreSQL", pg.rsplit("/", 1)[0] + "/portal_throughput_bench"))
    with checkout(args.baseline) if args.baseline else nullcontext() as baseline:
        for label, template in targets:
            started = time.perf_counter()
            with scratch_database(template) as url:
                counts = seed_large_region(url, args.conferences)
                print(f"{label}: seeded {', '.join(f'{v:,} {k}' for k, v in counts.items())} in {time.perf_counter() - started:.0f} s; {OPERATION} as one chair")
                bench(url, args.connections, args.seconds, baseline, args.baseline)


if __name__ == "__main__":
    main()
