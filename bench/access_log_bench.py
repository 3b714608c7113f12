"""What the access log costs on the draft-save path: a chained row (advisory lock or SQLite write
lock, the chain head read, the insert), an unchained row, and no row at all, interleaved so that
the three see the same machine load.

Seeds a small region into SQLite and, when PORTAL_TEST_DATABASE_URL is set, a PostgreSQL database
named portal_access_log_bench on the same server, fills the log with --rows rows, then prints p50/p95
latency and SQL statements per save.

    .venv/bin/python bench/access_log_bench.py [--saves 150] [--rows 5000]
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from sqlalchemy import select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import portal.unit_of_work as unit_of_work  # noqa: E402
from bench.api_bench import SAVE, SCHOOL_REPORT  # noqa: E402
from bench.large_region import fresh_database, seed_large_region  # noqa: E402
from portal.accesslog import READ, AccessLogEntry, Operation, chain  # noqa: E402
from portal.app import create_app  # noqa: E402
from portal.conferences.models import Conference, Invitation  # noqa: E402
from portal.contributions.models import Contribution  # noqa: E402
from portal.db import Database, StatementCounter  # noqa: E402
from portal.demo_identity import HEADER  # noqa: E402
from portal.people.models import Organisation, Person  # noqa: E402
from portal.settings import Settings  # noqa: E402


async def unchained(session, entry: AccessLogEntry) -> None:  # type: ignore[no-untyped-def]
    entry.prev_hash = chain.GENESIS
    entry.hash = chain.digest(entry, entry.prev_hash)
    session.add(entry)
    await session.flush()


async def no_row(session, entry: AccessLogEntry) -> None:  # type: ignore[no-untyped-def]
    return None


VARIANTS: dict[str, Callable[..., Awaitable[None]]] = {"chained": chain.append, "unchained": unchained, "no log row": no_row}


async def bench(url: str, saves: int, rows: int) -> None:
    database = Database(url)
    app = create_app(Settings(database_url=url, demo=True), database=database)
    async with database.session() as session:
        school, teacher = (await session.execute(
            select(Organisation.id, Person.id).join(Person, Person.organisation_id == Organisation.id)
            .where(Organisation.agency_id == "school").order_by(Organisation.id)
        )).first()
        invitation = (await session.execute(
            select(Invitation.id).join(Conference, Conference.id == Invitation.conference_id)
            .outerjoin(Contribution, Contribution.invitation_id == Invitation.id)
            .where(Invitation.organisation_id == school, Contribution.id.is_(None), Conference.status == "SCHEDULED")
            .order_by(Invitation.id)
        )).scalars().first()
        for n in range(rows):
            await chain.append(session, Operation("query", "Prefill").entry(teacher, READ, {1}))
            if n % 500 == 499:
                await session.commit()
        await session.commit()
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    statements: dict[str, list[int]] = {name: [] for name in VARIANTS}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:

        async def save(n: int) -> None:
            sections = [{**s, "text": f"{s['text']} ({n})"} for s in SCHOOL_REPORT]
            response = await client.post(
                "/graphql", json={"query": SAVE, "variables": {"input": {"invitationId": str(invitation), "sections": sections}}},
                headers={HEADER: str(teacher)},
            )
            assert response.status_code == 200 and not response.json()["data"]["saveDraft"]["errors"], response.text

        for n in range(5):
            await save(-1 - n)
        for n in range(saves):
            for name, append in VARIANTS.items():
                unit_of_work.accesslog.append = append  # type: ignore[attr-defined]
                counter = StatementCounter(database.engine)
                started = time.perf_counter()
                await save(n * len(VARIANTS) + len(times[name]))
                times[name].append((time.perf_counter() - started) * 1000)
                counter.close()
                statements[name].append(counter.count)
    unit_of_work.accesslog.append = chain.append  # type: ignore[attr-defined]
    for name, measured in times.items():
        measured.sort()
        p95 = measured[min(len(measured) - 1, round(0.95 * len(measured)) - 1)]
        print(f"  {name:<12} p50 {statistics.median(measured):6.2f} ms   p95 {p95:6.2f} ms   SQL/save {statistics.median(statements[name]):.0f}")
    await database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--saves", type=int, default=150)
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    targets = [("SQLite", f"sqlite:///{ROOT / 'var' / 'access-log-bench.db'}")]
    if pg := os.environ.get("PORTAL_TEST_DATABASE_URL"):
        targets.append(("PostgreSQL", pg.rsplit("/", 1)[0] + "/portal_access_log_bench"))
    for label, url in targets:
        fresh_database(url)
        seed_large_region(url, 300)
        print(f"{label}: {args.rows:,} rows already in the log")
        asyncio.run(bench(url, args.saves, args.rows))


if __name__ == "__main__":
    main()
