"""Latency and SQL statements per request of a chair's 50 upcoming conferences with readiness,
over a large invented dataset, on SQLite and PostgreSQL.

Seeds once per database with bulk Core inserts (a second run reuses the data) and then calls
the GraphQL API in-process as one chair. Run:

    .venv/bin/python bench/readiness_bench.py [--conferences 100000] [--requests 40] [--backend sqlite|postgresql|both]

PostgreSQL: PORTAL_BENCH_DATABASE_URL (default postgresql://root@127.0.0.1:5432/portal_readiness_bench; created if missing).
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import create_engine, func, insert, select, text  # noqa: E402
from sqlalchemy.engine import Connection  # noqa: E402

from portal.app import create_app  # noqa: E402
from portal.db import Database, StatementCounter  # noqa: E402
from portal.demo_identity import HEADER  # noqa: E402
from portal.migrate import upgrade  # noqa: E402
from portal.models import (  # noqa: E402
    Child,
    ChildConsultation,
    Conference,
    ConferenceChild,
    Contribution,
    Invitation,
    LocalAuthority,
    Organisation,
    Person,
    PersonRole,
    Region,
    WithholdingRequest,
)
from portal.settings import Settings, sync_url  # noqa: E402

SQLITE_URL = f"sqlite:///{ROOT / 'var' / 'readiness_bench.db'}"
PG_URL = os.environ.get("PORTAL_BENCH_DATABASE_URL", "postgresql://root@127.0.0.1:5432/portal_readiness_bench")
CHAIRS = 200
AGENCIES = ("social_care", "gp", "school", "police", "health_visiting")
CHUNK = 5_000
QUERY = """query { conferences(first: 50, filter: {chairedByMe: true, upcoming: true}) {
  nodes { id kind scheduledAt statutoryDeadline children { givenName } invitations { reportDueAt organisation { name } }
    readiness { status checks { id status explanation whoMustAct { role organisation { name } } } } } } }"""


def _bulk(connection: Connection, table: object, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(table), rows[start:start + CHUNK])  # type: ignore[arg-type]


def seed(url: str, conferences: int) -> int:
    """Seed `conferences` conferences (5 invitations, 3 contributions, 1 child each); returns the benchmark chair's id."""
    engine = create_engine(sync_url(url))
    with engine.begin() as connection:
        have = connection.execute(select(func.count()).select_from(Conference)).scalar_one()
        if have >= conferences:
            chair = connection.execute(select(PersonRole.person_id).where(PersonRole.role == "CHAIR").order_by(PersonRole.person_id)).first()
            engine.dispose()
            return chair[0]
        if have:
            raise SystemExit(f"{url} holds {have} conferences, fewer than {conferences}: drop it and run again")
        started = time.perf_counter()
        connection.execute(insert(Region), [{"id": 1, "slug": "northmoor", "name": "Northmoor"}])
        connection.execute(insert(LocalAuthority), [{"id": 1, "region_id": 1, "slug": "easterby", "name": "Easterby City Council"}])
        connection.execute(insert(Organisation), [
            {"id": n, "region_id": 1, "la_id": 1 if agency == "social_care" else None, "agency_id": agency, "name": f"{agency.title()} {n}", "code": f"O{n}"}
            for n, agency in enumerate(AGENCIES, start=1)
        ])
        people = [{"id": n, "organisation_id": 1 if n <= CHAIRS else 2, "name": f"Person {n}", "email": f"p{n}@bench.example", "job_title": ""}
                  for n in range(1, CHAIRS + 2)]
        connection.execute(insert(Person), people)
        connection.execute(insert(PersonRole), [{"person_id": n, "role": "CHAIR", "la_id": 1} for n in range(1, CHAIRS + 1)]
                           + [{"person_id": CHAIRS + 1, "role": "CONTRIBUTOR", "la_id": None}])
        author = CHAIRS + 1
        today = datetime.now(UTC).date()
        children, confs, links, invitations, contributions, withholdings, consultations = [], [], [], [], [], [], []
        for n in range(1, conferences + 1):
            offset = (n * 7919) % 730 - 365
            meeting = datetime.combine(today + timedelta(days=offset), clock(10), UTC)
            children.append({"id": n, "la_id": 1, "given_name": f"Child{n}", "family_name": "Lowther", "date_of_birth": date(2018, 1, 1)})
            confs.append({
                "id": n, "la_id": 1, "kind": "ICPC", "status": "SCHEDULED" if offset >= 0 else "HELD", "scheduled_at": meeting,
                "chair_id": 1 + n % CHAIRS, "strategy_discussion_on": meeting.date() - timedelta(days=14), "created_at": meeting - timedelta(days=20),
            })
            links.append({"conference_id": n, "child_id": n})
            for k, organisation in enumerate(range(1, len(AGENCIES) + 1)):
                invitation = (n - 1) * len(AGENCIES) + k + 1
                invitations.append({"id": invitation, "conference_id": n, "organisation_id": organisation, "report_due_at": meeting - timedelta(days=3),
                                    "family_due_at": meeting - timedelta(days=3), "invited_at": meeting - timedelta(days=12)})
                if k < 3:
                    contributions.append({
                        "id": invitation, "invitation_id": invitation, "conference_id": n, "organisation_id": organisation, "author_id": author,
                        "status": "SUBMITTED", "version": 2, "sections": {"worries": "Worry.", "danger_statement": "Danger."}, "scales": {str(n): 4},
                        "created_at": meeting - timedelta(days=8), "updated_at": meeting - timedelta(days=5), "submitted_at": meeting - timedelta(days=5),
                    })
                    if k == 0 and n % 3 == 0:
                        withholdings.append({"contribution_id": invitation, "section_id": "worries", "reason": "Third party.", "requested_by_id": author,
                                             "requested_at": meeting - timedelta(days=5), "decision": "PENDING", "decision_note": ""})
            consultations.append({"conference_id": n, "child_id": n, "seen": True, "views_conveyed": "ADVOCATE", "note": "",
                                  "recorded_at": meeting - timedelta(days=4), "recorded_by_id": 1})
        for table, rows in ((Child, children), (Conference, confs), (ConferenceChild, links), (Invitation, invitations),
                            (Contribution, contributions), (WithholdingRequest, withholdings), (ChildConsultation, consultations)):
            _bulk(connection, table, rows)
        if connection.dialect.name == "postgresql":
            for table in ("region", "local_authority", "organisation", "person", "child", "conference", "invitation", "contribution"):
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))
        rows = sum(len(r) for r in (children, confs, links, invitations, contributions, withholdings, consultations))
        print(f"  seeded {conferences:,} conferences ({rows:,} rows) in {time.perf_counter() - started:.0f} s")
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("ANALYZE"))
            connection.commit()
    engine.dispose()
    return 1


def prepare_postgres(url: str) -> None:
    base, name = url.rsplit("/", 1)
    admin = create_engine(sync_url(f"{base}/postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


async def measure(url: str, chair: int, requests: int) -> dict[str, float]:
    database = Database(url)
    app = create_app(Settings(database_url=url, demo=True), database=database)
    timings, statements = [], []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench.test") as client:
        for n in range(requests + 3):
            counter = StatementCounter(database.engine)
            started = time.perf_counter()
            response = await client.post("/graphql", json={"query": QUERY}, headers={HEADER: str(chair)})
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conferences", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    urls = {"sqlite": SQLITE_URL, "postgresql": PG_URL}
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        url = urls[backend]
        if backend == "postgresql":
            prepare_postgres(url)
        upgrade(url)
        print(f"{backend}: {url}")
        chair = seed(url, args.conferences)
        result = asyncio.run(measure(url, chair, args.requests))
        print(f"  {args.conferences:,} conferences; chair's 50 upcoming with readiness, {args.requests} requests: "
              f"p50 {result['p50']:.0f} ms, p95 {result['p95']:.0f} ms, {result['statements']:.0f} SQL statements per request")


if __name__ == "__main__":
    main()
