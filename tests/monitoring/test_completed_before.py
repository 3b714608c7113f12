"""monitoring.completed_before_review_pct in the annual report: checklists completed before the meeting, of the meetings held in the year."""

from datetime import UTC, date, datetime

from portal.settings import ROOT
from tests.history.conftest import add_managers
from tests.monitoring.conftest import all_met, held_review

REPORT = (ROOT / "graphql" / "operations" / "AnnualReport.graphql").read_text()


async def test_completed_the_day_before_counts_the_day_after_or_never_does_not(api, world, database, frozen):
    people = await add_managers(database, world)
    day_before = await held_review(database, world, date(2026, 1, 15))
    day_after = await held_review(database, world, date(2026, 2, 10))
    await held_review(database, world, date(2026, 3, 31))  # never completed
    same_morning = await held_review(database, world, date(2025, 11, 3), at=14)
    last_year = await held_review(database, world, date(2025, 3, 20))
    for conference, at in ((day_before, datetime(2026, 1, 14, 16, tzinfo=UTC)), (day_after, datetime(2026, 2, 11, 9, tzinfo=UTC)),
                           (same_morning, datetime(2025, 11, 3, 9, tzinfo=UTC)), (last_year, datetime(2025, 3, 19, 9, tzinfo=UTC))):
        frozen.move_to(at)
        saved = await api.mutate("recordMonitoringCheck", {"conferenceId": str(conference), "answers": all_met()}, "checklist { complete }", as_=world.chair_a)
        assert saved == {"checklist": {"complete": True}, "errors": []}
    frozen.move_to(datetime(2026, 10, 12, 9, tzinfo=UTC))
    report = (await api(REPORT, {"laId": world.id("la_a"), "year": "2025-26"}, as_=people["hos_a"]))["annualReport"]
    figure = {f["id"]: f for f in report["figures"]}["monitoring.completed_before_review_pct"]
    assert figure["thisYear"] == {"value": 50.0, "count": 2, "of": 4, "parts": []}
    assert figure["lastYear"] == {"value": 100.0, "count": 1, "of": 1, "parts": []}
    assert figure["definition"].startswith("Of the LAC reviews and child protection conferences the portal held in the year")


async def test_half_answered_before_the_meeting_is_not_complete_before_it(api, world, database, frozen):
    people = await add_managers(database, world)
    conference = await held_review(database, world, date(2026, 1, 15))
    frozen.move_to(datetime(2026, 1, 14, 9, tzinfo=UTC))
    await api.mutate("recordMonitoringCheck", {"conferenceId": str(conference), "answers": all_met()[:8]}, "checklist { complete }", as_=world.chair_a)
    frozen.move_to(datetime(2026, 1, 15, 11, tzinfo=UTC))
    await api.mutate("recordMonitoringCheck", {"conferenceId": str(conference), "answers": all_met()[8:]}, "checklist { complete }", as_=world.chair_a)
    frozen.move_to(datetime(2026, 10, 12, 9, tzinfo=UTC))
    report = (await api(REPORT, {"laId": world.id("la_a"), "year": "2025-26"}, as_=people["irom_a"]))["annualReport"]
    assert {f["id"]: f for f in report["figures"]}["monitoring.completed_before_review_pct"]["thisYear"]["value"] == 0.0
