"""Reminders to the person asked to answer a challenge, through the reminder outbox and the worker's real
SMTP sender into an aiosmtpd inbox: each is sent exactly once however often the worker runs, the next
person is reminded after an escalation, and the reminders of a stage answered are cancelled unsent."""

from datetime import UTC, date, datetime

from sqlalchemy import select

from portal.challenges.reminders import plan_step_reminders
from portal.reminders.models import OutboxStatus, ReminderOutbox
from portal.reminders.worker import make_sender, run_pass
from portal.settings import Settings
from tests.support.challenges import RULES


def settings(database_url: str, smtp_port: int) -> Settings:
    return Settings(database_url=database_url, smtp_host="127.0.0.1", smtp_port=smtp_port, base_url="https://portal.example",
                    smtp_sender="noreply@portal.example")


async def passes(database, database_url, smtp_port, inbox, times: int = 2) -> int:
    """Run the worker `times` over: the challenge reminders it sent (the world's report reminders go too)."""
    config = settings(database_url, smtp_port)
    before = len(received(inbox))
    for _ in range(times):
        await run_pass(database, make_sender(config), config, RULES, "w1")
    return len(received(inbox)) - before


def received(inbox) -> list[tuple[str, str, str]]:
    return [(m["To"], m["Subject"], m["X-Reminder-Key"].split(":")[0]) for m in inbox.messages if m["X-Reminder-Key"].startswith("CHALLENGE_")]


async def test_the_person_asked_is_reminded_exactly_once_each_time_and_an_answered_stage_stops_reminding(
        api, managed, database, database_url, inbox, smtp_port, frozen):
    raised = await api.mutate("raiseChallenge", {
        "childId": managed.id("child_a1"), "kind": "FORMAL", "reasons": ["report_quality"], "resolutionSought": "A new report before the review.",
        "responderId": managed.id("tm_a")}, "challenge { id }", as_=managed.chair_a)
    challenge = raised["challenge"]["id"]
    # Monday 12 October: asked at once; the answer is due Monday 19th, so a reminder on Friday 16th and, unanswered, on Tuesday 20th.
    assert await passes(database, database_url, smtp_port, inbox) == 1
    assert received(inbox) == [("tm_a@example.org", "An IRO challenge is waiting for your answer", "CHALLENGE_ASK")]
    body = [m for m in inbox.messages if m["X-Reminder-Key"].startswith("CHALLENGE_")][0].get_payload(decode=True).decode().replace("\r\n", "\n")
    assert f"https://portal.example/challenges/{challenge}" in body and "informal resolution stage, by Monday 19 October 2026" in body

    frozen.move_to(datetime(2026, 10, 16, 8, 0, tzinfo=UTC))
    assert await passes(database, database_url, smtp_port, inbox) == 1
    assert received(inbox)[-1] == ("tm_a@example.org", "IRO challenge: your answer is due by Monday 19 October 2026", "CHALLENGE_DUE")
    answered = await api.mutate("respondToChallenge", {"challengeId": challenge, "outcome": "NOT_UPHELD", "response": "The report stands."},
                                "challenge { id }", as_=managed.tm_a)
    assert answered["errors"] == []
    escalated = await api.mutate("escalateChallenge", {"challengeId": challenge, "stage": "service_manager"}, "challenge { id }", as_=managed.chair_a)
    assert escalated["errors"] == []
    assert await passes(database, database_url, smtp_port, inbox) == 1
    assert received(inbox)[-1] == ("sm_a@example.org", "An IRO challenge is waiting for your answer", "CHALLENGE_ASK")

    frozen.move_to(datetime(2026, 10, 20, 8, 0, tzinfo=UTC))
    assert await passes(database, database_url, smtp_port, inbox) == 0
    assert [to for to, _, _ in received(inbox)] == ["tm_a@example.org", "tm_a@example.org", "sm_a@example.org"]
    assert set(inbox.keys().values()) == {1}  # every reminder, the world's report reminders too, went once
    async with database.session() as session:
        rows = {row.key.split(":")[0] + ":" + row.recipient: row.status
                for row in (await session.execute(select(ReminderOutbox).where(ReminderOutbox.challenge_id.is_not(None)))).scalars()}
    assert rows == {"CHALLENGE_ASK:tm_a@example.org": OutboxStatus.SENT, "CHALLENGE_DUE:tm_a@example.org": OutboxStatus.SENT,
                    "CHALLENGE_LATE:tm_a@example.org": OutboxStatus.CANCELLED, "CHALLENGE_ASK:sm_a@example.org": OutboxStatus.SENT,
                    "CHALLENGE_DUE:sm_a@example.org": OutboxStatus.PENDING, "CHALLENGE_LATE:sm_a@example.org": OutboxStatus.PENDING}


async def test_a_closed_challenge_sends_nothing_more(api, managed, database, database_url, inbox, smtp_port):
    raised = await api.mutate("raiseChallenge", {
        "childId": managed.id("child_a1"), "kind": "ALERT", "reasons": ["report_quality"], "resolutionSought": "A new report.",
        "stage": "director"}, "challenge { id }", as_=managed.chair_a)
    await api.mutate("closeChallenge", {"challengeId": raised["challenge"]["id"]}, "challenge { id }", as_=managed.chair_a)
    assert await passes(database, database_url, smtp_port, inbox) == 0


def test_a_stage_started_after_its_reminders_were_due_sends_only_the_latest():
    rules = RULES["easterby"]
    late = plan_step_reminders(7, 9, "Director", "d@example.org", date(2026, 10, 1), date(2026, 10, 8), rules,
                               datetime(2026, 10, 12, 9, 0, tzinfo=UTC))
    assert [r.kind.value for r in late] == ["CHALLENGE_LATE"]
    fresh = plan_step_reminders(7, 9, "Director", "d@example.org", date(2026, 10, 12), date(2026, 10, 19), rules,
                                datetime(2026, 10, 12, 9, 0, tzinfo=UTC))
    assert [(r.kind.value, r.send_at.isoformat()) for r in fresh] == [
        ("CHALLENGE_ASK", "2026-10-12T09:00:00+01:00"), ("CHALLENGE_DUE", "2026-10-16T09:00:00+01:00"), ("CHALLENGE_LATE", "2026-10-20T09:00:00+01:00")]
