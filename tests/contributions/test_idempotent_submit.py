"""Submitting with an idempotency key: made once, and every retry with the key answered with that submit."""

from datetime import timedelta

from sqlalchemy import func, select

from portal.contributions.models import ContributionVersion
from portal.idempotency.models import IdempotencyKey
from portal.reminders.worker import make_sender, run_pass
from portal.settings import Settings
from portal.timescales import RULES_DIR, load_rules
from tests.support.contributions import REQUIRED_GP, draft, sections
from tests.support.mail import running_inbox

RULES = load_rules(RULES_DIR)

SELECTION = "contribution { id status version submittedAt }"


async def submit(api, contribution_id: str, key: str | None, as_: int) -> dict:
    given = {"contributionId": contribution_id} | ({"idempotencyKey": key} if key is not None else {})
    return await api.mutate("submitContribution", given, SELECTION, as_=as_)


async def submitted_versions(database, contribution_id: str) -> int:
    async with database.session() as session:
        return await session.scalar(select(func.count()).where(
            ContributionVersion.contribution_id == int(contribution_id), ContributionVersion.status == "SUBMITTED"))


async def keys(database) -> list[tuple[str, str, str]]:
    async with database.session() as session:
        return [tuple(r) for r in await session.execute(select(IdempotencyKey.actor, IdempotencyKey.key, IdempotencyKey.operation))]


async def test_a_retry_with_the_same_key_gets_the_first_answer_and_submits_nothing_more(api, world, database):
    saved = await draft(api, world)
    first = await submit(api, saved["id"], "5b0c1f7e-retry", world.gp1_author)
    assert first["errors"] == [] and first["contribution"]["status"] == "SUBMITTED"
    for _ in range(2):
        again = await submit(api, saved["id"], "5b0c1f7e-retry", world.gp1_author)
        assert again == first
    assert await submitted_versions(database, saved["id"]) == 1
    assert await keys(database) == [(f"person:{world.gp1_author}", "5b0c1f7e-retry", f"submitContribution:{saved['id']}")]


async def test_without_a_key_a_second_submit_is_refused_as_before(api, world, database):
    saved = await draft(api, world)
    assert (await submit(api, saved["id"], None, world.gp1_author))["errors"] == []
    again = await submit(api, saved["id"], None, world.gp1_author)
    assert again["contribution"] is None and again["errors"][0]["code"] == "CONFLICT"
    assert await submitted_versions(database, saved["id"]) == 1 and await keys(database) == []


async def test_a_new_key_for_a_report_already_submitted_is_refused_and_kept_nowhere(api, world, database):
    saved = await draft(api, world)
    assert (await submit(api, saved["id"], "first", world.gp1_author))["errors"] == []
    other = await submit(api, saved["id"], "second", world.gp1_author)
    assert other["contribution"] is None and other["errors"][0]["code"] == "CONFLICT"
    assert [k for _, k, _ in await keys(database)] == ["first"]


async def test_a_colleague_sending_the_same_key_gets_their_own_answer_not_the_first(api, world, database):
    saved = await draft(api, world)
    assert (await submit(api, saved["id"], "shared-key", world.gp1_author))["errors"] == []
    colleague = await submit(api, saved["id"], "shared-key", world.gp1_colleague)
    assert colleague["contribution"] is None and colleague["errors"][0]["code"] == "CONFLICT"
    assert await submitted_versions(database, saved["id"]) == 1


async def test_the_key_of_one_change_sent_with_another_is_refused(api, world, database):
    saved = await draft(api, world)
    assert (await submit(api, saved["id"], "used", world.gp1_author))["errors"] == []
    async with database.session() as session:
        session.add(IdempotencyKey(actor=f"person:{world.gp2_author}", key="used", operation="submitContribution:999", result_id=1))
        await session.commit()
    payload = await api.mutate("saveDraft", {"invitationId": world.id("inv_gp2_b"), "sections": [{"sectionId": "worries", "text": "Seen."}]},
                               "contribution { id }", as_=world.gp2_author)
    other = await submit(api, payload["contribution"]["id"], "used", world.gp2_author)
    assert other["contribution"] is None
    assert other["errors"] == [{"path": ["input", "idempotencyKey"], "code": "CONFLICT",
                                "message": "This idempotency key was already used for a different change; send a new key for each change."}]


async def test_a_malformed_key_is_refused_and_the_draft_stays_a_draft(api, world, database):
    saved = await draft(api, world)
    for bad in ("", " padded ", "x" * 201, "tab\there"):
        refused = await submit(api, saved["id"], bad, world.gp1_author)
        assert refused["contribution"] is None and refused["errors"][0]["path"] == ["input", "idempotencyKey"], bad
        assert refused["errors"][0]["code"] == "INVALID"
    assert await submitted_versions(database, saved["id"]) == 0 and await keys(database) == []


async def test_the_worker_pass_forgets_keys_older_than_the_retention_and_a_retry_within_it_gets_the_first_answer(
    api, world, database, database_url, smtp_port, frozen
):
    settings = Settings(database_url=database_url, smtp_host="127.0.0.1", smtp_port=smtp_port, smtp_sender="noreply@portal.example",
                        base_url="https://portal.example", idempotency_retention_days=7)
    old = await draft(api, world)
    assert (await submit(api, old["id"], "old-key", world.gp1_author))["errors"] == []
    frozen.advance(timedelta(days=6))
    payload = await api.mutate("saveDraft", {"invitationId": world.id("inv_gp2_b"), "sections": sections(REQUIRED_GP)}, "contribution { id }", as_=world.gp2_author)
    recent = payload["contribution"]["id"]
    first = await submit(api, recent, "recent-key", world.gp2_author)
    assert first["errors"] == []
    frozen.advance(timedelta(days=1, seconds=1))
    with running_inbox(smtp_port):
        result = await run_pass(database, make_sender(settings), settings, RULES, "w1")
    assert result.keys_pruned == 1
    assert [k for _, k, _ in await keys(database)] == ["recent-key"]
    assert await submit(api, recent, "recent-key", world.gp2_author) == first
    late = await submit(api, old["id"], "old-key", world.gp1_author)
    assert late["contribution"] is None and late["errors"][0]["code"] == "CONFLICT"
    assert await submitted_versions(database, old["id"]) == 1 and await submitted_versions(database, recent) == 1
