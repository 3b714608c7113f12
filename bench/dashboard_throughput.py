"""Throughput of the chair's dashboard on a real `portal serve`, with 1 and 2 worker processes.

Seeds a large region (bench/large_region.py, default 100,000 conferences) into SQLite and, when
PORTAL_TEST_DATABASE_URL is set, into a new PostgreSQL database on that server (a unique name
starting portal_throughput_bench, dropped afterwards). For each database it starts `portal serve`
(then `portal serve --workers 2`) on loopback and sends the named operation ChairUpcoming (50
conferences) as one chair over 1, 8 and 32 keep-alive connections for a few seconds each, then
prints requests/s, p50, p95 and p95/p50 for each (answers that are errors are counted apart and
shown), and the 2-worker/1-worker throughput ratio.
The load comes from plain asyncio streams in this process, so the client costs little CPU.

    .venv/bin/python bench/dashboard_throughput.py [--conferences 100000] [--seconds 10] [--connections 1 8 32]
"""

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
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
WARM_UP = 20
START_UP = 240  # seconds: each worker builds its own application, slowly on a loaded machine


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


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PORTAL_DATABASE_URL": url, "PORTAL_DEMO": "true", "PORTAL_PORT": str(port), "PORTAL_HOST": "127.0.0.1"}
    command = [sys.executable, "-c", "from portal.cli import app; app()", "serve", "--workers", str(workers)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + START_UP
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("portal serve exited")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"portal serve did not start within {START_UP} s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def request_bytes(port: int, chair: int) -> bytes:
    body = json.dumps({"query": documents()[OPERATION], "operationName": OPERATION, "variables": {"first": 50}}).encode()
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
        f"{HEADER}: {chair}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def one_connection(port: int, request: bytes, until: float, latencies: list[float], failures: list[bytes]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < until:
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = head.split(b" ", 2)[1]
            length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
            body = await reader.readexactly(length)
            if status == b"200" and b'"errors"' not in body:
                latencies.append((time.perf_counter() - started) * 1000)
            else:
                failures.append(body[:200])
    finally:
        writer.close()
        await writer.wait_closed()


async def load(port: int, request: bytes, connections: int, seconds: float) -> tuple[float, list[float], list[bytes]]:
    """Answered requests per second, their latencies, and the answers that were errors."""
    latencies: list[float] = []
    failures: list[bytes] = []
    started = time.perf_counter()
    await asyncio.gather(*(one_connection(port, request, started + seconds, latencies, failures) for _ in range(connections)))
    return len(latencies) / (time.perf_counter() - started), latencies, failures


def percentile(times: list[float], fraction: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def bench(url: str, connections: list[int], seconds: float) -> None:
    chair = first_chair(url)
    throughput: dict[tuple[int, int], float] = {}
    for workers in (1, 2):
        port = free_port()
        process = start_server(url, port, workers)
        try:
            request = request_bytes(port, chair)
            asyncio.run(load(port, request, max(connections), WARM_UP * 0.05))
            for n in connections:
                rate, latencies, failures = asyncio.run(load(port, request, n, seconds))
                throughput[workers, n] = rate
                p50, p95 = statistics.median(latencies), percentile(latencies, 0.95)
                print(f"  {workers} worker{'s' if workers > 1 else ' '} {n:>3} connections: {rate:6.1f} requests/s   p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   p95/p50 {p95 / p50:4.2f}"
                      + (f"   {len(failures)} answered with an error, e.g. {failures[0].decode(errors='replace')}" if failures else ""))
        finally:
            stop_server(process)
    for n in connections:
        print(f"  2 workers / 1 worker at {n} connections: {throughput[2, n] / throughput[1, n]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conferences", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 8, 32])
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    targets = [("SQLite", f"sqlite:///{ROOT / 'var' / 'throughput_bench.db'}")]
    if pg := os.environ.get("PORTAL_TEST_DATABASE_URL"):
        targets.append(("PostgreSQL", pg.rsplit("/", 1)[0] + "/portal_throughput_bench"))
    for label, template in targets:
        started = time.perf_counter()
        with scratch_database(template) as url:
            counts = seed_large_region(url, args.conferences)
            print(f"{label}: seeded {', '.join(f'{v:,} {k}' for k, v in counts.items())} in {time.perf_counter() - started:.0f} s; {OPERATION} as one chair")
            bench(url, args.connections, args.seconds)


if __name__ == "__main__":
    main()
