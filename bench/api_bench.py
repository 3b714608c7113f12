"""API latency at scale: the chair's upcoming conferences, saving a draft and submitting.

Seeds a large region (default 100,000 conferences) into SQLite and, when
PORTAL_TEST_DATABASE_URL is set, into a new PostgreSQL database on the same server (a unique name
starting portal_bench, dropped afterwards), then prints p50/p95 latency and SQL statements per request for each operation.

    .venv/bin/python bench/api_bench.py [--conferences 100000] [--repeat 50]
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

from bench.large_region import scratch_database, seed_large_region  # noqa: E402
from portal.app import create_app  # noqa: E402
from portal.conferences.models import Conference, Invitation  # noqa: E402
from portal.contributions.models import Contribution  # noqa: E402
from portal.db import Database, StatementCounter  # noqa: E402
from portal.demo_identity import HEADER  # noqa: E402
from portal.enums import Role  # noqa: E402
from portal.people.models import Organisation, Person, PersonRole  # noqa: E402
from portal.settings import Settings  # noqa: E402

SCHOOL_REPORT = [
    {"sectionId": "about_author", "text": "Designated safeguarding lead; school records."},
    {"sectionId": "worries", "text": "Arrives hungry most Mondays."},
    {"sectionId": "attendance", "text": "84% this year."},
    {"sectionId": "danger_statement", "text": "If meals stay irregular the child could become unwell and fall behind."},
    {"sectionId": "working_well", "text": "Warm relationship with grandmother."},
    {"sectionId": "next_steps", "text": "Daily check-in with the learning mentor."},
]
CHAIR_UPCOMING = (ROOT / "graphql" / "operations" / "ChairUpcoming.graphql").read_text()
SAVE = "mutation($input: SaveDraftInput!) { saveDraft(input: $input) { contribution { id version } errors { message } } }"
SUBMIT = "mutation($input: SubmitContributionInput!) { submitContribution(input: $input) { contribution { status } errors { message } } }"


async def measure(name: str, repeat: int, call: Callable[[int], Awaitable[None]], database: Database) -> None:
    await call(-1)  # warm caches and the connection pool
    times, statements = [], []
    for i in range(repeat):
        counter = StatementCounter(database.engine)
        started = time.perf_counter()
        await call(i)
        times.append((time.perf_counter() - started) * 1000)
        counter.close()
        statements.append(counter.count)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(f"  {name:<32} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   SQL/request {statistics.median(statements):.0f}")


async def bench(url: str, repeat: int) -> None:
    database = Database(url)
    app = create_app(Settings(database_url=url, demo=True), database=database)
    async with database.session() as session:
        chair = (await session.execute(select(PersonRole.person_id).where(PersonRole.role == Role.CHAIR).order_by(PersonRole.person_id))).scalars().first()
        school, teacher = (await session.execute(
            select(Organisation.id, Person.id).join(Person, Person.organisation_id == Organisation.id).where(Organisation.agency_id == "school").order_by(Organisation.id)
        )).first()
        open_invitations = (await session.execute(
            select(Invitation.id).join(Conference, Conference.id == Invitation.conference_id)
            .outerjoin(Contribution, Contribution.invitation_id == Invitation.id)
            .where(Invitation.organisation_id == school, Contribution.id.is_(None), Conference.status == "SCHEDULED")
            .order_by(Invitation.id).limit(repeat + 1)
        )).scalars().all()
    drafts: list[str] = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:

        async def post(query: str, variables: dict, person: int) -> dict:
            response = await client.post("/graphql", json={"query": query, "variables": variables}, headers={HEADER: str(person)})
            body = response.json()
            assert response.status_code == 200 and not body.get("errors"), body
            return body["data"]

        async def dashboard(_: int) -> None:
            data = await post(CHAIR_UPCOMING, {"first": 50}, chair)
            assert len(data["conferences"]["nodes"]) == 50

        async def save(i: int) -> None:
            data = await post(SAVE, {"input": {"invitationId": str(open_invitations[i + 1]), "sections": SCHOOL_REPORT}}, teacher)
            assert not data["saveDraft"]["errors"], data
            if i >= 0:
                drafts.append(data["saveDraft"]["contribution"]["id"])

        async def submit(i: int) -> None:
            if i < 0:
                return
            data = await post(SUBMIT, {"input": {"contributionId": drafts[i]}}, teacher)
            assert data["submitContribution"]["contribution"]["status"] == "SUBMITTED", data

        await measure("chair's 50 upcoming conferences", repeat, dashboard, database)
        await measure("save a draft", repeat, save, database)
        await measure("submit", repeat, submit, database)
    await database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conferences", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    targets = [("SQLite", f"sqlite:///{ROOT / 'var' / 'bench.db'}")]
    if pg := os.environ.get("PORTAL_TEST_DATABASE_URL"):
        targets.append(("PostgreSQL", pg.rsplit("/", 1)[0] + "/portal_bench"))
    for label, template in targets:
        started = time.perf_counter()
        with scratch_database(template) as url:
            counts = seed_large_region(url, args.conferences)
            print(f"{label}: seeded {', '.join(f'{v:,} {k}' for k, v in counts.items())} in {time.perf_counter() - started:.0f} s")
            asyncio.run(bench(url, args.repeat))


if __name__ == "__main__":
    main()
