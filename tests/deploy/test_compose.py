"""deploy/compose.yaml holds to the Compose specification (the JSON schema check-jsonschema ships;
nothing is downloaded) and has the parts of a small deployment."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from portal.settings import ROOT, Settings

COMPOSE = ROOT / "deploy" / "compose.yaml"


def test_the_compose_file_validates_against_the_compose_specification():
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.compose-spec", str(COMPOSE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_compose_file_is_refused(tmp_path):
    broken = tmp_path / "compose.yaml"
    broken.write_text(COMPOSE.read_text().replace("depends_on:\n      db: {condition: service_healthy}", "depends_on:\n      db: {condition: when_it_feels_like_it}"))
    checker = Path(sys.executable).parent / "check-jsonschema"
    assert subprocess.run([str(checker), "--builtin-schema", "vendor.compose-spec", str(broken)], capture_output=True).returncode == 1


def test_the_deployment_has_its_services_and_one_env_file():
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    assert set(services) == {"db", "migrate", "web1", "web2", "worker", "proxy", "mailpit"}
    portal = {name: s for name, s in services.items() if s.get("image", "").startswith("portal:")}
    assert set(portal) == {"migrate", "web1", "web2", "worker"}
    assert {s["env_file"] for s in portal.values()} | {services["db"]["env_file"]} == {"compose.env"}
    assert all(s["read_only"] and s["cap_drop"] == ["ALL"] for s in portal.values())
    assert services["web1"]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
    assert (ROOT / "deploy" / "compose.env.example").exists()
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "reverse_proxy web1:8000 web2:8000" in caddyfile and "respond @metrics 404" in caddyfile


def test_caddy_reads_the_proxy_configuration():
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.skip("Debian's caddy is not installed (scripts/test installs it)")
    result = subprocess.run([caddy, "adapt", "--config", str(ROOT / "deploy" / "Caddyfile"), "--adapter", "caddyfile"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert '"/metrics"' in result.stdout and '"web1:8000"' in result.stdout
    (route,) = json.loads(result.stdout)["apps"]["http"]["servers"]["srv0"]["routes"]
    proxies = [h for r in route["handle"][0]["routes"] for h in r["handle"] if h.get("handler") == "reverse_proxy"]
    idle_ns = proxies[0]["transport"]["keep_alive"]["idle_timeout"]
    assert idle_ns / 1e9 < Settings().keep_alive_seconds, "the proxy must drop an idle connection before the portal does"
    assert proxies[0]["load_balancing"]["try_duration"] / 1e9 >= 10, "with every upstream out of rotation a request must wait for one"
