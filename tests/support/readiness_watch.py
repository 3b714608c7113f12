"""What the readiness subscription tests share: the subscription, a check out of its message, a consultation
recorded through the API as the conference's social worker, and the seeded world."""

import httpx

from portal.db import Database
from portal.demo_identity import HEADER
from tests.support.world import World, build_world

SUBSCRIPTION = "subscription($id: ID!) { readiness(conferenceId: $id) { conferenceId status checks { id status explanation } } }"
CONSULT = "mutation($input: RecordChildConsultationInput!) { recordChildConsultation(input: $input) { errors { message } } }"


def check(message: dict, check_id: str) -> dict:
    assert message["type"] == "next", message
    return next(c for c in message["payload"]["data"]["readiness"]["checks"] if c["id"] == check_id)


async def consult(base_url: str, world: World, child: str) -> None:
    variables = {"input": {"conferenceId": world.id("conf_a"), "childId": world.id(child), "seen": True, "viewsConveyed": "ADVOCATE"}}
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        response = await client.post("/graphql", json={"query": CONSULT, "variables": variables}, headers={HEADER: str(world.sw_a)})
    assert response.json() == {"data": {"recordChildConsultation": {"errors": []}}}, response.text


async def seeded_world(database_url: str) -> World:
    database = Database(database_url)
    try:
        async with database.session() as session:
            return await build_world(session)
    finally:
        await database.dispose()
