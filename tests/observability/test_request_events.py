"""One JSON log event per request, with its request id, and never what anyone typed."""

import json
import logging

from sqlalchemy import select

from portal.accesslog import AccessLogEntry, verify
from portal.demo_identity import HEADER as DEMO_PERSON
from portal.observability.logs import JsonFormatter
from portal.observability.request_id import request_id_from

SAVE = "mutation SaveDraft($input: SaveDraftInput!) { saveDraft(input: $input) { contribution { id } errors { code } } }"


def events(caplog) -> list[dict]:
    """The portal's log records as JSON (the test's own HTTP client logs its URLs too)."""
    return [json.loads(JsonFormatter().format(record)) for record in caplog.records if not record.name.startswith("httpx")]


async def save_with_a_childs_name(api, world, request_id: str | None = None):
    variables = {"input": {"invitationId": world.id("inv_gp1"), "sections": [{"sectionId": "worries", "text": "Maisie Ashdown was not brought."}]}}
    headers = {DEMO_PERSON: str(world.gp1_author), **({"X-Request-ID": request_id} if request_id else {})}
    return await api.client.post("/graphql?child=Maisie%20Ashdown", json={"query": SAVE, "variables": variables}, headers=headers)


async def test_one_event_per_request_with_its_fields_and_no_case_text(api, world, caplog):
    caplog.set_level(logging.INFO)
    response = await save_with_a_childs_name(api, world, "client-chosen-id-0001")
    assert response.status_code == 200 and response.json()["data"]["saveDraft"]["errors"] == []
    assert response.headers["x-request-id"] == "client-chosen-id-0001"
    (event,) = [e for e in events(caplog) if e["logger"] == "portal.request"]
    assert {k: v for k, v in event.items() if k not in ("time", "duration_ms", "message")} == {
        "level": "INFO", "logger": "portal.request", "request_id": "client-chosen-id-0001",
        "method": "POST", "route": "/graphql", "status": 200, "actor_id": world.gp1_author, "operations": ["SaveDraft"],
    }
    assert event["duration_ms"] > 0
    logged = "".join(json.dumps(e) for e in events(caplog))
    assert "Maisie" not in logged and "Ashdown" not in logged and "child=" not in logged


async def test_a_page_route_is_logged_by_its_template_and_operation(api, world, caplog):
    caplog.set_level(logging.INFO)
    response = await api.client.get(f"/reports/{world.id('inv_gp1')}?name=Maisie", headers={DEMO_PERSON: str(world.gp1_author)})
    assert response.status_code == 200
    (event,) = [e for e in events(caplog) if e["logger"] == "portal.request"]
    assert event["route"] == "/reports/{invitation}" and event["operations"] == ["WriteReportPage"]
    assert "Maisie" not in "".join(json.dumps(e) for e in events(caplog))


async def test_the_request_id_reaches_the_access_log_and_the_chain_still_verifies(api, world, database):
    await save_with_a_childs_name(api, world, "round-trip-0000001")
    generated = (await save_with_a_childs_name(api, world, "not well formed!")).headers["x-request-id"]
    async with database.session() as session:
        rows = (await session.execute(select(AccessLogEntry).order_by(AccessLogEntry.id))).scalars().all()
        assert [row.request_id for row in rows] == ["round-trip-0000001", generated]
        assert (await verify(session)).ok


async def test_editing_a_rows_request_id_breaks_the_chain(api, world, database):
    await save_with_a_childs_name(api, world, "round-trip-0000002")
    async with database.session() as session:
        (row,) = (await session.execute(select(AccessLogEntry))).scalars().all()
        row.request_id = "someone-else-00001"
        from portal.accesslog.chain import digest

        assert digest(row, row.prev_hash) != row.hash


def test_only_well_formed_request_ids_are_kept():
    assert request_id_from("0f8fad5b-d9cb-469f-a165-70867728950e") == "0f8fad5b-d9cb-469f-a165-70867728950e"
    for bad in (None, "", "short", "has space in it", "x" * 65, "new\nline-injected", "-leading-dash-1"):
        kept = request_id_from(bad)
        assert kept != bad and len(kept) == 32 and kept.isalnum()
