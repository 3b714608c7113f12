"""Each figure's definition on a few hand-built records, with the answer worked out by hand."""

from datetime import UTC, date, datetime
from types import SimpleNamespace as NS

from portal.history import annual
from portal.history.annual import Records, ReportingYear
from portal.history.models import LookedAfterEpisode, LookedAfterReview, ProtectionPlan, Section47Enquiry
from portal.timescales import RULES_DIR, load_rules

YEAR = ReportingYear.parse("2018-19")
RULES = load_rules(RULES_DIR)["default"]


def d(text: str) -> date:
    return date.fromisoformat(text)


def ep(child: str, start: str, rne: str = "S", end: str | None = None, rec: str = "", post: str = "") -> LookedAfterEpisode:
    return LookedAfterEpisode(la_id=1, la_child_id=child, started_on=d(start), reason_new_episode=rne, legal_status="C2", need_code="N1",
                              placement="U1", ended_on=d(end) if end else None, reason_ended=rec, placement_postcode=post)


def review(child: str, held: str, code: str = "PN1") -> LookedAfterReview:
    return LookedAfterReview(la_id=1, la_child_id=child, held_on=d(held), participation=code)


def plan(child: str, start: str, end: str | None = None, latest: str = "NEG", previous: int | None = None) -> ProtectionPlan:
    return ProtectionPlan(la_id=1, la_child_id=child, started_on=d(start), ended_on=d(end) if end else None, initial_category="NEG",
                          latest_category=latest, previous_plans=previous)


def enquiry(child: str, start: str, conference: str | None) -> Section47Enquiry:
    return Section47Enquiry(la_id=1, la_child_id=child, started_on=d(start), initial_conference_on=d(conference) if conference else None)


def test_ReportingYear_runs_from_1_april_to_31_march_and_refuses_other_shapes():
    assert (YEAR.start, YEAR.end, YEAR.previous().label) == (d("2018-04-01"), d("2019-03-31"), "2017-18")
    for bad in ("2018-20", "2018", "18-19", "2018/19"):
        try:
            ReportingYear.parse(bad)
        except annual.BadYear:
            continue
        raise AssertionError(bad)


MOVES = Records(episodes=[
    # a: began in the year, moved (P after X1) — one start
    ep("a", "2018-05-01", end="2018-08-01", rec="X1"), ep("a", "2018-08-01", "P"),
    # b: began before the year, left in it, came back and left again on 31 March — no start in the year before November, two ends, not at year end
    ep("b", "2017-06-01", end="2018-07-01", rec="E4A"), ep("b", "2018-11-01", end="2019-03-31", rec="E13"),
    # c: across the whole year
    ep("c", "2016-01-01"),
    # d: began on 31 March 2019 — a start, and looked after at its end
    ep("d", "2019-03-31"),
    # e: left on 1 April 2019 — still looked after at the end of 31 March
    ep("e", "2018-12-01", end="2019-04-01", rec="E8"),
])


def test_looked_after_started_counts_children_whose_period_began_in_the_year_once_each():
    assert annual.looked_after_started(MOVES, YEAR) == {"value": 4}  # a, b (November), d, e


def test_looked_after_ceased_counts_children_whose_period_ended_in_the_year():
    assert annual.looked_after_ceased(MOVES, YEAR) == {"value": 1}  # b (twice, once counted); e ended after the year


def test_looked_after_at_year_end_leaves_out_a_child_whose_care_ended_on_31_march():
    assert annual.looked_after_at_year_end(MOVES, YEAR) == {"value": 4}  # a, c, d, e


def test_placed_outside_counts_placement_postcodes_outside_the_las_districts():
    records = Records(episodes=[ep("a", "2018-05-01", post="TS1 4AB"), ep("b", "2018-05-01", post="DL1 3QR"), ep("c", "2018-05-01", post="DL16"),
                                ep("d", "2018-05-01")])
    rules = RULES.model_copy(update={"postcode_districts": ("TS1", "TS2")})
    assert annual.placed_outside_la(records, YEAR, rules) == {"value": 66.7, "count": 2, "of": 3}
    assert annual.placed_outside_la(records, YEAR, RULES)["value"] is None


def test_three_or_more_placements_counts_the_one_in_progress_on_1_april_and_new_carers_only():
    records = Records(episodes=[
        ep("three", "2017-10-02", end="2018-06-01", rec="X1"), ep("three", "2018-06-01", "P", end="2018-12-03", rec="X1"),
        ep("three", "2018-12-03", "T", end="2019-02-01", rec="X1"), ep("three", "2019-02-01", "L"),
        ep("two", "2017-11-01", end="2018-04-01", rec="X1"), ep("two", "2018-04-01", "P", end="2018-10-01", rec="X1"), ep("two", "2018-10-01", "T"),
        ep("same-carers", "2018-05-01", end="2018-07-01", rec="X1"), ep("same-carers", "2018-07-01", "B", end="2018-09-01", rec="X1"),
        ep("same-carers", "2018-09-01", "U"),
        ep("left", "2018-04-05", end="2018-05-01", rec="X1"), ep("left", "2018-05-01", "P", end="2018-06-01", rec="X1"),
        ep("left", "2018-06-01", "P", end="2018-07-01", rec="E13"),
    ])
    assert annual.three_or_more_placements(records, YEAR) == {"value": 33.3, "count": 1, "of": 3}


def test_lac_reviews_in_timescale_20_working_days_then_3_months_then_6_months_a_review_on_its_deadline_in_time():
    # Care began Friday 1 June 2018; 20 working days later is 29 June. Then 3 months (29 September), then 6 months (29 March 2019).
    records = Records(episodes=[ep("a", "2018-06-01"), ep("b", "2018-12-10")], reviews=[
        review("a", "2018-06-29"), review("a", "2018-09-29"), review("a", "2019-03-29"),
        # b: began Monday 10 December; 20 working days with Christmas, Boxing Day and New Year's Day off: 10 January 2019
        review("b", "2019-01-11"), review("b", "2019-04-11"),
        review("nobody", "2018-07-01"),
    ])
    assert annual.lac_reviews_held(records, YEAR) == {"value": 5}
    timely = annual.lac_reviews_in_timescale(records, YEAR, RULES)
    assert {k: timely[k] for k in ("value", "count", "of")} == {"value": 75.0, "count": 3, "of": 4}
    assert timely["note"].startswith("1 reviews fall in no period of care")
    late = Records(episodes=records.episodes, reviews=[review("a", "2018-07-02"), review("a", "2018-10-03")])
    assert annual.lac_reviews_in_timescale(late, YEAR, RULES)["count"] == 0


def test_participation_by_code_counts_and_shares_of_the_years_reviews():
    records = Records(reviews=[review("a", "2018-05-01", "PN0"), review("b", "2018-05-01", "PN7"), review("c", "2018-06-01", "PN7"),
                               review("d", "2018-07-01", "PN1"), review("e", "2019-04-01", "PN7")])
    counted = annual.participation_by_code(records, YEAR)
    assert counted["of"] == 4
    assert {k: (v["count"], v["value"]) for k, v in counted["value"].items()} == {
        "PN0": (1, 25.0), "PN1": (1, 25.0), "PN2": (0, 0.0), "PN3": (0, 0.0), "PN4": (0, 0.0), "PN5": (0, 0.0), "PN6": (0, 0.0), "PN7": (2, 50.0)}


def test_icpc_held_and_in_timescale_15_working_days_bank_holidays_left_out():
    records = Records(enquiries=[
        enquiry("xmas", "2018-12-17", "2019-01-10"),  # 24 days, 15 working days (Christmas, Boxing Day, New Year's Day off): in time
        enquiry("late", "2018-12-17", "2019-01-11"),  # 16
        enquiry("easter", "2019-03-27", "2019-04-18"),  # held after the year
        enquiry("may", "2018-05-01", "2018-05-23"),  # 15 working days with the May Day holiday (7 May) off: in time
        enquiry("none", "2018-06-01", None),
    ])
    assert annual.icpc_held(records, YEAR) == {"value": 3}
    assert annual.icpc_in_timescale(records, YEAR, RULES) == {"value": 66.7, "count": 2, "of": 3}


PLANS = Records(plans=[
    plan("exactly-two", "2017-03-31"),  # two years exactly at 31 March 2019: not over two years
    plan("over-two", "2017-03-30", latest="MUL"),
    plan("ended-over", "2016-01-04", end="2018-06-01"),  # over two years in April 2018, ended in the year
    plan("ended-before", "2015-01-05", end="2018-03-31"),  # ended before the year
    plan("ends-31-march", "2016-09-01", end="2019-03-31", latest="PHY"),  # over two years during, not open at the end
    plan("new", "2018-10-01", latest="EMO"),
    plan("again", "2016-05-02", end="2017-06-01"), plan("again", "2018-10-01", latest="SAB"),  # second plan, known from the first
    plan("told", "2018-11-05", previous=2),  # NumberOfPreviousCPP says so
])


def test_plans_over_two_years_during_the_year_and_at_its_end():
    assert annual.plans_over_two_years_during(PLANS, YEAR) == {"value": 3}  # over-two, ended-over, ends-31-march
    assert annual.plans_over_two_years_at_end(PLANS, YEAR) == {"value": 1}  # over-two


def test_second_or_subsequent_plans_from_an_earlier_plan_or_the_census_count():
    assert annual.second_or_subsequent_plans(PLANS, YEAR) == {"value": 2, "of": 3}  # again, told (of new, again, told)


def test_plans_by_category_counts_plans_open_at_31_march_by_latest_category():
    assert annual.plans_by_category(PLANS, YEAR) == {"value": {"NEG": 2, "PHY": 0, "EMO": 1, "SAB": 1, "MUL": 1}, "of": 5}


def test_the_report_writes_each_definition_beside_its_figure_and_last_year_where_the_records_reach_back():
    report = annual.annual_report("ashby", MOVES, YEAR, RULES).as_json()
    assert list(report["figures"]) == [f.id for f in annual.FIGURES]
    assert all(figure["definition"] for figure in report["figures"].values())
    assert report["figures"]["looked_after.started"]["last_year"] == {"value": 1}  # b began in June 2017
    assert report["figures"]["lac_reviews.held"]["last_year"] is None
    assert report["figures"]["challenges.raised"] == report["figures"]["challenges.raised"] | {"value": 0, "last_year": None}


def test_children_seen_before_review_counts_a_child_without_a_consultation_as_not_seen():
    records = Records(review_children=[NS(held_on=d("2018-05-01"), seen=True), NS(held_on=d("2018-06-01"), seen=False),
                                       NS(held_on=d("2018-07-01"), seen=None), NS(held_on=d("2018-08-01"), seen=True),
                                       NS(held_on=d("2019-04-01"), seen=False)])
    assert annual.children_seen_before_review(records, YEAR) == {"value": 50.0, "count": 2, "of": 4}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def invited(held: str, due: str, submitted: str | None, family_due: str | None = None, shared: str | None = None) -> NS:
    return NS(held_on=d(held), report_due_at=at(due), family_due_at=at(family_due) if family_due else None,
              submitted_at=at(submitted) if submitted else None, shared_with_family_on=d(shared) if shared else None)


def test_reports_submitted_on_time_by_the_due_time_and_never_submitted_is_late():
    records = Records(invitations=[
        invited("2018-06-10", "2018-06-05 16:00", "2018-06-05 16:00"),  # at the due time: on time
        invited("2018-06-10", "2018-06-05 16:00", "2018-06-05 16:01"),  # a minute late
        invited("2018-06-10", "2018-06-05 16:00", None),  # never submitted
        invited("2018-03-30", "2018-03-26 16:00", "2018-03-20 09:00"),  # a conference of the year before
    ])
    assert annual.reports_submitted_on_time(records, YEAR) == {"value": 33.3, "count": 1, "of": 3}


def test_reports_shared_on_time_by_the_family_deadlines_day_in_the_las_time():
    records = Records(invitations=[
        # due 23:30 UTC on 4 June is 00:30 on 5 June in London (summer time): sharing on 5 June is on time
        invited("2018-06-10", "2018-06-05 16:00", None, family_due="2018-06-04 23:30", shared="2018-06-05"),
        invited("2018-06-10", "2018-06-05 16:00", None, family_due="2018-06-05 16:00", shared="2018-06-06"),  # a day late
        invited("2018-06-10", "2018-06-05 16:00", None, family_due="2018-06-05 16:00"),  # never shared
        invited("2018-06-10", "2018-06-05 16:00", None),  # no family deadline: not counted
    ])
    assert annual.reports_shared_on_time(records, YEAR, RULES) == {"value": 33.3, "count": 1, "of": 3}
