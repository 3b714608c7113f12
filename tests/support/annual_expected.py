"""The annual report's figures counted straight from the generated facts (tests/support/la_history.py),
day by day, without the portal's code: the answers the report must give.

Working days are counted one day at a time with the `holidays` package; months are added by hand."""

from collections import Counter
from datetime import date, timedelta

from tests.support.la_history import BANK_HOLIDAYS, History, months_after


def _days(begin: date, end: date):
    day = begin
    while day <= end:
        yield day
        day += timedelta(days=1)


def _working_days_from(start: date, to: date) -> int:
    return sum(1 for d in _days(start + timedelta(days=1), to) if d.weekday() < 5 and d not in BANK_HOLIDAYS)


def _looked_after_on(episodes: list, day: date) -> bool:
    """Looked after during `day`: an episode began on or before it and had not ended by its start."""
    return any(e.start <= day and (e.end is None or e.end > day) for e in episodes)


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _review_in_time(history: History, review) -> bool:
    child, began, ended = next(p for p in history.periods if p[0] == review.child and p[1] <= review.held_on and (p[2] is None or review.held_on <= p[2]))
    earlier = sorted(r.held_on for r in history.reviews if r.child == child and began <= r.held_on < review.held_on and (ended is None or r.held_on <= ended))
    if not earlier:
        return _working_days_from(began, review.held_on) <= 20
    return review.held_on <= months_after(earlier[-1], 3 if len(earlier) == 1 else 6)


def expected_months(history: History, start_year: int) -> list[dict]:
    """Month by month from April: LAC reviews and initial conferences held, and how many of each were in timescale."""
    months = []
    for offset in range(12):
        year, month = start_year + (3 + offset) // 12, (3 + offset) % 12 + 1
        reviews = [r for r in history.reviews if (r.held_on.year, r.held_on.month) == (year, month)]
        conferences = [q for q in history.enquiries if q.conference and (q.conference.year, q.conference.month) == (year, month)]
        months.append({"month": date(year, month, 1).strftime("%B %Y"),
                       "lac_reviews": (sum(_review_in_time(history, r) for r in reviews), len(reviews)),
                       "icpc": (sum(_working_days_from(q.start, q.conference) <= 15 for q in conferences), len(conferences))})
    return months


def expected(history: History, start_year: int) -> dict:
    begin, end = date(start_year, 4, 1), date(start_year + 1, 3, 31)
    of_child: dict[str, list] = {}
    for episode in history.episodes:
        of_child.setdefault(episode.child, []).append(episode)
    looked_after = sorted(of_child)
    started, ceased = set(), set()
    for child in looked_after:
        for day in _days(begin, end):
            before, now = _looked_after_on(of_child[child], day - timedelta(days=1)), _looked_after_on(of_child[child], day)
            if now and not before:
                started.add(child)
            if before and not now:
                ceased.add(child)
    at_end = {c for c in looked_after if _looked_after_on(of_child[c], end)}

    outside = [c for c in at_end if next(e for e in history.episodes if e.child == c and e.start <= end and (e.end is None or e.end > end))
               .placement_post.split()[0] not in {f"TS{n}" for n in range(1, 9)}]

    carers = {c: {e.carers for e in history.episodes if e.child == c and e.start <= end and (e.end is None or e.end > begin)} for c in at_end}
    three = [c for c in at_end if len(carers[c]) >= 3]

    held = [r for r in history.reviews if begin <= r.held_on <= end]
    in_time = sum(_review_in_time(history, review) for review in held)

    conferences = [q for q in history.enquiries if q.conference and begin <= q.conference <= end]
    timely = [q for q in conferences if _working_days_from(q.start, q.conference) <= 15]

    def open_on(plan, day: date) -> bool:  # the plan's end day still counts to its length
        return plan.start <= day and (plan.end is None or day <= plan.end)

    over_two_during = {p.child for p in history.plans for d in _days(begin, end) if open_on(p, d) and d > months_after(p.start, 24)}
    open_at_end = [p for p in history.plans if p.start <= end and (p.end is None or p.end > end)]
    over_two_end = {p.child for p in open_at_end if end > months_after(p.start, 24)}
    began_in_year = [p for p in history.plans if begin <= p.start <= end]
    second = [p for p in began_in_year if p.earlier_plans >= 1]
    codes = Counter(r.code for r in held)
    return {
        "looked_after.started": len(started),
        "looked_after.ceased": len(ceased),
        "looked_after.at_year_end": len(at_end),
        "looked_after.placed_outside_la_pct": _pct(len(outside), len(at_end)),
        "lac_reviews.held": len(held),
        "lac_reviews.in_timescale_pct": _pct(in_time, len(held)),
        "placements.three_or_more_in_12_months_pct": _pct(len(three), len(at_end)),
        "icpc.held": len(conferences),
        "icpc.in_timescale_pct": _pct(len(timely), len(conferences)),
        "cp_plans.over_2_years_during_year": len(over_two_during),
        "cp_plans.over_2_years_at_year_end": len(over_two_end),
        "cp_plans.second_or_subsequent": len(second),
        "cp_plans.by_category": {c: sum(p.latest == c for p in open_at_end) for c in ("NEG", "PHY", "EMO", "SAB", "MUL")},
        "participation.by_code": {f"PN{n}": {"count": codes[f"PN{n}"], "pct": _pct(codes[f"PN{n}"], len(held))} for n in range(8)},
    }
