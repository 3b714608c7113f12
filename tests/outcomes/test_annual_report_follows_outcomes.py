"""`portal report annual` counts what a chair records: the plan an ICPC starts (plans by category) and the minutes sent."""

import json

from tests.support.dfe_returns import run as command
from tests.support.outcomes import hold, icpc, record, run


def figures(database_url: str) -> dict:
    printed = command(["report", "annual", "--la", "easterby", "--year", "2026-27", "--json"], PORTAL_DATABASE_URL=database_url)
    assert printed.returncode == 0, printed.stderr
    return json.loads(printed.stdout)["figures"]


async def test_the_annual_report_changes_after_the_chair_records_the_outcome_and_the_minutes(api, world, database, database_url):
    await hold(database, world.conf_a, {world.child_a1: "EA1001", world.child_a2: "EA1002"})
    before = figures(database_url)
    assert before["cp_plans.by_category"]["value"] == {"NEG": 0, "PHY": 0, "EMO": 0, "SAB": 0, "MUL": 0}
    assert before["outcomes.minutes_on_time_pct"] | {"definition": ""} == {
        "label": "Minutes sent on time (%)", "definition": "", "value": None, "count": 0, "of": 0, "last_year": None}

    assert (await record(api, world, icpc(world), world.chair_a))["errors"] == []
    assert (await run(api, "RecordMinutesSent", {"conference": world.id("conf_a"), "sentOn": "2026-10-12"}, world.chair_a))["recordMinutesSent"]["errors"] == []
    after = figures(database_url)
    assert after["cp_plans.by_category"]["value"] == {"NEG": 1, "PHY": 0, "EMO": 0, "SAB": 0, "MUL": 1}
    assert after["cp_plans.second_or_subsequent"] | {"definition": "", "label": ""} == {
        "label": "", "definition": "", "value": 0, "of": 2, "last_year": None}
    assert (after["outcomes.minutes_on_time_pct"]["value"], after["outcomes.minutes_on_time_pct"]["of"]) == (100.0, 1)
