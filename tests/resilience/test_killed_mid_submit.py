"""kill -9 of a web process in the middle of a submit: the submit is wholly there or not at all, and the
client's retry with the same idempotency key submits it exactly once."""

import signal
import sqlite3
import threading
import time

import httpx
import psycopg
from sqlalchemy import func, select

from portal.accesslog.chain import APPEND_LOCK
from portal.contributions.models import Contribution, ContributionVersion
from portal.demo_identity import HEADER
from tests.support.contributions import REQUIRED_GP, sections
from tests.support.servers import portal_processes

SUBMIT = "mutation($input: SubmitContributionInput!) { submitContribution(input: $input) { contribution { id status } errors { code message } } }"
DRAFT = "mutation($input: SaveDraftInput!) { saveDraft(input: $input) { contribution { id } errors { message } } }"
KEY = "a3f9e2c4-retry-after-crash"


def graphql(base: str, person: int, query: str, variables: dict, timeout: float = 30) -> dict:
    answer = httpx.post(f"{base}/graphql", json={"query": query, "variables": variables}, headers={HEADER: str(person)}, timeout=timeout)
    assert answer.status_code == 200, answer.text
    return answer.json()["data"]


async def state(database, contribution_id: str) -> tuple[str, int]:
    async with database.session() as session:
        status = await session.scalar(select(Contribution.status).where(Contribution.id == int(contribution_id)))
        submitted = await session.scalar(select(func.count()).where(
            ContributionVersion.contribution_id == int(contribution_id), ContributionVersion.status == "SUBMITTED"))
    return status, submitted


class HeldWrites:
    """Holds what a submit must take before it can commit: on PostgreSQL the access log's append lock (the
    submit has written the report and waits to log it); on SQLite the database's write lock."""

    def __init__(self, database_url: str) -> None:
        if database_url.startswith("sqlite"):
            self.connection = sqlite3.connect(database_url.split(":///", 1)[1], isolation_level=None)
            self.connection.execute("BEGIN IMMEDIATE")
            self.postgres = False
        else:
            self.connection = psycopg.connect(database_url, autocommit=True)
            self.connection.execute("SELECT pg_advisory_lock(%s)", (APPEND_LOCK,))
            self.postgres = True

    def wait_for_a_waiter(self, within: float = 20) -> None:
        """On PostgreSQL, until the server's transaction waits for the lock; SQLite cannot say, so a moment."""
        if not self.postgres:
            time.sleep(1)
            return
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            waiting = self.connection.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid <> pg_backend_pid()").fetchone()[0]
            if waiting:
                return
            time.sleep(0.05)
        raise AssertionError("the submit never reached the access log's lock")

    def release(self) -> None:
        self.connection.execute("ROLLBACK" if not self.postgres else "SELECT pg_advisory_unlock_all()")
        self.connection.close()


async def test_a_submit_killed_mid_transaction_leaves_the_draft_and_the_retry_submits_once(served_url, served_database, served_world):
    world = served_world
    with portal_processes(served_url, 2) as (doomed, other):
        saved = graphql(doomed.base, world.gp1_author, DRAFT, {"input": {"invitationId": world.id("inv_gp1"), "sections": sections(REQUIRED_GP)}})
        contribution = saved["saveDraft"]["contribution"]["id"]
        held = HeldWrites(served_url)
        outcome: list[object] = []

        def submit() -> None:
            try:
                outcome.append(graphql(doomed.base, world.gp1_author, SUBMIT, {"input": {"contributionId": contribution, "idempotencyKey": KEY}}))
            except httpx.TransportError as error:
                outcome.append(error)

        client = threading.Thread(target=submit)
        client.start()
        try:
            held.wait_for_a_waiter()
            doomed.process.send_signal(signal.SIGKILL)
            doomed.process.wait(timeout=10)
        finally:
            held.release()
        client.join(timeout=30)
        assert len(outcome) == 1 and isinstance(outcome[0], httpx.TransportError), outcome
        assert await state(served_database, contribution) == ("DRAFT", 0)

        # The client retries, and the proxy sends the retry to the other web process.
        answers = [graphql(other.base, world.gp1_author, SUBMIT, {"input": {"contributionId": contribution, "idempotencyKey": KEY}})
                   for _ in range(3)]
    assert answers[0]["submitContribution"] == {"contribution": {"id": contribution, "status": "SUBMITTED"}, "errors": []}
    assert answers[1] == answers[2] == answers[0]
    assert await state(served_database, contribution) == ("SUBMITTED", 1)
