"""Importing ten years of a large LA's returns and producing its annual report.

Generates an invented LA's history (tests/support/la_history.py: by default about 5,000 children
looked after at each year's end over 2010-11 to 2019-20) and writes it as one SSDA903 folder and one
CIN census file per year, then, into a new database (PostgreSQL when PORTAL_TEST_DATABASE_URL is set,
a unique name starting portal_annual_bench, dropped afterwards; SQLite otherwise), imports the years
in order the way `portal import` does and times each, imports the last year again (nothing changes),
and times loading the records and counting the annual report for the last year. Prints the figures.

    .venv/bin/python bench/annual_report_bench.py [--children 22000] [--year 2019-20]
"""

import argparse
import asyncio
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.large_region import scratch_database  # noqa: E402
from portal.db import Database  # noqa: E402
from portal.history.annual import ReportingYear, annual_report  # noqa: E402
from portal.history.imports import import_cin_census, import_ssda903  # noqa: E402
from portal.history.report import load_records  # noqa: E402
from portal.people.models import LocalAuthority, Region  # noqa: E402
from portal.timescales import RULES_DIR, load_rules  # noqa: E402
from tests.support.la_history import generate, write_cin_census, write_ssda903  # noqa: E402

FIRST, LAST = 2010, 2019


def shown(figure: dict) -> str:
    value = figure["value"]
    if isinstance(value, dict):
        return ", ".join(f"{k} {v['count'] if isinstance(v, dict) else v}" for k, v in value.items())
    return "n/a" if value is None else str(value) + (f" ({figure['count']} of {figure['of']})" if "count" in figure else "")


async def run(url: str, files: Path, reporting: ReportingYear) -> None:
    database = Database(url)
    async with database.session() as session:
        region = Region(slug="bench", name="Bench")
        session.add(region)
        await session.flush()
        la = LocalAuthority(region_id=region.id, slug="bigshire", name="Bigshire Council")
        session.add(la)
        await session.commit()
        la_id = la.id
    total = 0.0
    for first in range(FIRST, LAST + 1):
        started = time.perf_counter()
        async with database.session() as session:
            written = await import_ssda903(session, la_id, files / f"903-{first}")
            written.append(await import_cin_census(session, la_id, files / f"cin-{first}.xml"))
        took = time.perf_counter() - started
        total += took
        assert not any(w.refused for w in written), [w.rejections[:3] for w in written if w.refused]
        print(f"import {first}-{(first + 1) % 100:02d}: {took:6.2f} s  " + "  ".join(f"{w.file} +{w.added} ~{w.changed}" for w in written))
    print(f"import, all {LAST - FIRST + 1} years: {total:.1f} s")
    started = time.perf_counter()
    async with database.session() as session:
        again = await import_ssda903(session, la_id, files / f"903-{LAST}")
        again.append(await import_cin_census(session, la_id, files / f"cin-{LAST}.xml"))
    assert all(w.added == w.changed == 0 for w in again)
    print(f"the last year imported again (nothing changes): {time.perf_counter() - started:.2f} s")
    rules = load_rules(RULES_DIR)["default"].model_copy(update={"postcode_districts": tuple(f"TS{n}" for n in range(1, 9))})
    started = time.perf_counter()
    async with database.session() as session:
        records = await load_records(session, la_id)
    loaded = time.perf_counter() - started
    report = annual_report("bigshire", records, reporting, rules)
    counted = time.perf_counter() - started - loaded
    print(f"annual report {reporting.label}: load {loaded:.2f} s ({len(records.episodes)} episodes, {len(records.reviews)} reviews, "
          f"{len(records.plans)} plans, {len(records.enquiries)} enquiries), count {counted:.2f} s")
    for figure_id, figure in report.figures.items():
        if figure["value"] is not None:
            last = f"   last year {shown(figure['last_year'])}" if figure["last_year"] else ""
            print(f"  {figure_id:45} {shown(figure)}{last}")
    await database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--children", type=int, default=22000, help="children in the invented history (default about 5,000 looked after a year)")
    parser.add_argument("--year", default=f"{LAST}-{(LAST + 1) % 100:02d}")
    args = parser.parse_args()
    reporting = ReportingYear.parse(args.year)
    started = time.perf_counter()
    history = generate(seed=2010, children=args.children, first=date(FIRST, 1, 1), last=date(LAST + 1, 3, 31))
    with tempfile.TemporaryDirectory(prefix="annual-bench-") as scratch:
        files = Path(scratch)
        for first in range(FIRST, LAST + 1):
            write_ssda903(history, first, files / f"903-{first}")
            write_cin_census(history, first, files / f"cin-{first}.xml")
        end = [len({e.child for e in history.episodes if e.start <= date(y + 1, 3, 31) and (e.end is None or e.end > date(y + 1, 3, 31))})
               for y in range(FIRST, LAST + 1)]
        print(f"generated {len(history.children)} children, {len(history.episodes)} episodes, {len(history.reviews)} reviews, "
              f"{len(history.plans)} plans, {len(history.enquiries)} enquiries in {time.perf_counter() - started:.1f} s; "
              f"looked after at each 31 March: {', '.join(map(str, end))}")
        pg = os.environ.get("PORTAL_TEST_DATABASE_URL")
        template = pg.rsplit("/", 1)[0] + "/portal_annual_bench" if pg else f"sqlite:///{files}/portal_annual_bench.db"
        with scratch_database(template) as url:
            print(f"database: {url.split('://', 1)[0]}")
            asyncio.run(run(url, files, reporting))


if __name__ == "__main__":
    main()
