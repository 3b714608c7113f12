"""A whole audit round over 10,000 GP contributions: read, score, store and aggregate.

Seeds the demo region plus COUNT realistic GP contributions to ICPCs in Q3 2026 (bulk inserts),
into SQLite and, when PORTAL_TEST_DATABASE_URL is set, into a new PostgreSQL database on the
same server (a unique name starting portal_audit_bench, dropped afterwards). Then runs what createAuditRound does (draw the sample, here
every contribution; read; score; store the results) and the results per council, practice and
quarter, and prints the seconds each took.

    .venv/bin/python bench/audit_round_bench.py [--contributions 10000]
"""

import argparse
import asyncio
import os
import random
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.audit_scorer import STRONG, WEAK  # noqa: E402
from bench.large_region import _bulk, scratch_database  # noqa: E402
from portal.agencies import registry_for  # noqa: E402
from portal.audit import services  # noqa: E402
from portal.audit.models import AuditItem  # noqa: E402
from portal.children.models import Child  # noqa: E402
from portal.conferences.models import Conference, ConferenceChild, Invitation  # noqa: E402
from portal.contributions.models import Contribution  # noqa: E402
from portal.db import Database  # noqa: E402
from portal.demo import FAMILY, GIVEN, nhs_number, seed_demo  # noqa: E402
from portal.enums import ConferenceKind, ConferenceStatus, ContributionStatus, Role  # noqa: E402
from portal.identity import load_actor  # noqa: E402
from portal.people.models import LocalAuthority, Organisation, Person, PersonRole  # noqa: E402
from portal.settings import sync_url  # noqa: E402

QUARTER_START, QUARTER_END = date(2026, 7, 1), date(2026, 9, 30)


def _sections(rng: random.Random, given: str) -> dict[str, str]:
    sections = {}
    for section_id in STRONG:
        choice = rng.random()
        text = STRONG[section_id] if choice < 0.6 else WEAK[section_id] if choice < 0.9 else ""
        if text:
            sections[section_id] = text.replace("Mia", given)
    return sections


def seed(url: str, count: int) -> int:
    """The demo region plus `count` GP contributions to ICPCs in the quarter; returns the lead's person id."""
    rng = random.Random(2026)
    engine = create_engine(sync_url(url))
    with Session(engine) as session:
        seed_demo(session, today=date(2026, 11, 28))
        las = session.execute(select(LocalAuthority.id).order_by(LocalAuthority.id)).scalars().all()
        practices = session.execute(select(Organisation.id).where(Organisation.agency_id == "gp", Organisation.name.like("%Surgery"))).scalars().all()
        author_of = {o: p for p, o in session.execute(select(Person.id, Person.organisation_id).order_by(Person.id.desc())).all()}
        lead = session.execute(select(PersonRole.person_id).where(PersonRole.role == Role.AUDITOR, PersonRole.la_id.is_(None))).scalar_one()
        span = (QUARTER_END - QUARTER_START).days * 24 * 60
        moments = [datetime.combine(QUARTER_START, datetime.min.time(), UTC) + timedelta(minutes=rng.randrange(span)) for _ in range(count)]
        children = [
            {"la_id": las[i % len(las)], "given_name": rng.choice(GIVEN), "family_name": rng.choice(FAMILY),
             "date_of_birth": date(2012, 1, 1) + timedelta(days=rng.randrange(4000)), "nhs_number": nhs_number(rng)}
            for i in range(count)
        ]
        child_ids = _bulk(session, Child, children)
        conference_ids = _bulk(session, Conference, [
            {"la_id": las[i % len(las)], "kind": ConferenceKind.ICPC, "status": ConferenceStatus.HELD, "scheduled_at": moments[i],
             "chair_id": None, "strategy_discussion_on": None, "became_looked_after_on": None, "created_at": moments[i] - timedelta(days=15)}
            for i in range(count)
        ])
        _bulk(session, ConferenceChild, [{"conference_id": c, "child_id": k} for c, k in zip(conference_ids, child_ids, strict=True)])
        practice_of = [practices[rng.randrange(len(practices))] for _ in range(count)]
        invitation_ids = _bulk(session, Invitation, [
            {"conference_id": c, "organisation_id": practice_of[i], "report_due_at": moments[i] - timedelta(days=3),
             "family_due_at": moments[i] - timedelta(days=2), "invited_at": moments[i] - timedelta(days=12), "invited_by_id": None}
            for i, c in enumerate(conference_ids)
        ])
        _bulk(session, Contribution, [
            {"invitation_id": inv, "conference_id": conference_ids[i], "organisation_id": practice_of[i], "author_id": author_of[practice_of[i]],
             "status": ContributionStatus.SUBMITTED if i % 5 else ContributionStatus.AMENDED, "version": 2,
             "sections": _sections(rng, children[i]["given_name"]),
             "scales": {str(child_ids[i]): rng.randint(0, 10)} if rng.random() < 0.8 else {},
             "created_at": moments[i] - timedelta(days=8), "updated_at": moments[i] - timedelta(days=2),
             "submitted_at": moments[i] - timedelta(days=rng.choice([1, 2, 4, 5]), hours=rng.randrange(12)),
             "shared_with_family_on": (moments[i] - timedelta(days=rng.choice([1, 3, 4]))).date() if rng.random() < 0.6 else None}
            for i, inv in enumerate(invitation_ids)
        ])
        session.commit()
        session.execute(text("ANALYZE"))
        session.commit()
    engine.dispose()
    return lead


async def run_round(url: str, lead: int) -> None:
    database = Database(url)
    agencies_dir = ROOT / "agencies"
    agencies = registry_for(agencies_dir)
    services.scorer_for(agencies_dir, "gp")  # compile the rubric once, as a running server has
    async with database.session() as session:
        actor = await load_actor(session, lead)
        assert actor is not None
        started, cpu = time.perf_counter(), time.process_time()
        new = services.NewRound(name="ICPC GP contributions, Q3 2026", period_start=QUARTER_START, period_end=QUARTER_END, fraction=1.0, seed=2026)
        audit_round = await services.create_round(session, actor, agencies, agencies_dir, new)
        await session.commit()
        scored, scored_cpu = time.perf_counter() - started, time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        summaries = await services.results(session, [audit_round.id], ("COUNCIL", "PRACTICE", "QUARTER"))
        aggregated, aggregated_cpu = time.perf_counter() - started, time.process_time() - cpu
        items = (await session.execute(select(func.count()).select_from(AuditItem).where(AuditItem.round_id == audit_round.id))).scalar_one()
    await database.dispose()
    print(f"  sampled and scored {items:,} contributions: read + score + store {scored:.2f} s ({items / scored:,.0f}/s)")
    print(f"  results per council, practice and quarter: {aggregated:.2f} s")
    print(f"  whole round: {scored + aggregated:.2f} s (CPU time of this process {scored_cpu + aggregated_cpu:.2f} s; the rest is waiting for the database)")
    for summary in summaries["COUNCIL"]:
        print(f"    {summary.group}: {summary.contributions} contributions, mean {summary.mean_score}, late {summary.late}, never shared {summary.never_shared}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contributions", type=int, default=10_000)
    parser.add_argument("--round-only", nargs=2, metavar=("URL", "LEAD"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.round_only:
        asyncio.run(run_round(args.round_only[0], int(args.round_only[1])))
        return
    targets = [("SQLite", f"sqlite:///{ROOT / 'var' / 'audit_bench.db'}")]
    if pg := os.environ.get("PORTAL_TEST_DATABASE_URL"):
        targets.append(("PostgreSQL", pg.rsplit("/", 1)[0] + "/portal_audit_bench"))
    for label, template in targets:
        started = time.perf_counter()
        with scratch_database(template) as url:
            lead = seed(url, args.contributions)
            print(f"{label}: seeded {args.contributions:,} GP contributions to ICPCs in {time.perf_counter() - started:.0f} s")
            # The round runs in a fresh process, as in a server that did not seed the database itself.
            subprocess.run([sys.executable, __file__, "--round-only", url, str(lead)], check=True)


if __name__ == "__main__":
    main()
