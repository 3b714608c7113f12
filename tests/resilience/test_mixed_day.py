"""A short mixed day (bench/mixed_day.py) on small data: two web processes and a worker, behind Caddy when it
is installed, under a few users' load (chairs holding live subscriptions, agencies saving, uploading and
submitting, business support creating, scheduling and inviting) lose nothing (every write acknowledged is in
the database and the access log once, every reminder due is sent once) and answer no 5xx. The bench reports
the timings; this test asserts none."""

import shutil

from bench.large_region import seed_large_region
from bench.mixed_day import lost, report, run_day
from portal import clock
from tests.support.processes import portal_command


def test_a_short_mixed_day_loses_nothing_and_answers_no_server_error(served_url):
    seed_large_region(served_url, 400, now=clock.now())
    web = 1 if served_url.startswith("sqlite") else 2  # SQLite has one writer at a time: one web process beside the worker
    day = run_day(served_url, users=10, seconds=20, command=portal_command, now=clock.now, web=web, warm_up=3, drain=60)
    summary = report(day)
    assert day.tally.server_errors == 0, summary
    assert lost(day.checks) == {}, summary
    assert day.checks["reminders still due after the drain"] == 0, summary
    assert day.checks["tracebacks in the web log"] == 0 and day.checks["tracebacks in the worker log"] == 0, summary
    assert day.checks["submits acknowledged"] > 0 and day.checks["reminders sent"] > 0, summary
    assert {"dashboard (ChairUpcoming)", "submit (SubmitContribution)", "family meetings (FamilyConferences)"} <= set(day.tally.latencies), summary
    for write in ("uploads", "conferences created", "conferences scheduled", "invitations"):
        assert day.checks[f"{write} acknowledged"] > 0, summary
    assert day.tally.live["opened"] == day.tally.live["still open at the end"] > 0, summary
    assert day.tally.live["readiness results received"] >= day.tally.live["opened"], summary
    assert day.proxied == (shutil.which("caddy") is not None), summary
