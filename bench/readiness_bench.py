"""Latency and SQL statements per request of a chair's 50 upcoming conferences with readiness,
over a large region, on SQLite and PostgreSQL.

Seeds with bench/large_region.py (the demo region plus N bulk-inserted conferences) once per
database; a second run reuses the data. Then calls the GraphQL API in-process as one chair:

    .venv/bin/python bench/readiness_bench.py [--conferences 100000] [--requests 40] [--backend sqlite|postgresql|both]

PostgreSQL: PORTAL_BENCH_DATABASE_URL (default postgresql://root@127.0.0.1:5432/portal_readiness_bench).
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import create_engine, func, select  # noqa: E402
from sqlalchemy.exc import DatabaseError  # noqa: E402

from bench.large_region import fresh_database, seed_large_region  # noqa: E402
from portal.app import create_app  # noqa: E402
from portal.conferences.models import Conference  # noqa: E402
from portal.db import Database, StatementCounter  # noqa: E402
from portal.demo_identity import HEADER  # noqa: E402
from portal.migrate import upgrade  # noqa: E402
from portal.settings import Settings, sync_url  # noqa: E402

SQLITE_URL = f"sqlite:///{ROOT / 'var' / 'readiness_bench.db'}"
PG_URL = os.environ.get("PORTAL_BENCH_DATABASE_URL", "postgresql://root@127.0.0.1:5432/portal_readiness_bench")
QUERY = (ROOT / "graphql" / "operations" / "ChairReadiness.graphql").read_text()


def _busiest_chair(url: str, conferences: int) -> int | None:
    """The chair with most conferences, when the database already holds the region; else None."""
    engine = create_engine(sync_url(url))
    try:
        with engine.connect() as connection:
            if connection.execute(select(func.count()).select_from(Conference)).scalar_one() < conferences:
                return None
            return connection.execute(
                select(Conference.chair_id).group_by(Conference.chair_id).order_by(func.count().desc()).limit(1)
            ).scalar_one()
    except DatabaseError:
        return None
    finally:
        engine.dispose()


def prepared(url: str, conferences: int) -> int:
    chair = _busiest_chair(url, conferences)
    if chair is None:
        started = time.perf_counter()
        fresh_database(url)
        counts = seed_large_region(url, conferences)
        print(f"  seeded {', '.join(f'{v:,} {k}' for k, v in counts.items())} in {time.perf_counter() - started:.0f} s")
        chair = _busiest_chair(url, conferences)
        assert chair is not None
    else:
        upgrade(url)
    return chair


async def measure(url: str, chair: int, requests: int) -> dict[str, float]:
    database = Database(url)
    app = create_app(Settings(database_url=url, demo=True), database=database)
    timings, statements = [], []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench.test") as client:
        for n in range(requests + 3):
            counter = StatementCounter(database.engine)
            started = time.perf_counter()
            response = await client.post("/graphql", json={"query": QUERY, "variables": {"first": 50}}, headers={HEADER: str(chair)})
            elapsed = time.perf_counter() - started
            counter.close()
            body = response.json()
            nodes = body["data"]["conferences"]["nodes"] if "errors" not in body else []
            if len(nodes) != 50 or not all(node["readiness"] for node in nodes):
                raise SystemExit(f"expected 50 conferences with readiness, got {len(nodes)}: {str(body)[:300]}")
            if n >= 3:  # the first requests warm caches and the connection pool
                timings.append(elapsed * 1000)
                statements.append(counter.count)
    await database.dispose()
    timings.sort()
    return {
        "p50": statistics.median(timings),
        "p95": timings[max(0, round(0.95 * len(timings)) - 1)],
        "statements": statistics.mean(statements),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conferences", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    urls = {"sqlite": SQLITE_URL, "postgresql": PG_URL}
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        url = urls[backend]
        print(f"{backend}: {url}")
        chair = prepared(url, args.conferences)
        result = asyncio.run(measure(url, chair, args.requests))
        print(f"  {args.conferences:,} conferences; chair's 50 upcoming with readiness, {args.requests} requests: "
              f"p50 {result['p50']:.0f} ms, p95 {result['p95']:.0f} ms, {result['statements']:.0f} SQL statements per request")


if __name__ == "__main__":
    main()
