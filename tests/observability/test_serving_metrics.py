"""A real `portal serve --workers 2`: whichever process answers /metrics counts every process's
requests (prometheus-client's multiprocess mode), and each request is one JSON line on stdout."""

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import httpx
from prometheus_client.mmap_dict import MmapedDict

from portal.settings import ROOT
from tests.observability.test_metrics import sample
from tests.support.mail import free_port
from tests.support.processes import portal_command, serving

MINIMUM = 10


def writers(tmp_path: Path) -> set[str]:
    """The processes that have counted a readiness request (each writes its own file)."""
    return {
        path.stem.rsplit("_", 1)[-1] for path in (tmp_path / "metrics").glob("counter_*.db")
        if any("/healthz/ready" in key and value > 0 for key, value, *_ in MmapedDict.read_all_values_from_file(str(path)))
    }


def test_two_serving_processes_report_one_sum(tmp_path: Path, sqlite_template: Path):
    shutil.copy(sqlite_template, tmp_path / "portal.db")
    port = free_port()
    env = {**os.environ, "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'portal.db'}", "PORTAL_PORT": str(port), "PORTAL_METRICS": "1",
           "PORTAL_SECRET_KEY": "test-secret-for-signed-cookies", "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics")}
    process = subprocess.Popen([*portal_command("serve"), "--workers", "2"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    with serving(process, f"{base}/healthz/live", "portal serve --workers 2", within=120):
        # A new connection each time, until both processes have answered some (the kernel picks which).
        sent, deadline = 0, time.monotonic() + 90
        while (sent < MINIMUM or len(writers(tmp_path)) < 2) and time.monotonic() < deadline:
            assert httpx.get(f"{base}/healthz/ready", headers={"X-Request-ID": f"serve-test-{sent:06d}"}).status_code == 200
            sent += 1
        assert len(writers(tmp_path)) == 2
        scrapes = [httpx.get(f"{base}/metrics") for _ in range(6)]
    assert {scrape.status_code for scrape in scrapes} == {200}
    counts = {sample(s.text, "portal_http_requests_total", method="GET", route="/healthz/ready", status="200") for s in scrapes}
    assert counts == {sent}
    events = [json.loads(line) for line in process.stdout.read().decode().splitlines() if line.startswith("{")]  # type: ignore[union-attr]
    ours = [e for e in events if e.get("logger") == "portal.request" and e["request_id"].startswith("serve-test-")]
    assert sorted(e["request_id"] for e in ours) == [f"serve-test-{n:06d}" for n in range(sent)]
    assert {(e["method"], e["route"], e["status"]) for e in ours} == {("GET", "/healthz/ready", 200)}
