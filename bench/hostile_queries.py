"""Expensive query shapes against a large region: status, response size, time, and how long
/healthz waits meanwhile. Prints one line per query.

    .venv/bin/python bench/hostile_queries.py [--conferences 2000] [--code DIR]

`--code` runs another checkout's portal package (e.g. before a change) with the same seeding.
"""

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _queries() -> dict[str, str]:
    html = "contribution { sections { id text { html } } }"
    page = f"conferences(first: 100) {{ nodes {{ id invitations {{ id {html} }} }} }}"
    versions = "conferences(first: 100) { nodes { invitations { contribution { versions { number sections { text { html source } } } } } } }"
    return {
        "40 conferences, rendered": "{ " + page.replace("first: 100", "first: 40") + " }",
        "one page, rendered": "{ " + page + " }",
        "15 aliased pages, rendered": "{ " + " ".join(f"a{i}: {page}" for i in range(15)) + " }",
        "15 aliased pages with versions": "{ " + " ".join(f"a{i}: {versions}" for i in range(15)) + " }",
    }


def _long_text(i: int, part: int) -> str:
    return "\n\n".join(f"**Visit {i}.{part}.{n}** the family was seen at home; *notes* follow - item {n}." for n in range(40))


async def main(conferences: int) -> None:
    import httpx
    from sqlalchemy import create_engine, select, update

    from bench.large_region import fresh_database, seed_large_region
    from portal.app import create_app
    from portal.contributions.models import Contribution
    from portal.db import Database
    from portal.enums import Role
    from portal.people.models import PersonRole
    from portal.settings import Settings, sync_url

    url = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    fresh_database(url)
    seed_large_region(url, conferences)
    engine = create_engine(sync_url(url))
    with engine.begin() as connection:
        for (cid,) in connection.execute(select(Contribution.id)).all():
            texts = {k: _long_text(cid, n) for n, k in enumerate(("worries", "working_well", "next_steps"))}
            connection.execute(update(Contribution).where(Contribution.id == cid).values(sections=texts))
        chair = connection.execute(select(PersonRole.person_id).where(PersonRole.role == Role.CHAIR)).scalars().first()
    engine.dispose()
    database = Database(url)
    app = create_app(Settings(database_url=url, demo=True), database=database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://portal.test", timeout=600) as client:
        for name, query in _queries().items():
            waits: list[float] = []
            done = asyncio.Event()

            async def ping() -> None:
                while not done.is_set():
                    started = time.perf_counter()
                    await client.get("/healthz")
                    waits.append(time.perf_counter() - started)
                    await asyncio.sleep(0.05)

            pinger = asyncio.create_task(ping())
            started = time.perf_counter()
            response = await client.post("/graphql", json={"query": query}, headers={"x-portal-demo-person": str(chair)})
            took = time.perf_counter() - started
            done.set()
            await pinger
            errors = response.json().get("errors") or []
            message = errors[0]["message"][:70] if errors else ""
            print(f"  {name:<32} HTTP {response.status_code}  {len(response.content) / 1e6:8.2f} MB  {took:6.2f} s  "
                  f"longest /healthz {max(waits, default=0):5.2f} s  {message}")
    await database.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--conferences", type=int, default=2000)
    parser.add_argument("--code", type=Path, default=ROOT)
    args = parser.parse_args()
    sys.path[:0] = [str(args.code), str(ROOT)]
    asyncio.run(main(args.conferences))
