"""The chair's dashboards through GraphQL against a hand-written JSON route on the same SQL.

Seeds a large region (bench/large_region.py, default 100,000 conferences) into SQLite and, when
PORTAL_TEST_DATABASE_URL is set, into a new PostgreSQL database on that server (a unique name
starting portal_dash_bench, dropped afterwards). Then, in one process and through the same app and
edge (actor, session), runs each named operation (ChairUpcoming, ChairReadiness: 50 conferences)
over POST /graphql and over a route written by hand in this file, which runs the same SQL
statements with the same ORM queries and builds the identical dict. Asserts that both answers are
identical, then prints ms p50 of each, the ratio and SQL statements per request. The CPU time this
process spent on each request (its p50, and their ratio) is printed too: on a machine shared with
other work it moves far less than the wall clock does.

    .venv/bin/python bench/dashboard_vs_handwritten.py [--conferences 100000] [--repeat 60]
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.large_region import scratch_database, seed_large_region  # noqa: E402
from portal import access, accesslog, clock  # noqa: E402
from portal.api.pagination import connection  # noqa: E402
from portal.app import create_app  # noqa: E402
from portal.children.models import Child  # noqa: E402
from portal.conferences.models import ChildConsultation, Conference, ConferenceChild, Invitation  # noqa: E402
from portal.conferences.timescales import rules_for_la, statutory_deadline  # noqa: E402
from portal.contributions.models import Contribution  # noqa: E402
from portal.db import Database, StatementCounter  # noqa: E402
from portal.demo_identity import HEADER  # noqa: E402
from portal.edge.context import require_actor  # noqa: E402
from portal.edge.middleware import session_of  # noqa: E402
from portal.edge.operations import documents  # noqa: E402
from portal.enums import Role  # noqa: E402
from portal.heap import settle_after_start_up  # noqa: E402
from portal.people.models import LocalAuthority, Organisation, PersonRole  # noqa: E402
from portal.readiness.loading import load_readiness  # noqa: E402
from portal.settings import Settings  # noqa: E402
from portal.unit_of_work import log_read  # noqa: E402

PAGE = 50
OPERATIONS = ("ChairUpcoming", "ChairReadiness")


def _time(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


async def _upcoming_page(request: Request) -> tuple[Any, Any, list[Conference], dict[str, Any]]:
    """The page query the root field runs: the chair's scheduled conferences from now on, one row more than the page."""
    actor, session = require_actor(request), session_of(request)
    statement = (
        select(Conference)
        .where(access.scope(actor, "conference.read"), Conference.chair_id == actor.person_id)
        .where(Conference.scheduled_at >= clock.now(), Conference.status == "SCHEDULED")
        .order_by(Conference.scheduled_at, Conference.id)
        .offset(0).limit(PAGE + 1)
    )
    found = connection((await session.execute(statement)).scalars().all(), 0, PAGE)
    page_info = {"hasNextPage": found.page_info.has_next_page, "endCursor": found.page_info.end_cursor}
    return actor, session, found.nodes, page_info


def _groups(rows: Any) -> dict[int, list[Any]]:
    groups: dict[int, list[Any]] = defaultdict(list)
    for key, row in rows:
        groups[key].append(row)
    return groups


async def chair_upcoming(request: Request) -> JSONResponse:
    actor, session, conferences, page_info = await _upcoming_page(request)
    ids = [c.id for c in conferences]
    children = _groups(await session.execute(
        select(ConferenceChild.conference_id, Child).join(Child, Child.id == ConferenceChild.child_id)
        .where(ConferenceChild.conference_id.in_(ids)).order_by(Child.date_of_birth, Child.id)
    ))
    invitations = _groups(await session.execute(
        select(Invitation.conference_id, Invitation).where(Invitation.conference_id.in_(ids)).order_by(Invitation.id)
    ))
    consultations = _groups(await session.execute(
        select(ChildConsultation.conference_id, ChildConsultation).where(ChildConsultation.conference_id.in_(ids)).order_by(ChildConsultation.child_id)
    ))
    invitation_ids = [i.id for group in invitations.values() for i in group]
    organisation_ids = list(dict.fromkeys(i.organisation_id for group in invitations.values() for i in group))
    organisations = {o.id: o for o in (await session.execute(select(Organisation).where(Organisation.id.in_(organisation_ids)))).scalars()}
    contributions = _groups(await session.execute(select(Contribution.invitation_id, Contribution).where(Contribution.invitation_id.in_(invitation_ids))))
    by_id = {c.id: c for c in conferences}

    def contribution(invitation: Invitation) -> dict[str, Any] | None:
        found = contributions.get(invitation.id)
        if not found or not access.allowed(actor, "contribution.read", found[0], by_id[invitation.conference_id].la_id):
            return None
        c = found[0]
        return {
            "id": str(c.id), "status": c.status, "submittedAt": _time(c.submitted_at), "sharedWithFamilyOn": _time(c.shared_with_family_on),
            "scales": [{"childId": k, "score": v} for k, v in sorted(c.scales.items(), key=lambda kv: int(kv[0]))],
        }

    nodes = []
    for c in conferences:
        nodes.append({
            "id": str(c.id), "kind": c.kind, "status": c.status, "scheduledAt": _time(c.scheduled_at),
            "children": [
                {"id": str(k.id), "givenName": k.given_name, "familyName": k.family_name, "dateOfBirth": _time(k.date_of_birth)}
                for k in children.get(c.id, [])
            ],
            "invitations": [
                {
                    "id": str(i.id), "reportDueAt": _time(i.report_due_at), "familyDueAt": _time(i.family_due_at),
                    "organisation": {"id": str(o.id), "name": o.name, "agencyId": o.agency_id},
                    "contribution": contribution(i),
                }
                for i in invitations.get(c.id, [])
                for o in (organisations[i.organisation_id],)
            ],
            "consultations": [
                {"childId": str(k.child_id), "seen": k.seen, "viewsConveyed": k.views_conveyed} for k in consultations.get(c.id, [])
            ],
        })
    seen = {k.id for group in children.values() for k in group}
    if seen:
        operation = accesslog.Operation("query", "ChairUpcoming", ("conferences",))
        await log_read(session, operation.entry(actor.person_id, accesslog.READ, seen, (), api_token_id=actor.token_id))
    return JSONResponse({"data": {"conferences": {"nodes": nodes, "pageInfo": page_info}}})


async def chair_readiness(request: Request) -> JSONResponse:
    actor, session, conferences, page_info = await _upcoming_page(request)
    rules = request.app.state.rules
    authorities = {a.id: a for a in (await session.execute(select(LocalAuthority).where(LocalAuthority.id.in_({c.la_id for c in conferences})))).scalars()}
    by_id = {c.id: c for c in conferences}
    previous_ids = [c.previous_conference_id for c in conferences if c.previous_conference_id and c.previous_conference_id not in by_id]
    if previous_ids:
        by_id.update({p.id: p for p in (await session.execute(select(Conference).where(Conference.id.in_(previous_ids)))).scalars()})
    readable = [c.id for c in conferences if access.allowed(actor, "readiness.read", c)]
    results = await load_readiness(session, readable, clock.now(), rules) if readable else {}
    organisation_ids = list(dict.fromkeys(
        int(a.organisation_id) for r in results.values() for check in r.checks for a in check.who_must_act if a.organisation_id
    ))
    organisations = {o.id: o for o in (await session.execute(select(Organisation).where(Organisation.id.in_(organisation_ids)))).scalars()} if organisation_ids else {}

    def readiness(c: Conference) -> dict[str, Any] | None:
        if not access.allowed(actor, "readiness.read", c) or (result := results.get(c.id)) is None:
            return None
        return {
            "status": result.status.value,
            "checks": [
                {
                    "id": check.id, "title": check.title, "status": check.status.value, "explanation": check.explanation,
                    "whoMustAct": [
                        {
                            "role": a.role.value,
                            "organisation": {"id": str(o.id), "name": o.name} if a.organisation_id and (o := organisations[int(a.organisation_id)]) else None,
                        }
                        for a in check.who_must_act
                    ],
                }
                for check in result.checks
            ],
        }

    nodes = []
    for c in conferences:
        previous = by_id.get(c.previous_conference_id) if c.previous_conference_id else None
        deadline = statutory_deadline(
            c, rules_for_la(rules, authorities[c.la_id].slug), previous.kind if previous else None, previous.held_on if previous else None
        )
        nodes.append({
            "id": str(c.id), "kind": c.kind, "scheduledAt": _time(c.scheduled_at), "statutoryDeadline": _time(deadline), "readiness": readiness(c),
        })
    return JSONResponse({"data": {"conferences": {"nodes": nodes, "pageInfo": page_info}}})


def percentile(times: list[float], fraction: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(fraction * len(ordered)) - 1)]


async def bench(url: str, repeat: int) -> dict[str, float]:
    database = Database(url)
    app = create_app(Settings(database_url=url, demo=True), database=database)
    handwritten: dict[str, Callable[[Request], Awaitable[JSONResponse]]] = {"ChairUpcoming": chair_upcoming, "ChairReadiness": chair_readiness}
    for name, endpoint in handwritten.items():
        app.router.routes.insert(0, Route(f"/bench/{name}", endpoint, methods=["POST"]))
    async with database.session() as session:
        chair = (await session.execute(select(PersonRole.person_id).where(PersonRole.role == Role.CHAIR).order_by(PersonRole.person_id))).scalars().first()
    settle_after_start_up()  # as `portal serve` does
    ratios = {}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for name in OPERATIONS:
            document = documents()[name]

            async def through_graphql() -> Any:
                response = await client.post("/graphql", json={"query": document, "operationName": name, "variables": {"first": PAGE}}, headers={HEADER: str(chair)})
                assert response.status_code == 200, response.text
                return response.json()

            async def by_hand() -> Any:
                response = await client.post(f"/bench/{name}", headers={HEADER: str(chair)})
                assert response.status_code == 200, response.text
                return response.json()

            ways = {"GraphQL": through_graphql, "by hand": by_hand}
            answers = {way: await call() for way, call in ways.items()}
            assert not answers["GraphQL"].get("errors"), answers["GraphQL"]
            assert len(answers["GraphQL"]["data"]["conferences"]["nodes"]) == PAGE, "the chair needs a full page"
            assert answers["GraphQL"] == answers["by hand"], f"{name}: the hand-written route answers differently"
            times: dict[str, list[float]] = {way: [] for way in ways}
            cpu: dict[str, list[float]] = {way: [] for way in ways}
            statements: dict[str, list[int]] = {way: [] for way in ways}
            for _ in range(repeat):
                for way, call in ways.items():  # interleaved, so drift hits both alike
                    counter = StatementCounter(database.engine)
                    started, used = time.perf_counter(), time.process_time()
                    await call()
                    times[way].append((time.perf_counter() - started) * 1000)
                    cpu[way].append((time.process_time() - used) * 1000)
                    counter.close()
                    statements[way].append(counter.count)
            p50 = {way: statistics.median(t) for way, t in times.items()}
            cpu50 = {way: statistics.median(t) for way, t in cpu.items()}
            ratios[name] = p50["GraphQL"] / p50["by hand"]
            print(f"  {name:<15}" + "".join(
                f"  {way} p50 {p50[way]:6.1f} ms (p95 {percentile(times[way], 0.95):6.1f}, CPU {cpu50[way]:6.1f}, SQL {statistics.median(statements[way]):.0f})"
                for way in ways
            ) + f"   ratio {ratios[name]:.2f}x (CPU {cpu50['GraphQL'] / cpu50['by hand']:.2f}x)")
    await database.dispose()
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conferences", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    targets = [("SQLite", f"sqlite:///{ROOT / 'var' / 'dash_bench.db'}")]
    if pg := os.environ.get("PORTAL_TEST_DATABASE_URL"):
        targets.append(("PostgreSQL", pg.rsplit("/", 1)[0] + "/portal_dash_bench"))
    for label, template in targets:
        started = time.perf_counter()
        with scratch_database(template) as url:
            counts = seed_large_region(url, args.conferences)
            print(f"{label}: seeded {', '.join(f'{v:,} {k}' for k, v in counts.items())} in {time.perf_counter() - started:.0f} s")
            ratios = asyncio.run(bench(url, args.repeat))
            print("  target GraphQL within 1.5x of by hand: " + ", ".join(f"{n} {'met' if r <= 1.5 else 'not met'}" for n, r in ratios.items()))


if __name__ == "__main__":
    main()
