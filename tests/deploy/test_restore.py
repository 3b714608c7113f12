"""The runbook's restore rehearsal (deploy/restore-check.sh) on a real PostgreSQL: pg_dump of a
database with case data and access-log rows, pg_restore into a scratch database, the same rows,
the same migrations, an intact hash chain and the append-only triggers back in place."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.db import Database
from portal.settings import ROOT
from tests.support.api import Api
from tests.support.databases import PG_URL, truncate
from tests.support.world import build_world

SCRIPT = ROOT / "deploy" / "restore-check.sh"


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="PostgreSQL is not configured: set PORTAL_TEST_DATABASE_URL to rehearse a restore")
async def test_a_dump_restores_whole_into_a_scratch_database(postgres_database: str):
    truncate(postgres_database)
    database = Database(postgres_database)
    try:
        async with database.session() as session:
            world = await build_world(session)
        async with Api.running(database) as api:
            for chair in (world.chair_a, world.chair_b):
                await api("query Backup { conferences { nodes { children { givenName } } } }", as_=chair)
    finally:
        await database.dispose()
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PORTAL": str(bin_dir / "portal"), "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", str(SCRIPT), postgres_database], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: 2 rows, chain head" in result.stdout
    assert "the restored access log still refuses UPDATE" in result.stdout and result.stdout.rstrip().endswith("restore check passed")
