"""The readiness subscription over graphql-transport-ws against real `portal serve` processes."""


import pytest
from websockets.exceptions import InvalidStatus

from portal.demo_identity import COOKIE, cookie_value
from tests.support.readiness_watch import SUBSCRIPTION, check, consult, seeded_world
from tests.support.servers import SECRET_KEY, portal_server
from tests.support.wsclient import subscribe


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
