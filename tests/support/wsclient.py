"""A minimal graphql-transport-ws client over the `websockets` package."""

import asyncio
import json
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from portal.demo_identity import HEADER

PROTOCOL = "graphql-transport-ws"


class Subscription:
    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    async def next(self, timeout: float = 20) -> dict[str, Any]:
        """The next message for subscription 1 (`next`, `error` or `complete`)."""
        while True:
            message = json.loads(await asyncio.wait_for(self.connection.recv(), timeout))
            if message["type"] == "ping":
                await self.connection.send(json.dumps({"type": "pong"}))
                continue
            return message


async def subscribe(
    base_url: str, person_id: int | None, query: str, variables: dict[str, Any], headers: dict[str, str] | None = None
) -> tuple[ClientConnection, Subscription]:
    headers = headers if headers is not None else ({HEADER: str(person_id)} if person_id is not None else {})
    connection = await connect(
        base_url.replace("http", "ws", 1) + "/graphql", subprotocols=[PROTOCOL], additional_headers=headers  # type: ignore[list-item]
    )
    await connection.send(json.dumps({"type": "connection_init"}))
    ack = json.loads(await asyncio.wait_for(connection.recv(), 10))
    assert ack["type"] == "connection_ack", ack
    await connection.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query, "variables": variables}}))
    return connection, Subscription(connection)
