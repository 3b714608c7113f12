"""Lone surrogates and NUL (both legal in JSON) never reach the database through any text input,
and rows saved before that are repaired by a migration, so every later read still works."""

import json

import sqlalchemy as sa
from alembic import command

from portal.migrate import alembic_config
from portal.settings import sync_url
from tests.support.contributions import REQUIRED_GP, SELECTION, draft, sections

BAD = "a\ud800b\x00c\udfff"
CLEAN = "a\ufffdb\ufffdc\ufffd"
CHAIR_VIEW = '{{ conference(id: "{0}") {{ invitations {{ contribution {{ sections {{ id text {{ source html }} }} }} }} }} }}'


async def _post(api, person: int, query: str, variables: dict) -> dict:
    body = json.dumps({"query": query, "variables": variables})  # escapes surrogates as \ud800, as a browser's JSON.stringify does
    response = await api.client.post("/graphql", content=body, headers={"content-type": "application/json", "x-portal-demo-person": str(person)})
    assert response.status_code == 200, response.text
    return response.json()


async def _chair_sees(api, world) -> list[dict]:
    body = await _post(api, world.chair_a, CHAIR_VIEW.format(world.conf_a), {})
    assert "errors" not in body, body
    found = [i["contribution"] for i in body["data"]["conference"]["invitations"] if i["contribution"]]
    assert found
    return [s for c in found for s in c["sections"]]


async def test_unencodable_text_in_variables_and_literals_is_saved_as_replacement_characters(api, world):
    query = f"mutation($input: SaveDraftInput!) {{ saveDraft(input: $input) {{ {SELECTION} errors {{ path code }} }} }}"
    saved = await _post(api, world.gp1_author, query, {"input": {"invitationId": world.id("inv_gp1"), "sections": sections({**REQUIRED_GP, "worries": BAD})}})
    assert "errors" not in saved and saved["data"]["saveDraft"]["errors"] == [], saved
    submitted = await api.mutate("submitContribution", {"contributionId": saved["data"]["saveDraft"]["contribution"]["id"]}, "errors { code }", as_=world.gp1_author)
    assert submitted["errors"] == []
    literal = (
        f'mutation {{ amendContribution(input: {{contributionId: "{saved["data"]["saveDraft"]["contribution"]["id"]}", '
        f'reason: "late\\u0000note", sections: [{{sectionId: "next_steps", text: "x\\u0000y"}}]}}) {{ contribution {{ versions {{ note }} }} errors {{ code }} }} }}'
    )
    amended = await _post(api, world.gp1_author, literal, {})
    assert "errors" not in amended and amended["data"]["amendContribution"]["errors"] == [], amended
    assert amended["data"]["amendContribution"]["contribution"]["versions"][-1]["note"] == "late\ufffdnote"
    shown = {s["id"]: s["text"] for s in await _chair_sees(api, world)}
    assert shown["worries"] == {"source": CLEAN, "html": f"<p>{CLEAN}</p>\n"}
    assert shown["next_steps"]["source"] == "x\ufffdy"


async def test_the_migration_repairs_text_saved_before(api, world, database_url):
    saved = await draft(api, world)
    submitted = await api.mutate("submitContribution", {"contributionId": saved["id"]}, "errors { code }", as_=world.gp1_author)
    assert submitted["errors"] == []
    engine = sa.create_engine(sync_url(database_url))
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE contribution SET sections = :s WHERE id = :id"), {"s": '{"worries": "a\\ud800b\\u0000c", "x\\udfff": "k"}', "id": int(saved["id"])})
        if engine.dialect.name == "sqlite":  # PostgreSQL refuses NUL in text, so only SQLite can hold one there
            connection.execute(sa.text("UPDATE contribution_version SET note = :n"), {"n": "note\x00end"})
        before = connection.execute(sa.text("SELECT sections FROM contribution WHERE id = :id"), {"id": int(saved["id"])}).scalar_one()
    assert "\\ud800" in (before if isinstance(before, str) else json.dumps(before))

    config = alembic_config(database_url)
    command.downgrade(config, "0010_storable_text-1")
    command.upgrade(config, "heads")

    with engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT sections FROM contribution WHERE id = :id"), {"id": int(saved["id"])}).scalar_one()
        notes = connection.execute(sa.text("SELECT note FROM contribution_version")).scalars().all()
    engine.dispose()
    assert (json.loads(stored) if isinstance(stored, str) else stored) == {"worries": "a\ufffdb\ufffdc", "x\ufffd": "k"}
    assert all("\x00" not in n for n in notes) and (engine.dialect.name != "sqlite" or "note\ufffdend" in notes)
    shown = {s["id"]: s["text"] for s in await _chair_sees(api, world)}
    assert shown["worries"] == {"source": "a\ufffdb\ufffdc", "html": "<p>a\ufffdb\ufffdc</p>\n"}


def test_text_read_from_an_uploaded_file_is_made_storable_too():
    from portal.ingest.uploads import _change

    change = _change({"worries": "old"}, {"worries": "a\x00b\ud800", "next_steps": "fine"})
    assert [(s.section_id, s.text) for s in change.sections] == [("next_steps", "fine"), ("worries", "a\ufffdb\ufffd")]
