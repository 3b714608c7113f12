"""The readiness subscription over graphql-transport-ws against real `portal serve` processes."""


import httpx
import pytest
from websockets.exceptions import InvalidStatus

from portal.demo_identity import COOKIE, HEADER, cookie_value
from tests.support.servers import SECRET_KEY, portal_server
from tests.support.world import build_world
from tests.support.wsclient import subscribe

SUBSCRIPTION = "subscription($id: ID!) { readiness(conferenceId: $id) { conferenceId status checks { id status explanation } } }"
CONSULT = """mutation($input: RecordChildConsultationInput!) { recordChildConsultation(input: $input) { errors { message } } }"""


def check(message: dict, check_id: str) -> dict:
    assert message["type"] == "next", message
    return next(c for c in message["payload"]["data"]["readiness"]["checks"] if c["id"] == check_id)


async def consult(base_url: str, world, child: str) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as client:
        response = await client.post(
            "/graphql",
            json={"query": CONSULT, "variables": {"input": {"conferenceId": world.id("conf_a"), "childId": world.id(child), "seen": True, "viewsConveyed": "ADVOCATE"}}},
            headers={HEADER: str(world.sw_a)},
        )
    assert response.json() == {"data": {"recordChildConsultation": {"errors": []}}}


async def seeded_world(database_url: str):
    from portal.db import Database

    database = Database(database_url)
    try:
        async with database.session() as session:
            return await build_world(session)
    finally:
        await database.dispose()


async def watch_consultations(subscriber_url: str, writer_url: str, world) -> None:
    connection, subscription = await subscribe(subscriber_url, world.chair_a, SUBSCRIPTION, {"id": world.id("conf_a")})
    try:
        assert check(await subscription.next(), "children_consulted")["status"] == "AT_RISK"
        await consult(writer_url, world, "child_a1")
        first = check(await subscription.next(), "children_consulted")
        assert first["status"] == "AT_RISK"
        assert world.id("child_a1") not in first["explanation"] and world.id("child_a2") in first["explanation"]
        await consult(writer_url, world, "child_a2")
        assert check(await subscription.next(), "children_consulted")["status"] == "MET"
    finally:
        await connection.close()


async def test_a_change_through_one_process_reaches_a_subscriber_on_another(pg_database_url):
    world = await seeded_world(pg_database_url)
    with portal_server(pg_database_url) as one, portal_server(pg_database_url) as two:
        await watch_consultations(one, two, world)


async def test_a_single_process_pushes_its_own_changes(database_url):
    world = await seeded_world(database_url)
    with portal_server(database_url) as server:
        await watch_consultations(server, server, world)


async def test_a_websocket_names_its_person_by_header_or_cookie_or_is_refused(database_url):
    world = await seeded_world(database_url)
    with portal_server(database_url) as server:
        with pytest.raises(InvalidStatus) as refused:
            await subscribe(server, None, SUBSCRIPTION, {"id": world.id("conf_a")})
        assert refused.value.response.status_code == 403
        by_cookie, subscription = await subscribe(server, None, SUBSCRIPTION, {"id": world.id("conf_a")}, {"cookie": f"{COOKIE}={cookie_value(world.bs_a, SECRET_KEY)}"})
        try:
            assert (await subscription.next())["payload"]["data"]["readiness"]["conferenceId"] == world.id("conf_a")
        finally:
            await by_cookie.close()
        connection, subscription = await subscribe(server, world.gp1_author, SUBSCRIPTION, {"id": world.id("conf_a")})
        try:
            message = await subscription.next()
            assert message["type"] == "next"
            assert message["payload"]["data"] is None
            assert message["payload"]["errors"][0]["message"] == "No conference with that id exists, or you may not see its readiness."
        finally:
            await connection.close()
