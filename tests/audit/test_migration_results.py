"""Migration 0007 moves the scorer's stored results from one row per criterion onto the audit item, and back,
without losing a level, a reason or a quote."""

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from portal import clock
from portal.agencies import registry_for
from portal.audit import services
from portal.db import Database
from portal.identity import load_actor
from portal.migrate import alembic_config, upgrade
from portal.settings import Settings, sync_url
from tests.support.audit_world import add_audit
from tests.support.databases import BACKENDS, new_postgres_database
from tests.support.world import build_world


@pytest.fixture(params=BACKENDS)
def own_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path / "portal.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    with new_postgres_database() as url:
        yield url


async def _scored_round(url: str) -> None:
    agencies_dir = Settings().agencies_dir
    database = Database(url)
    async with database.session() as session:
        world = await add_audit(session, await build_world(session))
    async with database.session() as session:
        actor = await load_actor(session, world.lead)
        new = services.NewRound(name="Before the migration", period_start=clock.today(), period_end=clock.today() + timedelta(days=40), fraction=1.0, seed=3)
        await services.create_round(session, actor, registry_for(agencies_dir), agencies_dir, new)  # type: ignore[arg-type]
        await session.commit()
    await database.dispose()


def _query(url: str, sql: str) -> list[tuple]:
    engine = create_engine(sync_url(url))
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(text(sql))]
    engine.dispose()
    return rows


def _json(value: object) -> object:
    import json

    return json.loads(value) if isinstance(value, str) else value


async def test_downgrade_and_upgrade_keep_every_stored_result(own_database_url: str):
    url = own_database_url
    await _scored_round(url)
    before = {item: (_json(levels), _json(findings)) for item, levels, findings in _query(url, "SELECT id, levels, findings FROM audit_item")}
    assert len(before) == 12
    assert all(len(levels) == 19 == len(findings) for levels, findings in before.values())

    command.downgrade(alembic_config(url), "0006_audit")
    rows = _query(url, "SELECT item_id, criterion_id, level, reason, evidence FROM audit_score ORDER BY id")
    assert len(rows) == 12 * 19
    for item_id, criterion_id, level, reason, evidence in rows:
        levels, findings = before[item_id]
        finding = next(f for f in findings if f["criterionId"] == criterion_id)
        assert (level, reason, _json(evidence)) == (levels[criterion_id], finding["reason"], finding["evidence"])
    assert any(_json(evidence) for *_, evidence in rows)

    upgrade(url)
    after = {item: (_json(levels), _json(findings)) for item, levels, findings in _query(url, "SELECT id, levels, findings FROM audit_item")}
    assert after == before
    assert _query(url, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'audit_score'" if url.startswith("postgresql")
                  else "SELECT count(*) FROM sqlite_master WHERE name = 'audit_score'") == [(0,)]


@pytest.mark.parametrize("own_database_url", [b for b in BACKENDS if b == "postgresql"], indirect=True)
def test_findings_are_compressed_with_lz4_where_postgresql_offers_it(own_database_url: str):
    offered = _query(own_database_url, "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
    compression = _query(own_database_url, "SELECT attcompression FROM pg_attribute WHERE attrelid = 'audit_item'::regclass AND attname = 'findings'")
    assert compression == [("l" if offered == [(True,)] else "",)]
