"""Recording conference outcomes in tests: the operations in graphql/operations/ConferenceOutcome.graphql, run as a person."""

from datetime import date

from portal.children.models import Child
from portal.conferences.models import Conference
from portal.enums import ConferenceStatus
from portal.settings import ROOT

DOCUMENT = (ROOT / "graphql" / "operations" / "ConferenceOutcome.graphql").read_text()
HELD_ON = date(2026, 10, 12)  # the pinned clock's Monday
ICPC_INPUT = {"coreGroupOn": "2026-10-23", "nextReviewOn": "2027-01-08", "notes": "Father did not attend; follow up."}


async def run(api, name: str, variables: dict, person: int) -> dict:
    response = await api.client.post("/graphql", json={"query": DOCUMENT, "variables": variables, "operationName": name},
                                     headers={"x-portal-demo-person": str(person)})
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), body
    return body["data"]


async def hold(database, conference_id: int, la_child_ids: dict[int, str] | None = None) -> None:
    async with database.session() as session:
        conference = await session.get(Conference, conference_id)
        conference.status, conference.held_on, conference.next_review_due_on = ConferenceStatus.HELD, HELD_ON, date(2027, 1, 12)
        for child_id, la_child_id in (la_child_ids or {}).items():
            (await session.get(Child, child_id)).la_child_id = la_child_id
        await session.commit()


def icpc(world, **extra) -> dict:
    return {"conferenceId": world.id("conf_a"), **ICPC_INPUT, "children": [
        {"childId": world.id("child_a1"), "decision": "CHILD_PROTECTION_PLAN", "initialCategories": ["NEG", "EMO"]},
        {"childId": world.id("child_a2"), "decision": "CHILD_PROTECTION_PLAN", "initialCategories": ["NEG"]},
    ], **extra}


async def record(api, world, input: dict, person: int) -> dict:
    return (await run(api, "RecordConferenceOutcome", {"input": input}, person))["recordConferenceOutcome"]
