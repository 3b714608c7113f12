"""What GraphQL errors say and log: no schema hints outside demo and debug, one log line per
client error, a traceback only for the portal's own failures."""

import logging

from portal.api.schema import build_schema
from portal.settings import Settings
from tests.support.api import Api

TYPO = "{ conferencez { nodes { id } } }"


async def _errors(api: Api, person: int, query: str) -> list[str]:
    response = await api.raw(query, as_=person)
    return [e["message"] for e in response.json()["errors"]]


async def test_demo_and_debug_suggest_fields_and_production_does_not(database, world):
    async with Api.running(database) as demo:
        assert any("Did you mean" in m and "'conferences'" in m for m in await _errors(demo, world.chair_a, TYPO))
    schema = build_schema(Settings(database_url=database.url, demo=False))
    typo = await schema.execute(TYPO)
    enum = await schema.execute("{ conferences(filter: {kind: ICPX}) { nodes { id } } }")
    argument = await schema.execute("{ conferences(frist: 1) { nodes { id } } }")
    messages = [e.message for result in (typo, enum, argument) for e in result.errors or []]
    assert len(messages) == 3 and all("Did you mean" not in m for m in messages), messages


async def test_a_client_error_logs_one_line_without_a_traceback(api, world, caplog):
    caplog.set_level(logging.INFO)
    await _errors(api, world.chair_a, TYPO)
    await _errors(api, world.chair_a, "{ conferences(first: 1000) { nodes { id } } }")
    graphql = [r for r in caplog.records if "conferencez" in r.getMessage() or "between 1 and 100" in r.getMessage()]
    assert len(graphql) == 2 and all(r.levelno == logging.INFO and r.exc_info is None for r in graphql)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
