"""A mixed day under load, against the real thing: PostgreSQL, two `portal serve` processes and one
`portal worker` sending reminders to an SMTP server on loopback, over a large seeded region
(bench/large_region.py). Then checks that nothing was lost.

Users, each on its own keep-alive connection to one of the web processes, a moment's thought
(0.1-0.5 s) between requests:
- chairs (2 in 5): their dashboard (ChairUpcoming), readiness (ChairReadiness), one conference
  (ChairConferencePage) and the page /chair/conferences;
- agencies (2 in 5): an open invitation's form (WriteReportPage), two saves of the draft (SaveDraft),
  then SubmitContribution with an idempotency key, sent again with the same key when the answer is lost;
  one in four of them first fills the draft from a small generated PDF (UploadReport, multipart);
- family members (1 in 10): their meetings (FamilyConferences) and one of them (FamilyConferencePage);
- business support (1 in 10): create a review conference for one of the LA's children (CreateConference),
  schedule it with one of the LA's chairs (ScheduleConference) and invite two organisations (InviteOrganisation).
Every chair also holds a live readiness subscription (ReadinessLive over WebSocket, graphql-transport-ws)
open for the whole day. With Caddy installed the users go through it, configured from deploy/Caddyfile
(on a loopback port, plain HTTP), which spreads them over the web processes; without it each user
talks to one web process.

Prints requests/s, p50/p95/p99 per operation, answers that were errors, what the live subscriptions
received, each process's memory (RSS) every 30 s from the start of the warm-up with the figures after
warm-up and at the end, and the checks: every write acknowledged (submit, upload, conference created,
scheduled, organisation invited) is in the database and written in the access log exactly once (by the
request ids of its attempts), no submit happened that was not acknowledged, and every reminder due was
sent exactly once (the SMTP server's copies against the outbox) with none left due.

    .venv/bin/python bench/mixed_day.py [--conferences 100000] [--users 50] [--seconds 600] [--warm-up 150] [--database-url URL]

The database is a new one on PORTAL_TEST_DATABASE_URL's server (or --database-url's), dropped afterwards.
tests/resilience/test_mixed_day.py runs a short day on small data.
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from email import message_from_bytes
from pathlib import Path
from typing import Any

import httpx
from aiosmtpd.controller import Controller
from sqlalchemy import create_engine, func, select
from websockets.asyncio.client import connect as websocket

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.dashboard_throughput import free_port  # noqa: E402
from portal.accesslog import WRITE  # noqa: E402
from portal.accesslog.models import AccessLogEntry  # noqa: E402
from portal.agencies import AgencyRegistry  # noqa: E402
from portal.children.models import Child  # noqa: E402
from portal.conferences.models import Conference, Invitation  # noqa: E402
from portal.contributions.models import Contribution, ContributionVersion  # noqa: E402
from portal.demo_identity import HEADER  # noqa: E402
from portal.edge.operations import documents  # noqa: E402
from portal.enums import ConferenceStatus, ContributionStatus, Role  # noqa: E402
from portal.families.models import FamilyMember  # noqa: E402
from portal.ingest.models import UploadedReport  # noqa: E402
from portal.people.models import Organisation, Person, PersonRole  # noqa: E402
from portal.reminders.models import OutboxStatus, ReminderOutbox  # noqa: E402
from portal.settings import Settings, sync_url  # noqa: E402
from tests.support import pdfs  # noqa: E402

Command = Callable[..., list[str]]
START_UP = 240  # seconds; each process builds its application slowly on a loaded machine
THINK = (0.1, 0.5)
SUBMIT_TRIES = 3
UPLOAD_EVERY = 4  # an agency user fills its first report from a PDF, and every fourth after
SAMPLE_EVERY = 30.0  # seconds between memory samples
PDFS = [fixture.data for fixture in (pdfs.clinical_print(), pdfs.letter())]
CADDYFILE = ROOT / "deploy" / "Caddyfile"


def plain_command(*args: str, tick: bool = False) -> list[str]:
    """`portal` on the wall clock (the bench's); the test passes its pinned-clock command instead."""
    return [sys.executable, "-c", "from portal.cli import app; app()", *args]


# What the users do


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    server_errors: int = 0
    examples: list[str] = field(default_factory=list)
    acknowledged: dict[int, list[str]] = field(default_factory=dict)  # contribution id -> request ids of its submit's attempts
    unanswered: dict[int, list[str]] = field(default_factory=dict)  # submits never answered, after every retry
    writes: list[tuple[str, int, str]] = field(default_factory=list)  # (what, id, request id) of other writes acknowledged
    live: Counter[str] = field(default_factory=Counter)  # what the live subscriptions saw

    def failed(self, operation: str, why: str) -> None:
        self.errors[operation] += 1
        if len(self.examples) < 10:
            self.examples.append(f"{operation}: {why[:300]}")


class User:
    def __init__(self, client: httpx.AsyncClient, person: int, tally: Tally, until: float) -> None:
        self.client, self.person, self.tally, self.until = client, person, tally, until

    async def think(self) -> None:
        await asyncio.sleep(random.uniform(*THINK))

    async def graphql(self, operation: str, variables: dict[str, Any], label: str | None = None,
                      request_id: str | None = None) -> dict[str, Any] | None:
        """The operation's data, or None when the answer was an error (counted)."""
        label = label or operation
        headers = {HEADER: str(self.person), "x-request-id": request_id or uuid.uuid4().hex}
        body = {"query": documents()[operation], "operationName": operation, "variables": variables}
        started = time.perf_counter()
        answer = await self.client.post("/graphql", json=body, headers=headers)
        self.tally.latencies[label].append((time.perf_counter() - started) * 1000)
        self.tally.server_errors += answer.status_code >= 500
        data = answer.json() if answer.headers.get("content-type", "").startswith("application/json") else {}
        if answer.status_code != 200 or data.get("errors"):
            self.tally.failed(label, f"{answer.status_code} {answer.text}")
            return None
        return data["data"]

    async def write(self, operation: str, variables: dict[str, Any], label: str, what: str, payload: str, returned: str) -> int | None:
        """A write answered without errors: its id, recorded with the request id for the checks."""
        request_id = uuid.uuid4().hex
        data = await self.graphql(operation, variables, label, request_id=request_id)
        if data is None:
            return None
        if data[payload]["errors"]:
            self.tally.failed(label, json.dumps(data[payload]["errors"]))
            return None
        made = int(data[payload][returned]["id"])
        self.tally.writes.append((what, made, request_id))
        return made

    async def page(self, path: str, label: str) -> None:
        started = time.perf_counter()
        answer = await self.client.get(path, headers={HEADER: str(self.person), "accept": "text/html"})
        self.tally.latencies[label].append((time.perf_counter() - started) * 1000)
        self.tally.server_errors += answer.status_code >= 500
        if answer.status_code != 200:
            self.tally.failed(label, f"{answer.status_code} {answer.text}")


class Chair(User):
    def __init__(self, *args: Any, conferences: Sequence[int]) -> None:
        super().__init__(*args)
        self.conferences = conferences

    async def run(self) -> None:
        while time.monotonic() < self.until:
            await self.graphql("ChairUpcoming", {"first": 50}, "dashboard (ChairUpcoming)")
            await self.think()
            await self.graphql("ChairReadiness", {"first": 50}, "readiness (ChairReadiness)")
            await self.think()
            if self.conferences:
                await self.graphql("ChairConferencePage", {"conference": str(random.choice(self.conferences))}, "conference (ChairConferencePage)")
                await self.think()
            await self.page("/chair/conferences", "page /chair/conferences")
            await self.think()


class Agency(User):
    def __init__(self, *args: Any, invitations: list[int], sections: dict[int, list[str]]) -> None:
        super().__init__(*args)
        self.invitations = invitations
        self.sections = sections  # the required sections of each invitation's agency
        self.handled = 0

    async def run(self) -> None:
        while time.monotonic() < self.until and self.invitations:
            invitation = self.invitations.pop()
            await self.graphql("WriteReportPage", {"invitation": str(invitation)}, "report form (WriteReportPage)")
            await self.think()
            if self.handled % UPLOAD_EVERY == 0:
                await self.upload(invitation)
                await self.think()
            self.handled += 1
            required = self.sections[invitation]
            half = len(required) // 2
            saved = None
            for part in (required[:half], required[half:]):
                texts = [{"sectionId": s, "text": f"Seen at the surgery on {random.randint(1, 28)} November; {s} noted."} for s in part]
                data = await self.graphql("SaveDraft", {"input": {"invitationId": str(invitation), "sections": texts}}, "save draft (SaveDraft)")
                if data is None or data["saveDraft"]["errors"]:
                    if data is not None:
                        self.tally.failed("save draft (SaveDraft)", json.dumps(data["saveDraft"]["errors"]))
                    saved = None
                    break
                saved = data["saveDraft"]["contribution"]["id"]
                await self.think()
            if saved is not None:
                await self.submit(int(saved))
                await self.think()

    async def upload(self, invitation: int) -> None:
        label, request_id = "upload PDF (UploadReport)", uuid.uuid4().hex
        operations = {"query": documents()["UploadReport"], "operationName": "UploadReport",
                      "variables": {"input": {"invitationId": str(invitation), "file": None, "mode": "MERGE"}}}
        form = {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.input.file"]})}
        started = time.perf_counter()
        answer = await self.client.post("/graphql", data=form, files={"0": ("report.pdf", random.choice(PDFS), "application/pdf")},
                                        headers={HEADER: str(self.person), "x-request-id": request_id})
        self.tally.latencies[label].append((time.perf_counter() - started) * 1000)
        self.tally.server_errors += answer.status_code >= 500
        data = answer.json() if answer.headers.get("content-type", "").startswith("application/json") else {}
        if answer.status_code != 200 or data.get("errors") or data["data"]["uploadReport"]["errors"]:
            self.tally.failed(label, f"{answer.status_code} {answer.text}")
            return
        self.tally.writes.append(("uploads", int(data["data"]["uploadReport"]["upload"]["id"]), request_id))

    async def submit(self, contribution: int) -> None:
        key, attempts = str(uuid.uuid4()), []
        for _ in range(SUBMIT_TRIES):
            attempts.append(request_id := uuid.uuid4().hex)
            try:
                data = await self.graphql("SubmitContribution", {"input": {"contributionId": str(contribution), "idempotencyKey": key}},
                                          "submit (SubmitContribution)", request_id=request_id)
            except httpx.TransportError as error:
                self.tally.failed("submit (SubmitContribution)", f"no answer ({type(error).__name__}); sent again with the same key")
                continue
            if data is not None and not data["submitContribution"]["errors"] and data["submitContribution"]["contribution"]["status"] == "SUBMITTED":
                self.tally.acknowledged[contribution] = attempts
            elif data is not None:
                self.tally.failed("submit (SubmitContribution)", json.dumps(data["submitContribution"]["errors"]))
            return
        self.tally.unanswered[contribution] = attempts


class Family(User):
    async def run(self) -> None:
        while time.monotonic() < self.until:
            data = await self.graphql("FamilyConferences", {}, "family meetings (FamilyConferences)")
            await self.think()
            if data and data["familyConferences"]:
                chosen = random.choice(data["familyConferences"])["id"]
                await self.graphql("FamilyConferencePage", {"conference": chosen}, "family meeting (FamilyConferencePage)")
                await self.think()


class BusinessSupport(User):
    def __init__(self, *args: Any, la: int, children: list[int], chairs: list[int], organisations: list[int], now: Callable[[], Any]) -> None:
        super().__init__(*args)
        self.la, self.children, self.chairs, self.organisations, self.now = la, children, chairs, organisations, now

    async def run(self) -> None:
        while time.monotonic() < self.until and self.children:
            conference = await self.write("CreateConference", {"input": {"laId": str(self.la), "kind": "RCPC", "childIds": [str(self.children.pop())]}},
                                          "business support: create (CreateConference)", "conferences created", "createConference", "conference")
            await self.think()
            if conference is None:
                continue
            day = (self.now() + timedelta(days=random.randint(15, 40))).replace(hour=10, minute=0, second=0, microsecond=0)
            scheduled = await self.write("ScheduleConference", {"input": {"conferenceId": str(conference), "scheduledAt": day.isoformat(),
                                                                          "chairId": str(random.choice(self.chairs))}},
                                         "business support: schedule (ScheduleConference)", "conferences scheduled", "scheduleConference", "conference")
            await self.think()
            if scheduled is None:
                continue
            for organisation in random.sample(self.organisations, 2):
                await self.write("InviteOrganisation", {"input": {"conferenceId": str(conference), "organisationId": str(organisation)}},
                                 "business support: invite (InviteOrganisation)", "invitations", "inviteOrganisation", "invitation")
                await self.think()


async def hold_live(base: str, chair: int, conference: int, tally: Tally, until: float) -> None:
    """A chair's live readiness for one conference, open until the day ends: counts what arrives."""
    try:
        async with websocket(base.replace("http", "ws", 1) + "/graphql", subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                             additional_headers={HEADER: str(chair)}, open_timeout=60) as connection:
            await connection.send(json.dumps({"type": "connection_init"}))
            await connection.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
                "query": documents()["ReadinessLive"], "operationName": "ReadinessLive", "variables": {"conferenceId": str(conference)}}}))
            tally.live["opened"] += 1
            while (left := until - time.monotonic()) > 0:
                try:
                    message = json.loads(await asyncio.wait_for(connection.recv(), left))
                except TimeoutError:
                    break
                if message["type"] == "ping":
                    await connection.send(json.dumps({"type": "pong"}))
                elif message["type"] == "next" and not message["payload"].get("errors"):
                    tally.live["readiness results received"] += 1
                elif message["type"] != "connection_ack":
                    tally.failed("live readiness (ReadinessLive)", json.dumps(message))
                    return
            tally.live["still open at the end"] += 1
    except Exception as error:
        tally.failed("live readiness (ReadinessLive)", f"{type(error).__name__}: {error}")


# Who the users are, from the seeded region


@dataclass
class Cast:
    chairs: dict[int, list[int]]  # chair -> upcoming conferences they chair
    agencies: list[tuple[int, list[int]]]  # contributor -> open invitations of their organisation
    sections: dict[int, list[str]]
    family: list[int]
    business_support: list[tuple[int, int, list[int]]]  # (person, LA, children of the LA to hold a review for)
    chairs_of: dict[int, list[int]]  # LA -> its chairs
    organisations: list[int]  # organisations business support invite


def cast(url: str, agency_users: int, now: Any, per_user: int = 400) -> Cast:
    engine = create_engine(sync_url(url))
    agencies = AgencyRegistry.load(Settings().agencies_dir)
    with engine.connect() as db:
        chairs: dict[int, list[int]] = defaultdict(list)
        for chair, conference in db.execute(
            select(Conference.chair_id, Conference.id).where(Conference.status == ConferenceStatus.SCHEDULED, Conference.scheduled_at > now)
            .order_by(Conference.scheduled_at).limit(20_000)
        ):
            if len(chairs[chair]) < 50:
                chairs[chair].append(conference)
        contributors: dict[int, list[int]] = defaultdict(list)
        for person, organisation in db.execute(
            select(Person.id, Person.organisation_id).join(PersonRole, PersonRole.person_id == Person.id)
            .where(PersonRole.role == Role.CONTRIBUTOR).order_by(Person.id)
        ):
            contributors[organisation].append(person)
        open_invitations = db.execute(
            select(Invitation.id, Invitation.organisation_id, Organisation.agency_id)
            .join(Conference, Conference.id == Invitation.conference_id).join(Organisation, Organisation.id == Invitation.organisation_id)
            .where(Conference.status == ConferenceStatus.SCHEDULED, Conference.scheduled_at > now,
                   ~select(Contribution.id).where(Contribution.invitation_id == Invitation.id).exists(),
                   Invitation.organisation_id.in_(list(contributors)))
            .order_by(Invitation.id).limit(agency_users * per_user)
        ).all()
        family = list(db.execute(select(FamilyMember.person_id).where(FamilyMember.ended_at.is_(None)).distinct()).scalars())
        chairs_of: dict[int, list[int]] = defaultdict(list)
        for person, la in db.execute(select(PersonRole.person_id, PersonRole.la_id).where(PersonRole.role == Role.CHAIR).order_by(PersonRole.person_id)):
            chairs_of[la].append(person)
        business_support = []
        for person, la in db.execute(select(PersonRole.person_id, PersonRole.la_id).where(PersonRole.role == Role.BUSINESS_SUPPORT).order_by(PersonRole.person_id)):
            children = list(db.execute(select(Child.id).where(Child.la_id == la).order_by(Child.id.desc()).limit(per_user)).scalars())
            business_support.append((person, la, children))
        organisations = list(db.execute(select(Organisation.id).where(Organisation.agency_id.in_(["gp", "school"])).order_by(Organisation.id)).scalars())
    engine.dispose()
    by_organisation: dict[int, list[int]] = defaultdict(list)
    sections = {}
    for invitation, organisation, agency in open_invitations:
        by_organisation[organisation].append(invitation)
        sections[invitation] = [s.id for s in agencies[agency].required_sections]
    # Each agency user works through a share of one organisation's invitations, as one of its contributors.
    organisations = sorted(by_organisation, key=lambda o: (-len(by_organisation[o]), o))[:agency_users]
    users = []
    for n in range(agency_users if organisations else 0):
        organisation = organisations[n % len(organisations)]
        sharing = len(range(n % len(organisations), agency_users, len(organisations)))
        users.append((contributors[organisation][0], by_organisation[organisation][n // len(organisations)::sharing]))
    return Cast(dict(chairs), users, sections, family, business_support, dict(chairs_of), organisations)


# The processes


class Mailbox:
    """A real SMTP server on loopback that keeps each message's reminder key."""

    def __init__(self) -> None:
        self.keys: Counter[str] = Counter()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.keys[message_from_bytes(envelope.content)["X-Reminder-Key"]] += 1
        return "250 OK"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Processes:
    web: list[tuple[str, subprocess.Popen[bytes]]]
    worker: subprocess.Popen[bytes]
    proxy: tuple[str, subprocess.Popen[bytes]] | None

    @property
    def bases(self) -> list[str]:
        """Where the users connect: the proxy, or each web process in turn."""
        return [self.proxy[0]] if self.proxy else [base for base, _ in self.web]

    def pids(self) -> dict[str, int]:
        named = {f"web {n + 1}": p.pid for n, (_, p) in enumerate(self.web)} | {"worker": self.worker.pid}
        return named | ({"caddy": self.proxy[1].pid} if self.proxy else {})


def loopback_caddyfile(port: int, upstreams: list[str]) -> str:
    """deploy/Caddyfile with the site on a loopback port over plain HTTP and the web processes as its upstreams;
    the rest (body limit, /metrics refused, round robin, health checks, WebSockets) as deployed."""
    text = CADDYFILE.read_text()
    site, upstream = "localhost {", "reverse_proxy web1:8000 web2:8000 {"
    assert site in text and upstream in text, "deploy/Caddyfile changed shape: update the bench"
    text = text.replace(site, f"http://127.0.0.1:{port} {{").replace(upstream, f"reverse_proxy {' '.join(u.removeprefix('http://') for u in upstreams)} {{")
    return "{\n\tadmin off\n\tauto_https off\n}\n\n" + text


def _wait_ready(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_UP
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{log.stem} exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{base}/healthz/ready", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{log.stem} did not start within {START_UP} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def processes(url: str, web: int, smtp_port: int, command: Command, logs: Path, proxied: bool = True) -> Iterator[Processes]:
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env = {**base_env, "PORTAL_DATABASE_URL": url, "PORTAL_DEMO": "true", "PORTAL_HOST": "127.0.0.1", "PORTAL_SECRET_KEY": "mixed-day-bench",
           "PORTAL_SMTP_HOST": "127.0.0.1", "PORTAL_SMTP_PORT": str(smtp_port), "PORTAL_BASE_URL": "https://portal.example",
           "PORTAL_SMTP_SENDER": "Conference portal <noreply@portal.example>", "PORTAL_WORKER_BATCH_SIZE": "50"}
    with ExitStack() as stack:
        started = []
        for n in range(web):
            port = free_port()
            out = stack.enter_context((logs / f"web-{n}.log").open("wb"))
            process = subprocess.Popen(command("serve"), cwd=ROOT, env={**env, "PORTAL_PORT": str(port)}, stdout=out, stderr=out)
            stack.callback(_stop, process)
            started.append((f"http://127.0.0.1:{port}", process))
        out = stack.enter_context((logs / "worker.log").open("wb"))
        worker = subprocess.Popen(command("worker", "--interval", "2", tick=True), cwd=ROOT, env=env, stdout=out, stderr=out)
        stack.callback(_stop, worker)
        for n, (base, process) in enumerate(started):
            _wait_ready(base, process, logs / f"web-{n}.log")
        proxy = None
        if proxied and (caddy := shutil.which("caddy")):
            port = free_port()
            (logs / "Caddyfile").write_text(loopback_caddyfile(port, [base for base, _ in started]))
            out = stack.enter_context((logs / "caddy.log").open("wb"))
            process = subprocess.Popen([caddy, "run", "--config", str(logs / "Caddyfile"), "--adapter", "caddyfile"], cwd=logs, stdout=out, stderr=out,
                                       env={**base_env, "HOME": str(logs), "XDG_DATA_HOME": str(logs), "XDG_CONFIG_HOME": str(logs)})
            stack.callback(_stop, process)
            proxy = (f"http://127.0.0.1:{port}", process)
            _wait_ready(proxy[0], process, logs / "caddy.log")
        yield Processes(started, worker, proxy)


# The day and its checks


@dataclass
class Day:
    seconds: float
    tally: Tally
    memory: dict[str, tuple[float, float]]  # process -> (after warm-up, at the end), MB
    checks: dict[str, Any]
    series: list[tuple[float, dict[str, float]]] = field(default_factory=list)  # (seconds since the warm-up began, MB by process)
    proxied: bool = False

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.tally.latencies.values())


async def _load(bases: list[str], cast_: Cast, users: int, seconds: float, tally: Tally, now: Callable[[], Any]) -> None:
    until = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [httpx.AsyncClient(base_url=bases[n % len(bases)], timeout=60, limits=limits) for n in range(users)]
    chairs, agencies = list(cast_.chairs.items()), list(cast_.agencies)
    support = cast_.business_support
    sharing = -(-len(range(9, users, 10)) // max(1, len(support)))  # users acting as one business support person
    crowd: list[User] = []
    live = []
    for n, client in enumerate(clients):
        kind = n % 10
        if kind in (4, 5, 6, 7) and agencies:
            person, invitations = agencies.pop()
            crowd.append(Agency(client, person, tally, until, invitations=invitations, sections=cast_.sections))
        elif kind == 8 and cast_.family:
            crowd.append(Family(client, cast_.family[n % len(cast_.family)], tally, until))
        elif kind == 9 and support:
            person, la, children = support[(n // 10) % len(support)]
            share = (n // 10) // len(support)  # those acting as one person each take their own share of its children
            crowd.append(BusinessSupport(client, person, tally, until, la=la, children=children[share::sharing],
                                         chairs=cast_.chairs_of[la], organisations=cast_.organisations, now=now))
        else:
            chair, conferences = chairs[n % len(chairs)]
            crowd.append(Chair(client, chair, tally, until, conferences=conferences))
            if conferences:
                live.append(hold_live(bases[n % len(bases)], chair, random.choice(conferences), tally, until))
    try:
        await asyncio.gather(*(user.run() for user in crowd), *live)
    finally:
        for client in clients:
            await client.aclose()


class MemorySampler:
    """Each process's RSS every SAMPLE_EVERY seconds, in a thread, from start() to stop()."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.series: list[tuple[float, dict[str, float]]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._began = 0.0

    def sample(self) -> dict[str, float]:
        taken = {name: rss_mb(pid) for name, pid in self.pids.items()}
        self.series.append((time.monotonic() - self._began, taken))
        return taken

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY):
            self.sample()

    def start(self) -> None:
        self._began = time.monotonic()
        self.sample()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _drain(url: str, now: Callable[[], Any], within: float) -> int:
    """Wait until no reminder due is waiting to be sent; the number still due when the time ran out."""
    engine = create_engine(sync_url(url))
    deadline = time.monotonic() + within
    try:
        while True:
            with engine.connect() as db:
                waiting = db.scalar(select(func.count()).select_from(ReminderOutbox).where(
                    ReminderOutbox.status.in_([OutboxStatus.PENDING, OutboxStatus.SENDING]), ReminderOutbox.send_at <= now()))
            if not waiting or time.monotonic() > deadline:
                return waiting
            time.sleep(1)
    finally:
        engine.dispose()


def _last_contribution(url: str) -> int:
    engine = create_engine(sync_url(url))
    with engine.connect() as db:
        last = db.scalar(select(func.max(Contribution.id))) or 0
    engine.dispose()
    return last


def verify(url: str, tally: Tally, mail: Counter[str], first_id: int) -> dict[str, Any]:
    """Nothing lost, nothing twice: the submits against the database and the access log, the reminders against the inbox."""
    engine = create_engine(sync_url(url))
    acknowledged = tally.acknowledged
    with engine.connect() as db:
        status = dict(db.execute(select(Contribution.id, Contribution.status).where(Contribution.id.in_(list(acknowledged) or [0]))).all())
        versions = Counter(db.execute(select(ContributionVersion.contribution_id).where(
            ContributionVersion.contribution_id.in_(list(acknowledged) or [0]), ContributionVersion.status == ContributionStatus.SUBMITTED)).scalars())
        request_ids = [r for attempts in acknowledged.values() for r in attempts]
        logged: Counter[str] = Counter()
        for start in range(0, len(request_ids), 500):
            logged.update(db.execute(select(AccessLogEntry.request_id).where(
                AccessLogEntry.action == WRITE, AccessLogEntry.request_id.in_(request_ids[start:start + 500]))).scalars())
        submitted_since = set(db.execute(select(Contribution.id).where(
            Contribution.status == ContributionStatus.SUBMITTED, Contribution.id > first_id)).scalars())
        outbox = db.execute(select(ReminderOutbox.key, ReminderOutbox.status)).all()
    engine.dispose()
    writes = {c: sum(logged[r] for r in attempts) for c, attempts in acknowledged.items()}
    sent = {key for key, s in outbox if s == OutboxStatus.SENT}
    return {
        **verify_writes(url, tally.writes),
        "submits acknowledged": len(acknowledged),
        "acknowledged but not SUBMITTED in the database": sorted(c for c in acknowledged if status.get(c) != ContributionStatus.SUBMITTED),
        "acknowledged without exactly one SUBMITTED version": sorted(c for c in acknowledged if versions[c] != 1),
        "acknowledged without exactly one access-log write": sorted(c for c, n in writes.items() if n != 1),
        "submitted but never acknowledged": sorted(submitted_since - set(acknowledged) - set(tally.unanswered)),
        "reminders sent": len(sent),
        "reminders sent but not received": sorted(sent - set(mail)),
        "reminders received more than once": sorted(k for k, n in mail.items() if n > 1),
        "reminders received that the outbox does not hold as sent": sorted(set(mail) - sent),
        "reminders given up (FAILED)": sum(s == OutboxStatus.FAILED for _, s in outbox),
    }


def proxy_errors(log: Path, since: int) -> list[str]:
    """Caddy's error lines after byte `since` (a 502 says here why the upstream failed), shortened."""
    errors = []
    for line in log.read_bytes()[since:].decode(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("level") == "error":
            errors.append(f"{entry.get('msg')}: {entry.get('error', '')}"[:300])
    return errors


def verify_writes(url: str, writes: list[tuple[str, int, str]]) -> dict[str, Any]:
    """Each write acknowledged besides submits: in the database as answered, and one access-log write under its request id."""
    engine = create_engine(sync_url(url))
    by_kind: dict[str, set[int]] = defaultdict(set)
    for what, made, _ in writes:
        by_kind[what].add(made)
    found = {
        "conferences created": select(Conference.id).where(Conference.id.in_(by_kind["conferences created"] or [0])),
        "conferences scheduled": select(Conference.id).where(Conference.id.in_(by_kind["conferences scheduled"] or [0]),
                                                              Conference.status == ConferenceStatus.SCHEDULED),
        "invitations": select(Invitation.id).where(Invitation.id.in_(by_kind["invitations"] or [0])),
        "uploads": select(UploadedReport.id).where(UploadedReport.id.in_(by_kind["uploads"] or [0])),
    }
    logged: Counter[str] = Counter()
    request_ids = [r for _, _, r in writes]
    with engine.connect() as db:
        present = {what: set(db.execute(query).scalars()) for what, query in found.items()}
        for start in range(0, len(request_ids), 500):
            logged.update(db.execute(select(AccessLogEntry.request_id).where(
                AccessLogEntry.action == WRITE, AccessLogEntry.request_id.in_(request_ids[start:start + 500]))).scalars())
    engine.dispose()
    checks: dict[str, Any] = {}
    for what in found:
        checks[f"{what} acknowledged"] = len(by_kind[what])
        checks[f"{what} acknowledged but not in the database"] = sorted(by_kind[what] - present[what])
    checks["other writes acknowledged without exactly one access-log write"] = sorted(r for r in request_ids if logged[r] != 1)
    return checks


def lost(checks: dict[str, Any]) -> dict[str, Any]:
    """The checks that found something lost or doubled (the proxy's errors are reported, not counted here)."""
    return {k: v for k, v in checks.items() if isinstance(v, list) and v and k != "errors in the proxy's log" or k == "reminders given up (FAILED)" and v}


def run_day(url: str, users: int, seconds: float, *, command: Command = plain_command, now: Callable[[], Any],
            web: int = 2, warm_up: float = 10, drain: float = 120, proxied: bool = True) -> Day:
    """The load on a seeded database: processes started, warmed up with the same load, measured, drained and checked."""
    mailbox = Mailbox()
    smtp_port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        with tempfile.TemporaryDirectory(prefix="mixed-day-") as folder, processes(url, web, smtp_port, command, Path(folder), proxied) as running:
            cast_ = cast(url, agency_users=users * 2 // 5 + 1, now=now())
            first_id = _last_contribution(url)
            proxy_log_start = (Path(folder) / "caddy.log").stat().st_size if running.proxy else 0
            memory = MemorySampler(running.pids())
            memory.start()
            warming = Tally()
            asyncio.run(_load(running.bases, cast_, users, warm_up, warming, now))
            warm = memory.sample()
            tally = Tally()
            began = time.perf_counter()
            asyncio.run(_load(running.bases, cast_, users, seconds, tally, now))
            elapsed = time.perf_counter() - began
            end = memory.sample()
            memory.stop()
            tally.acknowledged |= warming.acknowledged
            tally.unanswered |= warming.unanswered
            tally.writes += warming.writes
            still_due = _drain(url, now, drain)
            checks = {"reminders still due after the drain": still_due} | verify(url, tally, mailbox.keys, first_id)
            for name, log in (("web", "web-0.log"), ("worker", "worker.log")):
                said = (Path(folder) / log).read_text(errors="replace")
                checks[f"tracebacks in the {name} log"] = said.count("Traceback")
            if running.proxy:
                checks["errors in the proxy's log"] = proxy_errors(Path(folder) / "caddy.log", proxy_log_start)
    finally:
        controller.stop()
    return Day(elapsed, tally, {name: (warm[name], end[name]) for name in warm}, checks, memory.series, running.proxy is not None)


def percentile(times: list[float], fraction: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def report(day: Day) -> str:
    tally = day.tally
    lines = [f"{day.requests:,} requests in {day.seconds:.0f} s: {day.requests / day.seconds:.1f} requests/s; "
             f"{sum(tally.errors.values())} answered with an error, {tally.server_errors} with 5xx",
             f"  {'operation':<48} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}"]
    for operation, times in sorted(tally.latencies.items()):
        lines.append(f"  {operation:<48} {len(times):>7} {statistics.median(times):>8.1f} {percentile(times, 0.95):>8.1f} "
                     f"{percentile(times, 0.99):>8.1f} {tally.errors[operation]:>7}")
    lines += [f"  error: {example}" for example in tally.examples]
    lines.append(f"through {'Caddy (deploy/Caddyfile on loopback)' if day.proxied else 'no proxy'}; live subscriptions: "
                 + ", ".join(f"{n} {what}" for what, n in tally.live.items()))
    lines.append("memory (RSS, MB): " + "; ".join(f"{name} {a:.0f} after warm-up, {b:.0f} at the end ({(b - a) / a * 100:+.0f}%)"
                                                  for name, (a, b) in day.memory.items()))
    names = list(day.memory)
    lines.append(f"  {'s':>6} " + " ".join(f"{name:>8}" for name in names))
    lines += [f"  {at:>6.0f} " + " ".join(f"{taken.get(name, 0):>8.0f}" for name in names) for at, taken in day.series]
    lines += [f"  {name}: {value if not isinstance(value, list) else (len(value) if value else 'none')}" for name, value in day.checks.items()]
    lines += [f"  proxy: {line}" for line in day.checks.get("errors in the proxy's log", [])[:5]]
    return "\n".join(lines)


def main() -> None:
    from datetime import UTC, datetime

    from bench.large_region import scratch_database, seed_large_region

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conferences", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--warm-up", type=float, default=150, help="seconds of the same load before memory is taken as warm")
    parser.add_argument("--no-proxy", action="store_true", help="users talk to the web processes directly, not through Caddy")
    parser.add_argument("--database-url", default=os.environ.get("PORTAL_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"))
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    started = time.perf_counter()
    with scratch_database(args.database_url.rsplit("/", 1)[0] + "/portal_mixed_day") as url:
        counts = seed_large_region(url, args.conferences)
        print(f"seeded {', '.join(f'{v:,} {k}' for k, v in counts.items())} in {time.perf_counter() - started:.0f} s; "
              f"{args.users} users for {args.seconds:.0f} s after {args.warm_up:.0f} s of warm-up, against 2 web processes and 1 worker; "
              f"load average {os.getloadavg()}")
        day = run_day(url, args.users, args.seconds, now=lambda: datetime.now(UTC), warm_up=args.warm_up, proxied=not args.no_proxy)
        print(report(day))
        print(f"load average at the end {os.getloadavg()}")
        if lost(day.checks) or day.tally.server_errors:
            sys.exit(1)


if __name__ == "__main__":
    main()
