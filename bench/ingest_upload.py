"""An upload end to end through the app (multipart POST to /graphql, parse in the worker, one
transaction storing the draft version and the original): median time per layout, on SQLite.

Run: .venv/bin/python bench/ingest_upload.py

Imports live inside main(): every worker process re-runs this script's top level (the
multiprocessing "main module" rule), and the app's imports there would be timed as parsing.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5
LONG_PAGES = 20  # a 40-page letter-style report overflows the other-information section's length limit


def main() -> None:
    import asyncio
    import statistics
    import tempfile
    import time

    sys.path.insert(0, str(ROOT))
    from portal.db import Database
    from portal.migrate import upgrade
    from tests.support import pdfs
    from tests.support.uploading import running, upload
    from tests.support.world import build_world

    async def run() -> None:
        with tempfile.TemporaryDirectory() as directory:
            url = f"sqlite:///{directory}/bench.db"
            upgrade(url)
            database = Database(url)
            async with database.session() as session:
                world = await build_world(session)
            fixtures = [make() for make in pdfs.LAYOUTS] + [pdfs.Fixture(f"long report ({LONG_PAGES} pages)", pdfs.long_report(LONG_PAGES), [], LONG_PAGES)]
            print(f"{'layout':<24} {'pages':>5} {'KB':>6} {'median ms':>10} {'pages/s':>8}")
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
            await database.dispose()

    asyncio.run(run())


if __name__ == "__main__":
    main()
