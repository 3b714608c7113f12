"""The date sweep's two sessions (scripts/test-dates): a test that reads the wall clock runs at every
date, one that only takes the time for a log record at two of them."""

import subprocess
import sys
from datetime import datetime
from pathlib import Path

from portal.settings import ROOT

DATES = [
    "2026-12-02T09:00:00+00:00",
    "2026-12-05T12:00:00+00:00",
    "2026-12-24T23:30:00+00:00",
    "2027-03-28T00:30:00+00:00",
    "2028-02-29T12:00:00+00:00",
]
TESTS = """
import logging
import os
from datetime import date


def test_reads_the_date():
    with open(os.environ["RAN_AT"], "a") as out:
        out.write(f"read {date.today()}\\n")


def test_only_logs():
    logging.getLogger("dates").warning("a log record takes the time")
    with open(os.environ["RAN_AT"], "a") as out:
        out.write("logged\\n")
"""


def sweep(directory: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "tests.support.wall_clocks", "--rootdir", str(directory), "-q"]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "RAN_AT": str(directory / "ran_at.txt")}
    return subprocess.run([*command, "--wall-clocks", ",".join(DATES), *options, str(directory / "test_dates.py")], cwd=directory, env=env, capture_output=True, text=True, timeout=60)


def test_a_test_that_reads_the_date_runs_at_every_date_and_one_that_only_logs_at_two(tmp_path: Path) -> None:
    (tmp_path / "test_dates.py").write_text(TESTS, encoding="utf-8")
    readers = tmp_path / "readers.json"

    first = sweep(tmp_path, "--wall-clock-readers", str(readers))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "test_reads_the_date" in readers.read_text(encoding="utf-8")
    assert "test_only_logs" not in readers.read_text(encoding="utf-8")
    rest = sweep(tmp_path, "--wall-clock-rest", str(readers))
    assert rest.returncode == 0, rest.stdout + rest.stderr

    ran = (tmp_path / "ran_at.txt").read_text(encoding="utf-8").splitlines()
    assert sorted(line for line in ran if line.startswith("read")) == sorted(f"read {datetime.fromisoformat(d).date()}" for d in DATES)
    assert ran.count("logged") == 2
