"""Uploads, measured four ways, on SQLite:

1. an upload end to end through the app (multipart POST to /graphql, parse in the worker, one
   transaction storing the draft version and the original): median time per layout;
2. a 1-2 page file parsed in the worker against the same parse in-process, at the same priority
   (target: at most 1.2 times the in-process time plus 20 ms; the web process's uploads parse at
   a lower priority, which costs them nothing on an otherwise idle machine);
3. four uploads at once to a real `portal serve` (the console script, as deployed) against one
   at a time, and the p95 of other requests while they parse against an idle server (target:
   within 1.5 times);
4. `portal ingest --json` on a one-page PDF: the whole command against its parse in-process.

Run: .venv/bin/python bench/ingest_upload.py

This script's top level imports the `portal` command, as the console script does: multiprocessing
runs the main module again in every worker child unless the fork server has it loaded already, and
the figures should include what `portal serve` pays for that.
"""

import sys
from pathlib import Path

from portal.cli import app  # noqa: F401  what the `portal` console script imports before anything else

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5
LONG_PAGES = 6  # longer letter-style reports overflow a section's length limit (the danger statement, as the mapping reads them now)
AT_ONCE = 4
OTHER_QUERY = "{ me { name organisation { name } } }"


def main() -> None:
    import asyncio
    import os
    import statistics
    import subprocess
    import tempfile
    import time

    import httpx

    sys.path.insert(0, str(ROOT))
    from portal.agencies import get_registry
    from portal.db import Database
    from portal.ingest.limits import IngestLimits
    from portal.ingest.parse import parse_pdf
    from portal.ingest.worker import ingest_pdf
    from portal.migrate import upgrade
    from tests.support import pdfs
    from tests.support.api import Api
    from tests.support.mail import free_port
    from tests.support.processes import serving
    from tests.support.uploading import running, upload
    from tests.support.world import build_world

    gp = get_registry()["gp"]
    small = [pdfs.letter(), pdfs.clinical_print()]

    def median_ms(run, rounds: int = ROUNDS) -> float:
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000

    def p95(times: list[float]) -> float:
        return statistics.quantiles(times, n=20)[-1] * 1000

    async def per_layout(database: Database, world) -> None:
        fixtures = [make() for make in pdfs.LAYOUTS] + [pdfs.Fixture(f"long report ({LONG_PAGES} pages)", pdfs.long_report(LONG_PAGES), [], LONG_PAGES)]
        print(f"\n1. Upload end to end, in-process app\n{'layout':<24} {'pages':>5} {'KB':>6} {'median ms':>10} {'pages/s':>8}")
        async with running(database) as api:
            for fixture in fixtures:
                times = []
                for _ in range(ROUNDS):
                    start = time.perf_counter()
                    payload = await upload(api, world.inv_gp1, fixture.data, as_=world.gp1_author, mode="REPLACE")
                    times.append(time.perf_counter() - start)
                    assert payload["errors"] == [], payload["errors"]
                median = statistics.median(times)
                print(f"{fixture.name:<24} {fixture.pages:>5} {len(fixture.data) / 1024:>6.1f} {median * 1000:>10.0f} {fixture.pages / median:>8.1f}")

    def worker_against_in_process() -> None:
        limits = IngestLimits()
        asyncio.run(ingest_pdf(small[0].data, gp, limits))  # the fork server starts once, not per parse
        print(f"\n2. A small file parsed in the worker against in-process\n{'layout':<16} {'pages':>5} {'in-process ms':>14} {'worker ms':>10} "
              f"{'target ms':>10} {'worker/target':>14}")
        for fixture in small:
            parse_pdf(fixture.data, gp, limits)

            async def alternately() -> tuple[list[float], list[float]]:
                here, there = [], []  # one after the other, so that both see the same load on the machine
                for _ in range(ROUNDS * 3):
                    start = time.perf_counter()
                    parse_pdf(fixture.data, gp, limits)
                    here.append(time.perf_counter() - start)
                    start = time.perf_counter()
                    await ingest_pdf(fixture.data, gp, limits)
                    there.append(time.perf_counter() - start)
                return here, there

            here, there = asyncio.run(alternately())
            in_process, worker = statistics.median(here) * 1000, statistics.median(there) * 1000
            target = 1.2 * in_process + 20
            print(f"{fixture.name:<16} {fixture.pages:>5} {in_process:>14.0f} {worker:>10.0f} {target:>10.0f} {worker / target:>14.2f}")

    async def at_once_on_a_server(url: str, world) -> None:
        data = pdfs.clinical_print().data
        port = free_port()
        env = {**os.environ, "PORTAL_DATABASE_URL": url, "PORTAL_DEMO": "true", "PORTAL_PORT": str(port)}
        console_script = Path(sys.executable).parent / "portal"
        process = subprocess.Popen([str(console_script), "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        with serving(process, f"{base}/healthz", "portal serve"):
            async with httpx.AsyncClient(base_url=base, timeout=120) as client:
                api = Api(client)

                # one draft each: uploads to the same draft at once collide on SQLite's version numbers
                uploaders = [(world.inv_gp1, world.gp1_author), (world.inv_gp2_b, world.gp2_author),
                             (world.inv_school, world.school_author), (world.inv_social_a, world.sw_a)]

                async def one(n: int) -> float:
                    invitation, author = uploaders[n]
                    start = time.perf_counter()
                    payload = await upload(api, invitation, data, as_=author, mode="REPLACE")
                    assert payload["errors"] == [], payload["errors"]
                    return time.perf_counter() - start

                async def others(until: asyncio.Event) -> list[float]:
                    times = []
                    while not until.is_set():
                        start = time.perf_counter()
                        await api(OTHER_QUERY, as_=world.gp1_colleague)
                        times.append(time.perf_counter() - start)
                        await asyncio.sleep(0.005)
                    return times

                async def during(work) -> tuple[list[float], object]:
                    done = asyncio.Event()
                    sampling = asyncio.create_task(others(done))
                    try:
                        result = await work()
                    finally:
                        done.set()
                    return await sampling, result

                for n in range(AT_ONCE):
                    await one(n)
                alone = statistics.median([await one(n % AT_ONCE) for n in range(ROUNDS * AT_ONCE)])
                idle: list[float] = []
                loaded: list[float] = []
                walls: list[float] = []
                each: list[float] = []
                for _ in range(ROUNDS):
                    quiet, _ = await during(lambda: asyncio.sleep(AT_ONCE * alone / 2))
                    idle += quiet
                    start = time.perf_counter()
                    busy, times = await during(lambda: asyncio.gather(*[one(n) for n in range(AT_ONCE)]))
                    walls.append(time.perf_counter() - start)
                    each += times
                    loaded += busy
        wall = statistics.median(walls)
        print(f"\n3. {AT_ONCE} uploads at once to `portal serve` ({pdfs.clinical_print().name}, {pdfs.clinical_print().pages} pages)")
        print(f"one upload alone                 {alone * 1000:>8.0f} ms")
        print(f"{AT_ONCE} at once: wall                 {wall * 1000:>8.0f} ms  ({AT_ONCE} one after another would be {AT_ONCE * alone * 1000:.0f} ms: "
              f"{AT_ONCE * alone / wall:.2f}x faster)")
        print(f"{AT_ONCE} at once: each, median         {statistics.median(each) * 1000:>8.0f} ms")
        print(f"other requests p95, idle         {p95(idle):>8.1f} ms  ({len(idle)} requests)")
        print(f"other requests p95, {AT_ONCE} parsing    {p95(loaded):>8.1f} ms  ({len(loaded)} requests; {p95(loaded) / p95(idle):.2f}x idle, target <= 1.5x)")

    def command_against_in_process(directory: str) -> None:
        fixture = pdfs.letter()
        path = Path(directory) / "letter.pdf"
        path.write_bytes(fixture.data)
        console_script = str(Path(sys.executable).parent / "portal")
        command = median_ms(lambda: subprocess.run([console_script, "ingest", "--agency", "gp", str(path), "--json"], check=True, capture_output=True), 3)
        interpreter = median_ms(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 3)
        imports = median_ms(lambda: subprocess.run([sys.executable, "-c", "import portal.cli"], check=True), 3)
        parse = median_ms(lambda: parse_pdf(fixture.data, gp, IngestLimits()))
        print(f"\n4. portal ingest --json, {fixture.name} ({fixture.pages} page)")
        print(f"whole command                    {command:>8.0f} ms")
        print(f"  of which the parse in-process  {parse:>8.0f} ms")
        print(f"  before and around the parse    {command - parse:>8.0f} ms  (a bare interpreter: {interpreter:.0f} ms; import portal.cli: {imports:.0f} ms)")

    async def run() -> None:
        with tempfile.TemporaryDirectory() as directory:
            url = f"sqlite:///{directory}/bench.db"
            upgrade(url)
            database = Database(url)
            async with database.session() as session:
                world = await build_world(session)
            await per_layout(database, world)
            await database.dispose()
            await asyncio.to_thread(worker_against_in_process)
            await at_once_on_a_server(url, world)
            command_against_in_process(directory)

    asyncio.run(run())


if __name__ == "__main__":
    main()
