"""monitoringSummary (the LA's head of service and IRO manager) and driftWatchlist (its IROs, IRO manager and head of
service): the right people read them, every other role and the same roles in another LA get null."""

from datetime import UTC, date, datetime

from portal.children.models import Child
from portal.history.models import LookedAfterEpisode, ProtectionPlan
from tests.history.conftest import add_managers
from tests.monitoring.conftest import all_met, held_review
from tests.support.people import EVERYONE

SUMMARY = """query($laId: ID!, $year: String!) { monitoringSummary(laId: $laId, year: $year) {
  year quarters { label startsOn endsOn meetings completedBeforeMeeting completedBeforeMeetingPct themes { item theme met notMet notApplicable } } } }"""
WATCHLIST = """query($laId: ID!) { driftWatchlist(laId: $laId) { on children { laChildId childId reasons { theme label evidence record since days } } } }"""


async def test_the_findings_by_quarter_and_theme_for_the_las_managers_only(api, world, database, frozen):
    people = await add_managers(database, world)
    spring = await held_review(database, world, date(2026, 5, 6))
    summer = await held_review(database, world, date(2026, 8, 20))
    frozen.move_to(datetime(2026, 5, 5, 9, tzinfo=UTC))
    answers = all_met()
    answers[4] = {"item": "child_consulted", "answer": "NOT_MET", "note": "Not seen."}
    answers[7] = {"item": "plan_reviewed_at_core_groups", "answer": "NOT_APPLICABLE", "note": ""}
    await api.mutate("recordMonitoringCheck", {"conferenceId": str(spring), "answers": answers}, "checklist { complete }", as_=world.chair_a)
    frozen.move_to(datetime(2026, 8, 21, 9, tzinfo=UTC))
    await api.mutate("recordMonitoringCheck", {"conferenceId": str(summer), "answers": answers[4:6]}, "checklist { complete }", as_=world.chair_a)
    frozen.move_to(datetime(2026, 10, 12, 9, tzinfo=UTC))
    for person in (people["hos_a"], people["irom_a"]):
        found = (await api(SUMMARY, {"laId": world.id("la_a"), "year": "2026-27"}, as_=person))["monitoringSummary"]
        first, second, third, fourth = found["quarters"]
        assert (first["label"], first["startsOn"], first["endsOn"]) == ("April to June 2026", "2026-04-01", "2026-06-30")
        assert (fourth["label"], fourth["endsOn"]) == ("January to March 2027", "2027-03-31")
        assert (first["meetings"], first["completedBeforeMeeting"], first["completedBeforeMeetingPct"]) == (1, 1, 100.0)
        assert (second["meetings"], second["completedBeforeMeeting"], second["completedBeforeMeetingPct"]) == (1, 0, 0.0)
        assert third["meetings"] == 1 and third["completedBeforeMeetingPct"] == 0.0  # the world's own conference, in ten days
        consulted = {t["item"]: t for t in first["themes"]}["child_consulted"]
        assert (consulted["theme"], consulted["met"], consulted["notMet"], consulted["notApplicable"]) == ("The child consulted before the review", 0, 1, 0)
        assert {t["item"]: t for t in first["themes"]}["plan_reviewed_at_core_groups"]["notApplicable"] == 1
        assert {t["item"]: t for t in second["themes"]}["child_consulted"]["notMet"] == 1
        assert {t["item"]: t for t in second["themes"]}["report_quality"]["met"] == 0
    for name in EVERYONE:
        assert (await api(SUMMARY, {"laId": world.id("la_a"), "year": "2026-27"}, as_=getattr(world, name)))["monitoringSummary"] is None, name
    assert (await api(SUMMARY, {"laId": world.id("la_a"), "year": "2026-27"}, as_=people["hos_b"]))["monitoringSummary"] is None
    other = (await api(SUMMARY, {"laId": world.id("la_b"), "year": "2026-27"}, as_=people["hos_b"]))["monitoringSummary"]
    assert sum(q["meetings"] for q in other["quarters"]) == 1 and all(t["notMet"] == 0 for q in other["quarters"] for t in q["themes"])


async def test_the_watchlist_names_the_las_children_with_evidence_for_its_iros_and_managers_only(api, world, database):
    people = await add_managers(database, world)
    async with database.session() as session:
        session.add_all([
            ProtectionPlan(la_id=world.la_a, la_child_id="EA0001", started_on=date(2024, 9, 1), latest_category="NEG"),
            LookedAfterEpisode(la_id=world.la_a, la_child_id="EA0002", started_on=date(2026, 3, 2), reason_new_episode="S", legal_status="C2",
                               need_code="N1", placement="P1"),
            ProtectionPlan(la_id=world.la_b, la_child_id="WM0001", started_on=date(2023, 1, 1), latest_category="EMO"),
        ])
        child = await session.get(Child, world.child_a1)
        child.la_child_id = "EA0002"
        await session.commit()
    for person in (world.chair_a, world.chair_a2, people["hos_a"], people["irom_a"]):
        found = (await api(WATCHLIST, {"laId": world.id("la_a")}, as_=person))["driftWatchlist"]
        assert found["on"] == "2026-10-12"
        assert [(c["laChildId"], c["childId"], [r["theme"] for r in c["reasons"]]) for c in found["children"]] == [
            ("EA0001", None, ["long_plan", "very_long_plan"]), ("EA0002", world.id("child_a1"), ["placed_with_parents"])]
        plan = found["children"][0]["reasons"][1]
        assert (plan["label"], plan["record"], plan["since"], plan["days"]) == ("Protection plan over 24 months", "protection plan", "2024-09-01", 771)
        assert plan["evidence"] == "Plan begun 1 September 2024, open 25 months (771 days)"
    for name in [n for n in EVERYONE if n not in ("chair_a", "chair_a2")]:
        assert (await api(WATCHLIST, {"laId": world.id("la_a")}, as_=getattr(world, name)))["driftWatchlist"] is None, name
    for person in (people["hos_b"], world.chair_b):
        assert (await api(WATCHLIST, {"laId": world.id("la_a")}, as_=person))["driftWatchlist"] is None
    assert [c["laChildId"] for c in (await api(WATCHLIST, {"laId": world.id("la_b")}, as_=world.chair_b))["driftWatchlist"]["children"]] == ["WM0001"]
