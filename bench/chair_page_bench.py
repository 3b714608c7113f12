"""The chair's upcoming-conferences page against the GraphQL request it runs, in one run.

Seeds the tests' invented world and 50 more conferences for its chair (each with three submitted
reports and a pending withholding request, so readiness has work to do) into a new SQLite database
and, when PORTAL_TEST_DATABASE_URL is set, a new PostgreSQL database on that server (a unique name
starting portal_chair_bench, dropped afterwards). Then, in one process through the same app and edge,
alternates GET /chair/conferences (50 rows rendered with GOV.UK Frontend's templates) with POST
/graphql running ChairConferencesPage, the named operation the page runs, as the same chair. Prints
ms p50 and p95 of each, the CPU time this process spent on each (p50), and the page/GraphQL ratio.

    .venv/bin/python bench/chair_page_bench.py [--repeat 60]
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.large_region import scratch_database  # noqa: E402
from portal.app import create_app  # noqa: E402
from portal.db import Database  # noqa: E402
from portal.demo_identity import HEADER  # noqa: E402
from portal.edge.operations import documents  # noqa: E402
from portal.heap import settle_after_start_up  # noqa: E402
from portal.settings import Settings  # noqa: E402
from tests.support.seeding import seed_conferences  # noqa: E402
from tests.support.world import build_world  # noqa: E402

ROWS = 50
OPERATION = "ChairConferencesPage"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def bench(url: str, repeat: int) -> float:
    database = Database(url)
    async with database.session() as session:
        world = await build_world(session)
    await seed_conferences(database, world, ROWS)
    app = create_app(Settings(database_url=url, demo=True), database=database)
    settle_after_start_up()  # as `portal serve` does
    headers = {HEADER: str(world.chair_a)}
    body = {"query": documents()[OPERATION], "operationName": OPERATION, "variables": {}}
    times: dict[str, list[float]] = {"page": [], "GraphQL": []}
    cpu: dict[str, list[float]] = {"page": [], "GraphQL": []}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:

        async def page() -> None:
            response = await client.get("/chair/conferences", headers=headers | {"accept": "text/html"})
            assert response.status_code == 200 and response.text.count("data-conference=") == ROWS, response.status_code

        async def graphql() -> None:
            response = await client.post("/graphql", json=body, headers=headers)
            assert len(response.json()["data"]["conferences"]["nodes"]) == ROWS, response.text[:300]

        ways = {"page": page, "GraphQL": graphql}
        for run in ways.values():  # warm up: templates compiled, caches filled
            for _ in range(3):
                await run()
        for _ in range(repeat):
            for name, run in ways.items():
                wall, used = time.perf_counter(), time.process_time()
                await run()
                times[name].append((time.perf_counter() - wall) * 1000)
                cpu[name].append((time.process_time() - used) * 1000)
    await database.dispose()
    p50 = {name: statistics.median(values) for name, values in times.items()}
    cpu50 = {name: statistics.median(values) for name, values in cpu.items()}
    for name in ways:
        print(f"  {name:8} p50 {p50[name]:6.1f} ms (p95 {percentile(times[name], 0.95):6.1f}, CPU p50 {cpu50[name]:6.1f} ms)")
    ratio = p50["page"] / p50["GraphQL"]
    print(f"  page / GraphQL: {ratio:.2f}x (CPU {cpu50['page'] / cpu50['GraphQL']:.2f}x)")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    targets = [("SQLite", f"sqlite:///{ROOT / 'var' / 'chair_bench.db'}")]
    if pg := os.environ.get("PORTAL_TEST_DATABASE_URL"):
        targets.append(("PostgreSQL", pg.rsplit("/", 1)[0] + "/portal_chair_bench"))
    for label, template in targets:
        with scratch_database(template) as url:
            print(f"{label}: {ROWS} conferences with readiness for one chair")
            asyncio.run(bench(url, args.repeat))


if __name__ == "__main__":
    main()
