"""outcomes.minutes_on_time_pct: of the conferences the portal held in the year, the share whose minutes were sent by the
LA's deadline (15 working days after the meeting by default, that day included); never sent counts as late once the
deadline has passed, and a conference whose minutes are not yet due is not counted."""

from datetime import date
from types import SimpleNamespace as NS

from portal.history import annual
from portal.history.annual import Records, ReportingYear
from portal.timescales import RULES_DIR, load_rules

YEAR = ReportingYear.parse("2025-26")
RULES = load_rules(RULES_DIR)


def held(on: str, sent: str | None) -> NS:
    return NS(held_on=date.fromisoformat(on), minutes_sent_on=date.fromisoformat(sent) if sent else None)


def test_minutes_on_the_deadline_day_are_on_time_late_and_never_sent_are_not():
    # Held Thursday 17 April 2025: Good Friday, Easter Monday and the early May bank holiday fall inside, so 15 working days end on Tuesday 13 May.
    records = Records(held_conferences=[
        held("2025-04-17", "2025-05-13"),  # on the deadline day
        held("2025-04-17", "2025-05-14"),  # a day late
        held("2025-04-17", None),  # never sent
        held("2025-06-02", "2025-06-03"),  # early
        held("2025-03-31", "2025-04-01"),  # last year's
    ], as_of=date(2026, 5, 1))
    assert annual.minutes_on_time(records, YEAR, RULES["default"]) == {"value": 50.0, "count": 2, "of": 4}


def test_minutes_not_yet_due_are_left_out_until_their_deadline_has_passed():
    # Held Monday 2 March 2026: due Monday 23 March.
    waiting = Records(held_conferences=[held("2026-03-02", None), held("2026-03-02", "2026-03-04")], as_of=date(2026, 3, 23))
    assert annual.minutes_on_time(waiting, YEAR, RULES["default"]) == {"value": 100.0, "count": 1, "of": 1}
    overdue = Records(held_conferences=waiting.held_conferences, as_of=date(2026, 3, 24))
    assert annual.minutes_on_time(overdue, YEAR, RULES["default"]) == {"value": 50.0, "count": 1, "of": 2}


def test_the_las_own_minutes_deadline_is_used():
    # Holmcastle sends minutes within 10 working days: held Monday 2 March 2026, due Monday 16 March.
    records = Records(held_conferences=[held("2026-03-02", "2026-03-17")], as_of=date(2026, 5, 1))
    assert annual.minutes_on_time(records, YEAR, RULES["holmcastle"])["value"] == 0.0
    assert annual.minutes_on_time(records, YEAR, RULES["default"])["value"] == 100.0


def test_the_report_gives_the_figure_with_its_definition_and_last_years():
    records = Records(held_conferences=[held("2026-03-02", "2026-03-04"), held("2025-03-03", None)], as_of=date(2026, 5, 1))
    figure = annual.annual_report("ashby", records, YEAR, RULES["default"]).figures["outcomes.minutes_on_time_pct"]
    assert (figure["value"], figure["last_year"]["value"]) == (100.0, 0.0)
    assert figure["definition"].startswith("Of the conferences the portal held in the year, the share whose minutes were sent")
