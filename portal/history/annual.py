"""The IRO annual report's figures from an LA's records: plain functions of the records and the
reporting year (1 April to 31 March), each figure with its definition beside it."""

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from portal.challenges import figures as challenge_figures
from portal.history import codes
from portal.history.models import LookedAfterEpisode, LookedAfterReview, ProtectionPlan, Section47Enquiry
from portal.monitoring.timing import completed_before
from portal.timescales.rules import LARules
from portal.timescales.workdays import add_months

YEAR = re.compile(r"^(\d{4})-(\d{2})$")


class BadYear(ValueError):
    pass


@dataclass(frozen=True)
class ReportingYear:
    first: int  # the calendar year the reporting year begins in (1 April)

    @classmethod
    def parse(cls, text: str) -> "ReportingYear":
        found = YEAR.match(text.strip())
        if not found or (int(found[1]) + 1) % 100 != int(found[2]) or not 1990 <= int(found[1]) <= 2100:
            raise BadYear(f"{text!r} is not a reporting year: write it like 2018-19")
        return cls(int(found[1]))

    @cached_property
    def start(self) -> date:
        return date(self.first, 4, 1)

    @cached_property
    def end(self) -> date:
        return date(self.first + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.first}-{(self.first + 1) % 100:02d}"

    def previous(self) -> "ReportingYear":
        return ReportingYear(self.first - 1)

    def holds(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


@dataclass
class Records:
    """What the report counts, for one LA (the models' rows, or anything with their attributes)."""

    episodes: Sequence[LookedAfterEpisode] = ()
    reviews: Sequence[LookedAfterReview] = ()
    plans: Sequence[ProtectionPlan] = ()
    enquiries: Sequence[Section47Enquiry] = ()
    # the portal's own: each invitation to a conference it held (held_on, report_due_at, family_due_at,
    # submitted_at, shared_with_family_on), and each child at a LAC review it held (held_on, seen: bool | None)
    invitations: Sequence[Any] = ()
    review_children: Sequence[Any] = ()
    # each conference or LAC review the portal held, with its monitoring checklist's completion (held_on, scheduled_at, completed_at)
    monitoring: Sequence[Any] = ()
    # each conference it held (held_on, minutes_sent_on), and the day the records were read (minutes not yet due are not counted)
    held_conferences: Sequence[Any] = ()
    as_of: date | None = None
    # IRO challenges the portal recorded: one row per challenge (portal.challenges.figures.ChallengeRecord)
    challenges: Sequence[challenge_figures.ChallengeRecord] = ()

    @cached_property
    def periods(self) -> list["Period"]:
        return periods_of_care(self.episodes)

    def review_deadlines(self, rules: LARules) -> dict[tuple[str, date], date]:
        found = self.__dict__.setdefault("_deadlines", {})
        key = (rules.statutory, rules.closures)
        if key not in found:
            found[key] = review_deadlines(self, rules)
        return found[key]


@dataclass(frozen=True)
class Period:
    """A period of care: from an episode with RNE S to the end of the last episode before a reason other than X1."""

    child: str
    began: date
    ended: date | None
    episodes: tuple[LookedAfterEpisode, ...]

    def holds(self, day: date) -> bool:
        return self.began <= day and (self.ended is None or day <= self.ended)


def periods_of_care(episodes: Iterable[LookedAfterEpisode]) -> list[Period]:
    by_child: dict[str, list[LookedAfterEpisode]] = defaultdict(list)
    for episode in episodes:
        by_child[episode.la_child_id].append(episode)
    found = []
    for child, own in by_child.items():
        own.sort(key=lambda e: e.started_on)
        current: list[LookedAfterEpisode] = []
        for episode in own:
            previous = current[-1] if current else None
            continues = previous is not None and episode.reason_new_episode != codes.STARTED and previous.reason_ended == codes.CONTINUES
            if current and not continues:
                found.append(_period(child, current))
                current = []
            current.append(episode)
        found.append(_period(child, current))
    return found


def _period(child: str, episodes: list[LookedAfterEpisode]) -> Period:
    return Period(child, episodes[0].started_on, episodes[-1].ended_on, tuple(episodes))


def _open_at_end(started: date, ended: date | None, year: ReportingYear) -> bool:
    """Still going at the end of 31 March: begun by then and not ended on or before it."""
    return started <= year.end and (ended is None or ended > year.end)


def _pct(part: int, whole: int) -> dict[str, Any]:
    return {"value": round(100 * part / whole, 1) if whole else None, "count": part, "of": whole}


def _count(value: int) -> dict[str, Any]:
    return {"value": value}


# --- looked after


def looked_after_started(records: Records, year: ReportingYear) -> dict[str, Any]:
    return _count(len({p.child for p in records.periods if year.holds(p.began)}))


def looked_after_ceased(records: Records, year: ReportingYear) -> dict[str, Any]:
    return _count(len({p.child for p in records.periods if year.holds(p.ended)}))


def _at_year_end(records: Records, year: ReportingYear) -> dict[str, LookedAfterEpisode]:
    return {e.la_child_id: e for e in records.episodes if _open_at_end(e.started_on, e.ended_on, year)}


def looked_after_at_year_end(records: Records, year: ReportingYear) -> dict[str, Any]:
    return _count(len(_at_year_end(records, year)))


def _district(postcode: str) -> str:
    return postcode.split()[0] if postcode else ""


def placed_outside_la(records: Records, year: ReportingYear, rules: LARules) -> dict[str, Any]:
    if not rules.postcode_districts:
        return {"value": None, "note": "The LA's postcode districts are not in its rules file (postcode_districts), so this cannot be counted."}
    own = {d.upper() for d in rules.postcode_districts}
    placed = [e for e in _at_year_end(records, year).values() if e.placement_postcode]
    outside = [e for e in placed if _district(e.placement_postcode) not in own]
    return _pct(len(outside), len(placed))


def _placements_in_year(episodes: Iterable[LookedAfterEpisode], year: ReportingYear) -> int:
    """The placement in progress on 1 April, if any, and each new placement with new carers begun in the year."""
    count = 0
    for episode in episodes:
        in_progress = episode.started_on < year.start and (episode.ended_on is None or episode.ended_on > year.start)
        if in_progress or (year.holds(episode.started_on) and episode.reason_new_episode in codes.NEW_CARERS):
            count += 1
    return count


def three_or_more_placements(records: Records, year: ReportingYear) -> dict[str, Any]:
    at_end = _at_year_end(records, year)
    by_child: dict[str, list[LookedAfterEpisode]] = defaultdict(list)
    for episode in records.episodes:
        if episode.la_child_id in at_end:
            by_child[episode.la_child_id].append(episode)
    return _pct(sum(_placements_in_year(own, year) >= 3 for own in by_child.values()), len(at_end))


# --- LAC reviews


def lac_reviews_held(records: Records, year: ReportingYear) -> dict[str, Any]:
    return _count(sum(year.holds(r.held_on) for r in records.reviews))


def review_deadlines(records: Records, rules: LARules) -> dict[tuple[str, date], date]:
    """Each review within a period of care and the latest day it could be held on in time."""
    statutory, calendar = rules.statutory, rules.calendar()
    periods: dict[str, list[Period]] = defaultdict(list)
    for period in records.periods:
        periods[period.child].append(period)
    reviews: dict[str, list[date]] = defaultdict(list)
    for review in records.reviews:
        reviews[review.la_child_id].append(review.held_on)
    deadlines = {}
    for child, held in reviews.items():
        for period in periods.get(child, []):
            within = sorted(day for day in held if period.holds(day))
            for number, day in enumerate(within):
                if number == 0:
                    due = calendar.add_working_days(period.began, statutory.first_lac_review_working_days_after_looked_after)
                elif number == 1:
                    due = add_months(within[0], statutory.second_lac_review_months_after_first)
                else:
                    due = add_months(within[number - 1], statutory.lac_review_interval_months)
                deadlines[(child, day)] = due
    return deadlines


def lac_reviews_in_timescale(records: Records, year: ReportingYear, rules: LARules) -> dict[str, Any]:
    deadlines = records.review_deadlines(rules)
    held = [(r.la_child_id, r.held_on) for r in records.reviews if year.holds(r.held_on)]
    timed = [key for key in held if key in deadlines]
    result = _pct(sum(day <= deadlines[(child, day)] for child, day in timed), len(timed))
    if len(timed) < len(held):
        result["note"] = f"{len(held) - len(timed)} reviews fall in no period of care the episodes record and are left out."
    return result


def participation_by_code(records: Records, year: ReportingYear) -> dict[str, Any]:
    held = [r.participation for r in records.reviews if year.holds(r.held_on)]
    counts = Counter(held)
    return {"value": {code: _pct(counts[code], len(held)) | {"meaning": meaning} for code, meaning in codes.PARTICIPATION.items()}, "of": len(held)}


# --- child protection


def icpc_held(records: Records, year: ReportingYear) -> dict[str, Any]:
    return _count(sum(year.holds(q.initial_conference_on) for q in records.enquiries))


def icpc_in_timescale(records: Records, year: ReportingYear, rules: LARules) -> dict[str, Any]:
    calendar, days = rules.calendar(), rules.statutory.icpc_working_days_after_strategy_discussion
    held = [q for q in records.enquiries if year.holds(q.initial_conference_on)]
    return _pct(sum(q.initial_conference_on <= calendar.add_working_days(q.started_on, days) for q in held), len(held))  # type: ignore[operator]


def _over_two_years(plan: ProtectionPlan, on: date) -> bool:
    return on > add_months(plan.started_on, 24)


def plans_over_two_years_during(records: Records, year: ReportingYear) -> dict[str, Any]:
    children = set()
    for plan in records.plans:
        if plan.started_on > year.end or (plan.ended_on is not None and plan.ended_on < year.start):
            continue
        latest = min(plan.ended_on or year.end, year.end)
        if _over_two_years(plan, latest):
            children.add(plan.la_child_id)
    return _count(len(children))


def _open_plans(records: Records, year: ReportingYear) -> list[ProtectionPlan]:
    return [p for p in records.plans if _open_at_end(p.started_on, p.ended_on, year)]


def plans_over_two_years_at_end(records: Records, year: ReportingYear) -> dict[str, Any]:
    return _count(len({p.la_child_id for p in _open_plans(records, year) if _over_two_years(p, year.end)}))


def second_or_subsequent_plans(records: Records, year: ReportingYear) -> dict[str, Any]:
    first_plan: dict[str, date] = {}
    for plan in records.plans:
        first_plan[plan.la_child_id] = min(plan.started_on, first_plan.get(plan.la_child_id, plan.started_on))
    started = [p for p in records.plans if year.holds(p.started_on)]
    later = [p for p in started if (p.previous_plans or 0) >= 1 or first_plan[p.la_child_id] < p.started_on]
    return {"value": len(later), "of": len(started)}


def plans_by_category(records: Records, year: ReportingYear) -> dict[str, Any]:
    counts = Counter(p.latest_category for p in _open_plans(records, year))
    return {"value": {code: counts[code] for code in codes.ABUSE_CATEGORY}, "of": sum(counts.values())}


def monthly_timeliness(records: Records, year: ReportingYear, rules: LARules) -> list[dict[str, Any]]:
    """Month by month through the year: the share of LAC reviews and of initial conferences held in timescale."""
    deadlines = records.review_deadlines(rules)
    calendar, days = rules.calendar(), rules.statutory.icpc_working_days_after_strategy_discussion
    months = []
    for offset in range(12):
        first = add_months(year.start, offset)

        def in_month(day: date | None, first: date = first) -> bool:
            return day is not None and (day.year, day.month) == (first.year, first.month)

        reviews = [(r.la_child_id, r.held_on) for r in records.reviews if in_month(r.held_on) and (r.la_child_id, r.held_on) in deadlines]
        conferences = [q for q in records.enquiries if in_month(q.initial_conference_on)]
        months.append({
            "month": f"{first:%B %Y}",
            "lac_reviews": _pct(sum(day <= deadlines[(child, day)] for child, day in reviews), len(reviews)),
            "icpc": _pct(sum(q.initial_conference_on <= calendar.add_working_days(q.started_on, days) for q in conferences), len(conferences)),
        })
    return months


# --- the portal's own conferences


def children_seen_before_review(records: Records, year: ReportingYear) -> dict[str, Any]:
    children = [c for c in records.review_children if year.holds(c.held_on)]
    return _pct(sum(bool(c.seen) for c in children), len(children))


def reports_submitted_on_time(records: Records, year: ReportingYear) -> dict[str, Any]:
    invited = [i for i in records.invitations if year.holds(i.held_on)]
    return _pct(sum(i.submitted_at is not None and i.submitted_at <= i.report_due_at for i in invited), len(invited))


def reports_shared_on_time(records: Records, year: ReportingYear, rules: LARules) -> dict[str, Any]:
    invited = [i for i in records.invitations if year.holds(i.held_on) and i.family_due_at is not None]
    on_time = sum(i.shared_with_family_on is not None and i.shared_with_family_on <= i.family_due_at.astimezone(rules.zone).date() for i in invited)
    return _pct(on_time, len(invited))


def monitoring_completed_before(records: Records, year: ReportingYear, rules: LARules) -> dict[str, Any]:
    held = [m for m in records.monitoring if year.holds(m.held_on)]
    return _pct(sum(completed_before(m.completed_at, m.scheduled_at, m.held_on, rules.zone) for m in held), len(held))


def minutes_on_time(records: Records, year: ReportingYear, rules: LARules) -> dict[str, Any]:
    calendar, days = rules.calendar(), rules.after_meeting.minutes_working_days_after_meeting
    counted = on_time = 0
    for held in records.held_conferences:
        if not year.holds(held.held_on):
            continue
        due = calendar.add_working_days(held.held_on, days)
        if held.minutes_sent_on is None and records.as_of is not None and records.as_of <= due:
            continue  # not sent yet, and not yet late
        counted += 1
        on_time += held.minutes_sent_on is not None and held.minutes_sent_on <= due
    return _pct(on_time, counted)
# --- IRO challenges


def _raised(records: Records, year: ReportingYear) -> list[challenge_figures.ChallengeRecord]:
    return [c for c in records.challenges if year.holds(c.raised_on)]


def challenges_raised(records: Records, year: ReportingYear) -> dict[str, Any]:
    return _count(len(_raised(records, year)))


def challenges_by_reason(records: Records, year: ReportingYear) -> dict[str, Any]:
    raised = _raised(records, year)
    counts = challenge_figures.by_reason(raised)
    return {"value": {reason: _pct(count, len(raised)) | {"meaning": label} for reason, label, count in counts}, "of": len(raised)}


def challenges_by_highest_stage(records: Records, year: ReportingYear, rules: LARules) -> dict[str, Any]:
    raised = _raised(records, year)
    reached = {stage: (name, count) for stage, name, count in challenge_figures.by_highest_stage(raised)}
    stages = [(s.id, s.name) for s in rules.challenges.stages] + [(stage, name) for stage, (name, _) in reached.items()
                                                                  if rules.challenges.stage(stage) is None]
    return {"value": {stage: _pct(reached.get(stage, ("", 0))[1], len(raised)) | {"meaning": name} for stage, name in stages}, "of": len(raised)}


def challenges_upheld(records: Records, year: ReportingYear) -> dict[str, Any]:
    raised = _raised(records, year)
    return {"value": challenge_figures.upheld(raised), "of": len(raised)}


# --- the report


@dataclass(frozen=True)
class FigureDefinition:
    id: str
    label: str
    definition: str
    source: str  # which records it counts: "episodes", "reviews", "plans", "enquiries", "portal" (its own conferences), "challenges", "" (none yet)
    count: Callable[..., dict[str, Any]]
    needs_rules: bool = False


def _not_recorded(what: str) -> Callable[..., dict[str, Any]]:
    def count(records: Records, year: ReportingYear) -> dict[str, Any]:
        return {"value": None, "note": f"The portal does not record {what} yet."}
    return count


FIGURES: tuple[FigureDefinition, ...] = (
    FigureDefinition("looked_after.started", "Children who came into care", (
        "Children whose period of care began in the year: an episode with RNE S starting between 1 April and 31 March. "
        "A placement or legal status change within a period (RNE P, L, T, U or B after an episode ended X1) does not start a new period; "
        "a child who starts twice in the year counts once."), "episodes", looked_after_started),
    FigureDefinition("looked_after.ceased", "Children who ceased to be looked after", (
        "Children whose period of care ended in the year: an episode ending between 1 April and 31 March with a reason other than X1."),
        "episodes", looked_after_ceased),
    FigureDefinition("looked_after.at_year_end", "Children looked after at 31 March", (
        "Children looked after at the end of 31 March: an episode begun on or before 31 March with no end date or one after it "
        "(a child whose care ended on 31 March is not counted)."), "episodes", looked_after_at_year_end),
    FigureDefinition("looked_after.placed_outside_la_pct", "Children placed outside the local authority (%)", (
        "Of the children looked after at 31 March whose placement postcode is recorded, the share placed in a postcode district "
        "that is not one of the LA's own (postcode_districts in its rules file)."), "episodes", placed_outside_la, needs_rules=True),
    FigureDefinition("lac_reviews.held", "LAC reviews held", "LAC reviews held between 1 April and 31 March.", "reviews", lac_reviews_held),
    FigureDefinition("lac_reviews.in_timescale_pct", "LAC reviews held in timescale (%)", (
        "The share of LAC reviews held in the year that were within their statutory limit: the first within 20 working days of the "
        "start of the period of care, the second within 3 months of the first, each later one within 6 months of the one before "
        "(working days leave out weekends, England's bank holidays and the LA's closure days; a review on its last day is in time)."),
        "reviews", lac_reviews_in_timescale, needs_rules=True),
    FigureDefinition("placements.three_or_more_in_12_months_pct", "Children with 3 or more placements in the year (%)", (
        "The DfE measure: children looked after at 31 March who had three or more placements during the year, as a share of all "
        "children looked after at 31 March. The placement in progress on 1 April counts, and so does each new placement with new "
        "carers begun in the year (RNE S, P or T); a change of legal status only (L) or of placement with the same carers (U, B) does not."),
        "episodes", three_or_more_placements),
    FigureDefinition("icpc.held", "Initial child protection conferences held", (
        "Initial conferences held in the year (DateOfInitialCPC between 1 April and 31 March), one per child."), "enquiries", icpc_held),
    FigureDefinition("icpc.in_timescale_pct", "Initial conferences in timescale (%)", (
        "Of the initial conferences held in the year, the share held within 15 working days of the section 47 start "
        "(S47ActualStartDate, the strategy discussion), or the LA's own limit where its rules set one."),
        "enquiries", icpc_in_timescale, needs_rules=True),
    FigureDefinition("cp_plans.over_2_years_during_year", "Children on a plan over 2 years during the year", (
        "Children whose plan had lasted more than two years at some point in the year: open on a day in the year more than two "
        "years after it began (a plan's end day counts, so a plan ending on its second anniversary has lasted exactly two years)."),
        "plans", plans_over_two_years_during),
    FigureDefinition("cp_plans.over_2_years_at_year_end", "Children on a plan over 2 years at 31 March", (
        "Children still on a plan at the end of 31 March that had by then lasted more than two years."), "plans", plans_over_two_years_at_end),
    FigureDefinition("cp_plans.second_or_subsequent", "Second or subsequent plans", (
        "Plans starting in the year for a child with an earlier plan in the records or NumberOfPreviousCPP of 1 or more, "
        "out of all plans starting in the year."), "plans", second_or_subsequent_plans),
    FigureDefinition("cp_plans.by_category", "Plans at 31 March by category", (
        "Plans open at the end of 31 March, counted by their latest category of abuse (NEG neglect, PHY physical, EMO emotional, "
        "SAB sexual, MUL multiple)."), "plans", plans_by_category),
    FigureDefinition("participation.by_code", "How children took part in their LAC reviews", (
        "LAC reviews held in the year counted by the child's participation code (PN0-PN7), each as a percentage of those reviews."),
        "reviews", participation_by_code),
    FigureDefinition("children_seen_before_review_pct", "Children seen before their review (%)", (
        "Of the children at LAC reviews the portal held in the year, the share whose consultation records them as seen before "
        "the review (a child with no consultation recorded counts as not seen)."), "portal", children_seen_before_review),
    FigureDefinition("monitoring.completed_before_review_pct", "Monitoring checklists completed before the meeting (%)", (
        "Of the LAC reviews and child protection conferences the portal held in the year, the share whose chair had answered every "
        "item of the monitoring checklist before the meeting: before its scheduled start, or before the day it was held when no start "
        "time is recorded (the seed's target is 95%). A checklist completed at or after the meeting, or never, counts as not completed before it."),
        "portal", monitoring_completed_before, needs_rules=True),
    FigureDefinition("challenges.raised", "IRO challenges raised", (
        "Alerts and formal challenges IROs raised on children's cases in the year (the date raised between 1 April and 31 March), "
        "whatever became of them."), "challenges", challenges_raised),
    FigureDefinition("challenges.by_reason", "Challenges by reason", (
        "Challenges raised in the year counted under each reason given (a challenge with several reasons counts under each), "
        "each as a percentage of the challenges raised."), "challenges", challenges_by_reason),
    FigureDefinition("challenges.by_highest_stage", "Challenges by highest stage reached", (
        "Challenges raised in the year counted by the furthest stage of the LA's issues resolution process they reached (escalation "
        "only moves on, so a stage skipped is not counted as reached), each as a percentage of the challenges raised."),
        "challenges", challenges_by_highest_stage, needs_rules=True),
    FigureDefinition("challenges.upheld", "Challenges upheld", (
        "Challenges raised in the year whose last answer, at the highest stage they reached, upheld them, out of all raised in the year "
        "(one resolved, not upheld or still awaiting an answer is not counted)."), "challenges", challenges_upheld),
    FigureDefinition("reports.shared_with_family_on_time_pct", "Reports shared with the family on time (%)", (
        "Of the invitations to conferences the portal held in the year that had a family deadline, the share whose report was "
        "shared with the family on or before the deadline's day (a report never shared counts as late)."),
        "portal", reports_shared_on_time, needs_rules=True),
    FigureDefinition("reports.submitted_on_time_pct", "Reports submitted on time (%)", (
        "Of the invitations to conferences the portal held in the year, the share whose report was submitted by the time it was "
        "due to the chair (a report never submitted counts as late)."), "portal", reports_submitted_on_time),
    FigureDefinition("outcomes.minutes_on_time_pct", "Minutes sent on time (%)", (
        "Of the conferences the portal held in the year, the share whose minutes were sent within the LA's timescale: by the "
        "working day minutes_working_days_after_meeting (15 unless the LA's rules say otherwise) after the meeting, that day "
        "included. Minutes never sent count as late once that day has passed; until then the conference is not counted."),
        "portal", minutes_on_time, needs_rules=True),
)


def _has_data(records: Records, source: str, year: ReportingYear) -> bool:
    if source == "episodes":
        return any(year.holds(e.started_on) or year.holds(e.ended_on) for e in records.episodes)
    if source == "reviews":
        return any(year.holds(r.held_on) for r in records.reviews)
    if source == "plans":
        return any(year.holds(p.started_on) or year.holds(p.ended_on) for p in records.plans)
    if source == "enquiries":
        return any(year.holds(q.started_on) or year.holds(q.initial_conference_on) for q in records.enquiries)
    if source == "challenges":
        return any(year.holds(c.raised_on) for c in records.challenges)
    if source == "portal":
        return any(year.holds(row.held_on) for row in (*records.invitations, *records.review_children, *records.monitoring, *records.held_conferences))
    return False


@dataclass
class AnnualReport:
    la: str
    year: ReportingYear
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        last = self.year.previous()
        return {"la": self.la, "year": self.year.label, "from": self.year.start.isoformat(), "to": self.year.end.isoformat(),
                "last_year": last.label, "figures": self.figures}


def annual_report(la: str, records: Records, year: ReportingYear, rules: LARules) -> AnnualReport:
    """Every figure for the year, with last year's where the records reach back to it."""
    report = AnnualReport(la, year)
    last = year.previous()
    for figure in FIGURES:
        def count(when: ReportingYear, figure: FigureDefinition = figure) -> dict[str, Any]:
            return figure.count(records, when, rules) if figure.needs_rules else figure.count(records, when)

        earlier = count(last) if figure.source and _has_data(records, figure.source, last) else None
        report.figures[figure.id] = {"label": figure.label, "definition": figure.definition, **count(year), "last_year": earlier}
    return report
