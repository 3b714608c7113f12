"""The `portal` command end to end: migrate, seed, export, and refusing to start on a bad agency file."""

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from portal.cli import app
from portal.settings import ROOT


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    portal = Path(sys.executable).parent / "portal"
    return subprocess.run([str(portal), *args], capture_output=True, text=True, env={**os.environ, **env}, timeout=120)


def test_upgrade_then_demo_twice_on_a_fresh_sqlite_file(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'var' / 'portal.db'}"
    assert run(["db", "upgrade"], PORTAL_DATABASE_URL=url).returncode == 0
    first = run(["demo"], PORTAL_DATABASE_URL=url)
    second = run(["demo"], PORTAL_DATABASE_URL=url)
    assert first.returncode == second.returncode == 0
    assert "Seeded the demo region: 4 local authorities" in first.stdout
    assert "Drew the demo's audit round: 16 GP reports." in first.stdout
    assert "already there; nothing changed" in second.stdout and "audit round" not in second.stdout


def test_schema_export_writes_the_sdl(tmp_path: Path):
    target = tmp_path / "schema.graphql"
    result = CliRunner().invoke(app, ["schema", "export", "--path", str(target)])
    assert result.exit_code == 0
    assert "type Query" in target.read_text() and "saveDraft(input: SaveDraftInput!)" in target.read_text()


def test_serve_refuses_to_start_on_a_bad_agency_file(tmp_path: Path):
    agencies = tmp_path / "agencies"
    agencies.mkdir()
    (agencies / "gp.toml").write_text((ROOT / "agencies" / "gp.toml").read_text().replace('help = "', 'hepl = "', 1))
    result = run(["serve", "--port", "8799"], PORTAL_AGENCIES_DIR=str(agencies), PORTAL_DATABASE_URL=f"sqlite:///{tmp_path}/p.db")
    assert result.returncode == 2
    assert "gp.toml: sections[0].help: Field required" in result.stderr
    assert "Traceback" not in result.stderr
