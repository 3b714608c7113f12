"""The drift watchlist: invented children hitting each challenge clinic theme, just missing each threshold,
and leaving the list when the reason ends."""

from datetime import date, timedelta

from portal.history.models import LookedAfterEpisode, ProtectionPlan
from portal.monitoring.config import monitoring_for
from portal.monitoring.watchlist import drift_watchlist, whole_months

TODAY = date(2026, 10, 12)
LIMITS = monitoring_for("default").watchlist


def episode(child: str, started: date, ended: date | None = None, *, ls: str = "C2", place: str = "U4", rne: str = "S", rec: str = "") -> LookedAfterEpisode:
    return LookedAfterEpisode(la_id=1, la_child_id=child, started_on=started, ended_on=ended, reason_new_episode=rne, legal_status=ls,
                              need_code="N1", placement=place, reason_ended=rec or ("X1" if ended else ""))


def plan(child: str, started: date, ended: date | None = None, previous: int | None = None) -> ProtectionPlan:
    return ProtectionPlan(la_id=1, la_child_id=child, started_on=started, ended_on=ended, latest_category="NEG", previous_plans=previous)


def themes(episodes=(), plans=(), today: date = TODAY, limits=LIMITS) -> dict[str, list[str]]:
    return {e.la_child_id: [r.theme for r in e.reasons] for e in drift_watchlist(list(episodes), list(plans), today, limits)}


def test_whole_months_count_a_month_only_once_its_day_is_reached():
    assert whole_months(date(2025, 7, 12), TODAY) == 15
    assert whole_months(date(2025, 7, 13), TODAY) == 14
    assert whole_months(date(2024, 2, 29), date(2025, 2, 28)) == 12  # as add_months counts: the month's last day


def test_plans_fifteen_months_or_more_and_over_two_years():
    found = themes(plans=[
        plan("15 months today", date(2025, 7, 12)),
        plan("a day short of 15 months", date(2025, 7, 13)),
        plan("2 years exactly", date(2024, 10, 12)),
        plan("2 years and a day", date(2024, 10, 11)),
        plan("ended after 3 years", date(2022, 1, 1), date(2025, 1, 1)),
    ])
    assert found == {"15 months today": ["long_plan"], "2 years exactly": ["long_plan"], "2 years and a day": ["long_plan", "very_long_plan"]}


def test_second_and_subsequent_plans_from_an_earlier_plan_or_the_census_count_while_the_plan_is_open():
    found = drift_watchlist([], [
        plan("again", date(2023, 1, 9), date(2024, 3, 1)), plan("again", date(2026, 6, 1)),
        plan("census says", date(2026, 9, 1), previous=2),
        plan("first", date(2026, 9, 1), previous=0),
        plan("second ended", date(2022, 1, 1), date(2023, 1, 1)), plan("second ended", date(2024, 1, 1), date(2026, 10, 12)),
    ], TODAY, LIMITS)
    assert [(e.la_child_id, [r.theme for r in e.reasons]) for e in found] == [("again", ["second_plan"]), ("census says", ["second_plan"])]
    again = found[0].reasons[0]
    assert (again.since, again.days, again.record) == (date(2026, 6, 1), 133, "protection plan")
    assert again.evidence == "Plan begun 1 June 2026, open 4 months (133 days); 1 earlier plan (9 January 2023 to 1 March 2024)"
    assert found[1].reasons[0].evidence.endswith("2 earlier plans (NumberOfPreviousCPP)")


def test_placement_orders_six_months_or_more_across_episodes_of_one_legal_status():
    found = drift_watchlist([
        episode("six months", date(2026, 4, 12), ls="E1", place="A3"),
        episode("a day short", date(2026, 4, 13), ls="E1", place="A3"),
        episode("moved under the order", date(2026, 1, 5), date(2026, 8, 1), ls="E1", place="U4"),
        episode("moved under the order", date(2026, 8, 1), ls="E1", place="A4", rne="P"),
        episode("order revoked", date(2025, 1, 5), date(2026, 9, 1), ls="E1"), episode("order revoked", date(2026, 9, 1), ls="C2", rne="L"),
    ], [], TODAY, LIMITS)
    assert {e.la_child_id: [r.theme for r in e.reasons] for e in found} == {"six months": ["placement_order"], "moved under the order": ["placement_order"]}
    moved = found[0].reasons[0]
    assert moved.since == date(2026, 1, 5)
    assert moved.evidence.startswith("Legal status E1 since 5 January 2026, 9 months (280 days)")


def test_placed_with_parents_and_with_family_or_friends_on_a_care_order():
    found = themes([
        episode("with parents", date(2026, 10, 1), place="P1"),
        episode("was with parents", date(2026, 1, 1), date(2026, 10, 12), place="P1", rec="E11"),
        episode("with gran", date(2025, 3, 1), place="U3", ls="C2"),
        episode("with gran, interim order", date(2025, 3, 1), place="U1", ls="C1"),
        episode("foster carer", date(2025, 3, 1), place="U4", ls="C2"),
    ])
    assert found == {"with parents": ["placed_with_parents"], "with gran": ["connected_carers_care_order"]}


def test_three_placements_in_twelve_months_counting_the_one_in_progress_a_year_ago():
    found = themes([
        episode("three", date(2025, 6, 1), date(2026, 2, 1), place="U4"),
        episode("three", date(2026, 2, 1), date(2026, 7, 1), place="U5", rne="P"),
        episode("three", date(2026, 7, 1), place="U6", rne="P"),
        # the first placement ended the day the window opens, so only two count
        episode("two", date(2025, 6, 1), date(2025, 10, 12), place="U4"),
        episode("two", date(2025, 10, 12), date(2026, 7, 1), place="U5", rne="P"),
        episode("two", date(2026, 7, 1), place="U6", rne="P"),
        # a change of legal status only (L) or of placement with the same carers (U, B) is no new placement
        episode("same carers", date(2026, 1, 1), date(2026, 3, 1), place="U4"),
        episode("same carers", date(2026, 3, 1), date(2026, 5, 1), place="U4", rne="L"),
        episode("same carers", date(2026, 5, 1), place="U5", rne="U"),
    ])
    assert found == {"three": ["placement_moves"]}


def test_short_breaks_under_section_20_while_open_or_lately_ended():
    found = themes([
        episode("short breaks", date(2026, 9, 1), ls="V4", place="R1"),
        episode("break ended lately", date(2026, 7, 10), date(2026, 7, 12), ls="V3", place="R1", rec="E17"),
        episode("break ended long ago", date(2026, 7, 9), date(2026, 7, 11), ls="V3", place="R1", rec="E17"),
        episode("now in care", date(2026, 1, 1), date(2026, 2, 1), ls="V3", place="R1", rec="E17"), episode("now in care", date(2026, 3, 1), ls="C2"),
    ])
    assert found == {"short breaks": ["short_breaks"], "break ended lately": ["short_breaks"]}


def test_a_child_leaves_the_list_when_the_reason_ends():
    records = [episode("leaves", date(2026, 1, 1), date(2026, 11, 1), place="P1", rec="E11")]
    plans = [plan("plan ends", date(2025, 1, 1), date(2026, 11, 1))]
    assert set(themes(records, plans)) == {"leaves", "plan ends"}
    after = TODAY + timedelta(days=20)
    assert themes(records, plans, today=after) == {}


def test_the_thresholds_are_the_las_own():
    brackenridge = monitoring_for("brackenridge").watchlist
    records = [episode("five months", date(2026, 5, 12), ls="E1", place="A3")]
    assert themes(records) == {}
    assert themes(records, limits=brackenridge) == {"five months": ["placement_order"]}
    assert drift_watchlist(records, [], TODAY, brackenridge)[0].reasons[0].label == "Placement order 4 months or more"
