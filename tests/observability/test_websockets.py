"""A WebSocket through a real `portal serve`: its handshake answers the request id, and it is
counted once when it closes (101), like a refused handshake (403)."""

import json
import time

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from portal.demo_identity import HEADER as DEMO_PERSON
from tests.observability.test_metrics import sample
from tests.support.servers import portal_server


async def test_a_websocket_is_answered_its_request_id_and_counted_when_it_closes(database_url, world):
    with portal_server(database_url, metrics="1") as base:
        url = base.replace("http", "ws", 1) + "/graphql"
        headers = {DEMO_PERSON: str(world.chair_a), "X-Request-ID": "websocket-id-00001"}
        async with connect(url, subprotocols=["graphql-transport-ws"], additional_headers=headers) as socket:  # type: ignore[list-item]
            assert socket.response.headers["x-request-id"] == "websocket-id-00001"
            await socket.send(json.dumps({"type": "connection_init"}))
            assert json.loads(await socket.recv())["type"] == "connection_ack"
        with pytest.raises(InvalidStatus):
            async with connect(url, subprotocols=["graphql-transport-ws"]):  # type: ignore[list-item]
                pass
        deadline = time.monotonic() + 10  # the server counts a socket once its handler has returned, just after the close
        while sample(text := httpx.get(f"{base}/metrics").text, "portal_http_requests_total", method="WS", route="/graphql", status="101") < 1:
            assert time.monotonic() < deadline, text
            time.sleep(0.1)
    assert sample(text, "portal_http_requests_total", method="WS", route="/graphql", status="101") == 1
    assert sample(text, "portal_http_requests_total", method="WS", route="/graphql", status="403") == 1
