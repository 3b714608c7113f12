"""An invented local authority's history of looked-after children and child protection, written out as
the DfE returns a council would send (an SSDA903 folder and a CIN census file per year).

The history is generated first, as facts (periods of care, placements with their carers, reviews,
plans, enquiries); the files are views of it at each year's end, so a later year's return closes what
an earlier one left open. tests/support/annual_expected.py counts the figures from these facts."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import holidays

BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG", years=range(2000, 2031))
ENDINGS = ["E11", "E12", "E13", "E2", "E3", "E41", "E45", "E46", "E4A", "E4B", "E5", "E6", "E7", "E8"]
CATEGORIES = ["NEG", "PHY", "EMO", "SAB", "MUL"]
INSIDE = ["TS1 4AB", "TS3 8DE", "TS5 6BD", "TS4"]  # the invented LA's own postcode districts are TS1-TS8
OUTSIDE = ["DL1 3QR", "NE4 5TF", "YO1 7HH", "DL16"]


def working_day_after(start: date, count: int) -> date:
    day = start
    while count:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in BANK_HOLIDAYS:
            count -= 1
    return day


def months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)


@dataclass
class Child:
    id: str
    sex: str
    born: date
    ethnic: str


@dataclass
class Episode:
    child: str
    start: date
    end: date | None
    rne: str
    rec: str
    legal_status: str
    place: str
    carers: int  # the same number while the carers stay the same
    home_post: str
    placement_post: str


@dataclass
class Review:
    child: str
    held_on: date
    code: str


@dataclass
class Plan:
    child: str
    start: date
    end: date | None
    initial: str
    latest: str
    earlier_plans: int  # how many plans the child had before this one, in the data or before it
    written_previous: int | None  # what the census says in NumberOfPreviousCPP (sometimes left out)


@dataclass
class Enquiry:
    child: str
    start: date
    conference: date | None


@dataclass
class History:
    children: dict[str, Child] = field(default_factory=dict)
    episodes: list[Episode] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    enquiries: list[Enquiry] = field(default_factory=list)
    periods: list[tuple[str, date, date | None]] = field(default_factory=list)  # (child, began, ended)


class _Builder:
    def __init__(self, history: History, rng: random.Random) -> None:
        self.history, self.rng = history, rng
        self.carers = 0

    def child(self, child_id: str, born: date) -> None:
        self.history.children[child_id] = Child(child_id, self.rng.choice("12"), born, self.rng.choice(["WBRI", "MWBC", "BAFR", "AOTH", "WOTH"]))

    def period(self, child: str, changes: list[tuple[date, str]], end: date | None, ending: str, *, outside: bool | None = None) -> None:
        """A period of care: (start, RNE) for each episode, the first with RNE S."""
        home = self.rng.choice(INSIDE)
        outside = self.rng.random() < 0.4 if outside is None else outside
        ls = self.rng.choice(["C2", "C1", "V2", "E1", "J2"])
        for index, (start, rne) in enumerate(changes):
            last = index == len(changes) - 1
            if rne in ("S", "P", "T"):
                self.carers += 1
                placement = self.rng.choice(OUTSIDE if outside else INSIDE)
            if rne in ("L", "T", "U"):
                ls = self.rng.choice([s for s in ("C2", "C1", "V2", "E1", "J2") if s != ls])
            stop = end if last else changes[index + 1][0]
            self.history.episodes.append(Episode(
                child, start, stop, rne, (ending if last else "X1") if stop else "", ls, self.rng.choice(["U1", "U3", "U4", "K2", "R1"]),
                self.carers, home, placement))
        self.history.periods.append((child, changes[0][0], end))

    def reviews(self, child: str, began: date, end: date | None, horizon: date, *, on_deadline: bool = False) -> None:
        born = self.history.children[child].born
        held = working_day_after(began, 20 if on_deadline else self.rng.choice([8, 12, 15, 19, 20, 20, 21, 26]))
        number = 1
        while held <= horizon and (end is None or held <= end):
            code = "PN0" if held < months_after(born, 48) else self.rng.choice(["PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN6", "PN7"])
            self.history.reviews.append(Review(child, held, code))
            months = 3 if number == 1 else 6
            slip = 0 if on_deadline else self.rng.choice([-40, -20, -10, -3, 0, 0, 2, 9, 30])
            held = months_after(held, months) + timedelta(days=slip)
            number += 1


def generate(seed: int = 903, children: int = 420, first: date = date(2014, 4, 1), last: date = date(2020, 3, 31)) -> History:
    """About `children` children, looked after or on plans between `first` and `last`, plus the edge cases by name."""
    rng = random.Random(seed)
    history = History()
    build = _Builder(history, rng)
    span = (last - first).days
    for number in range(1, children + 1):
        child = f"C{number:05d}"
        began = first + timedelta(days=rng.randrange(span))
        build.child(child, began - timedelta(days=rng.randrange(60, 6000)))
        if rng.random() < 0.65:
            _looked_after(build, child, began, last, rng)
        if rng.random() < 0.45:
            _protection(build, child, first + timedelta(days=rng.randrange(span)), last, rng)
    _edge_cases(build, last)
    return history


def _looked_after(build: _Builder, child: str, began: date, last: date, rng: random.Random) -> None:
    for _ in range(2 if rng.random() < 0.2 else 1):  # some leave care and come back
        days = rng.randrange(40, 1500)
        end = began + timedelta(days=days)
        changes = [(began, "S")]
        for cut in sorted(rng.sample(range(10, days - 5), rng.choice([0, 0, 1, 1, 2, 3, 4]))):
            changes.append((began + timedelta(days=cut), rng.choice(["P", "P", "L", "T", "B", "U"])))
        build.period(child, changes, end if end <= last + timedelta(days=60) and rng.random() < 0.85 else None, rng.choice(ENDINGS))
        stop = end if end <= last + timedelta(days=60) else None
        build.reviews(child, began, stop, last + timedelta(days=60))
        if stop is None or history_open(build, child):
            return
        began = end + timedelta(days=rng.randrange(30, 400))
        if began > last:
            return


def history_open(build: _Builder, child: str) -> bool:
    return build.history.periods[-1][2] is None


def _protection(build: _Builder, child: str, start: date, last: date, rng: random.Random) -> None:
    before = 1 if rng.random() < 0.15 else 0
    for index in range(rng.choice([1, 1, 1, 2, 3])):
        s47 = start - timedelta(days=rng.randrange(14, 40))
        conference = working_day_after(s47, rng.choice([5, 9, 12, 14, 15, 15, 16, 18, 25]))
        build.history.enquiries.append(Enquiry(child, s47, conference))
        if rng.random() < 0.3:
            build.history.enquiries.append(Enquiry(child, s47 - timedelta(days=rng.randrange(100, 300)), None))
        length = rng.choice([90, 200, 320, 400, 500, 700, 731, 800, 1000, 1200])
        end = conference + timedelta(days=length)
        category = rng.choice(CATEGORIES)
        earlier = before + index
        written = None if index and rng.random() < 0.4 else earlier
        build.history.plans.append(Plan(child, conference, end if end <= last + timedelta(days=30) else None, category,
                                        rng.choice([category, category, "MUL"]), earlier, written))
        start = end + timedelta(days=rng.randrange(60, 500))
        if end > last or start > last:
            return


def _edge_cases(build: _Builder, last: date) -> None:
    h, add = build.history, build.child
    # Across the year boundary: came into care in 2017-18, still looked after at 31 March 2019, placed outside.
    add("EDGE-SPAN", date(2009, 6, 1))
    build.period("EDGE-SPAN", [(date(2018, 2, 1), "S")], None, "", outside=True)
    build.reviews("EDGE-SPAN", date(2018, 2, 1), None, last, on_deadline=True)
    # Leaves care in August 2018 and comes back in November: one start and one end in 2018-19, two starts in all.
    add("EDGE-RETURN", date(2012, 3, 3))
    build.period("EDGE-RETURN", [(date(2018, 5, 1), "S")], date(2018, 8, 1), "E4A")
    build.period("EDGE-RETURN", [(date(2018, 11, 1), "S")], None, "")
    build.reviews("EDGE-RETURN", date(2018, 11, 1), None, last)
    # A placement change (RNE P after X1) is not a new period of care; reviews exactly on their deadlines.
    add("EDGE-MOVE", date(2011, 1, 9))
    build.period("EDGE-MOVE", [(date(2018, 6, 1), "S"), (date(2018, 9, 1), "P")], None, "", outside=False)
    build.reviews("EDGE-MOVE", date(2018, 6, 1), None, last, on_deadline=True)
    # Three placements in 2018-19 counting the one in progress on 1 April; a change of legal status only is not a fourth.
    add("EDGE-THREE", date(2008, 8, 8))
    build.period("EDGE-THREE", [(date(2017, 10, 2), "S"), (date(2018, 6, 1), "P"), (date(2018, 12, 3), "T"), (date(2019, 2, 1), "L")], None, "")
    # A placement ending on 1 April 2018 was not one of the year's: two placements in 2018-19, not three.
    add("EDGE-APRIL", date(2007, 7, 7))
    build.period("EDGE-APRIL", [(date(2017, 11, 1), "S"), (date(2018, 4, 1), "P"), (date(2018, 10, 1), "T")], None, "")
    # Ceases on 31 March 2019: ended in the year, not looked after at its end.
    add("EDGE-MARCH", date(2010, 10, 10))
    build.period("EDGE-MARCH", [(date(2018, 7, 2), "S")], date(2019, 3, 31), "E13")
    # A plan ending on 31 March 2019; a plan reaching exactly two years on 31 March (not over two years) and one a day longer.
    add("EDGE-PLAN-END", date(2014, 1, 1))
    h.plans.append(Plan("EDGE-PLAN-END", date(2018, 9, 3), date(2019, 3, 31), "NEG", "NEG", 0, 0))
    add("EDGE-TWO-YEARS", date(2013, 1, 1))
    h.plans.append(Plan("EDGE-TWO-YEARS", date(2017, 3, 31), None, "EMO", "EMO", 0, 0))
    add("EDGE-OVER-TWO", date(2013, 2, 2))
    h.plans.append(Plan("EDGE-OVER-TWO", date(2017, 3, 30), None, "PHY", "MUL", 0, 0))
    # Christmas inside the 15 working days: 24 calendar days, 15 working days (in time); and the day after (16, late).
    add("EDGE-XMAS", date(2016, 5, 5))
    h.enquiries.append(Enquiry("EDGE-XMAS", date(2018, 12, 17), date(2019, 1, 10)))
    add("EDGE-XMAS-LATE", date(2016, 5, 6))
    h.enquiries.append(Enquiry("EDGE-XMAS-LATE", date(2018, 12, 17), date(2019, 1, 11)))
    # A second plan whose census leaves NumberOfPreviousCPP out: known from the earlier plan.
    add("EDGE-SECOND", date(2012, 12, 12))
    h.plans.append(Plan("EDGE-SECOND", date(2016, 5, 2), date(2017, 6, 1), "NEG", "NEG", 0, 0))
    h.plans.append(Plan("EDGE-SECOND", date(2018, 10, 1), None, "SAB", "SAB", 1, None))


def _year(start_year: int) -> tuple[date, date]:
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def _dmy(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def write_ssda903(history: History, start_year: int, directory: Path) -> Path:
    """The SSDA903 return for the year from 1 April `start_year`, as it stood on 31 March."""
    begin, end = _year(start_year)
    directory.mkdir(parents=True, exist_ok=True)
    episodes = [e for e in history.episodes if e.start <= end and (e.end is None or e.end >= begin)]
    reviews = [r for r in history.reviews if begin <= r.held_on <= end]
    ids = sorted({e.child for e in episodes} | {r.child for r in reviews})
    lines = ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"]
    lines += [f"{c},{history.children[c].sex},{_dmy(history.children[c].born)},{history.children[c].ethnic},,," for c in ids]
    (directory / "header.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"]
    for e in sorted(episodes, key=lambda e: (e.child, e.start)):
        ended = e.end if e.end and e.end <= end else None
        lines.append(f"{e.child},{_dmy(e.start)},{e.rne},{e.legal_status},N1,{e.place},PR1,{_dmy(ended)},{e.rec if ended else ''},"
                     f"{'CARPL' if e.rne in 'PT' else ''},{e.home_post},{e.placement_post},")
    (directory / "episodes.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["CHILD,DOB,REVIEW,REVIEW_CODE"]
    lines += [f"{r.child},{_dmy(history.children[r.child].born)},{_dmy(r.held_on)},{r.code}" for r in sorted(reviews, key=lambda r: (r.child, r.held_on))]
    (directory / "reviews.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def write_cin_census(history: History, start_year: int, path: Path) -> Path:
    """The CIN census for the year from 1 April `start_year`: enquiries begun or conferenced and plans open in it."""
    begin, end = _year(start_year)
    enquiries = [q for q in history.enquiries if begin <= q.start <= end or (q.conference and begin <= q.conference <= end)]
    plans = [p for p in history.plans if p.start <= end and (p.end is None or p.end >= begin)]
    enquiries_of: dict[str, list[Enquiry]] = {}
    plans_of: dict[str, list[Plan]] = {}
    for q in enquiries:
        enquiries_of.setdefault(q.child, []).append(q)
    for p in plans:
        plans_of.setdefault(p.child, []).append(p)
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<Message>", "<Header><Collection>CIN</Collection></Header>", "<Children>"]
    for child in sorted(enquiries_of.keys() | plans_of.keys()):
        out.append("<Child><ChildIdentifiers>")
        out.append(f"<LAchildID>{escape(child)}</LAchildID><PersonBirthDate>{history.children[child].born.isoformat()}</PersonBirthDate>")
        out.append(f"<GenderCurrent>{history.children[child].sex}</GenderCurrent></ChildIdentifiers><CINdetails>")
        for q in enquiries_of.get(child, []):
            held = q.conference if q.conference and q.conference <= end else None
            out.append(f"<Section47><S47ActualStartDate>{q.start.isoformat()}</S47ActualStartDate>"
                       + (f"<DateOfInitialCPC>{held.isoformat()}</DateOfInitialCPC>" if held else "")
                       + f"<ICPCnotRequired>{'true' if q.conference is None else 'false'}</ICPCnotRequired></Section47>")
        for p in plans_of.get(child, []):
            ended = p.end if p.end and p.end <= end else None
            out.append("<ChildProtectionPlans>" f"<CPPstartDate>{p.start.isoformat()}</CPPstartDate>"
                       + (f"<CPPendDate>{ended.isoformat()}</CPPendDate>" if ended else "")
                       + f"<InitialCategoryOfAbuse>{p.initial}</InitialCategoryOfAbuse><LatestCategoryOfAbuse>{p.latest}</LatestCategoryOfAbuse>"
                       + (f"<NumberOfPreviousCPP>{p.written_previous}</NumberOfPreviousCPP>" if p.written_previous is not None else "")
                       + "</ChildProtectionPlans>")
        out.append("</CINdetails></Child>")
    out += ["</Children>", "</Message>"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def as_records(history: History):  # noqa: ANN201 (portal.history.annual.Records, imported here only)
    """The history as the records the annual report counts, without a database in between."""
    from types import SimpleNamespace as Row

    from portal.history.annual import Records

    return Records(
        episodes=[Row(la_child_id=e.child, started_on=e.start, ended_on=e.end, reason_new_episode=e.rne, reason_ended=e.rec,
                      placement_postcode=e.placement_post) for e in history.episodes],
        reviews=[Row(la_child_id=r.child, held_on=r.held_on, participation=r.code) for r in history.reviews],
        plans=[Row(la_child_id=p.child, started_on=p.start, ended_on=p.end, latest_category=p.latest, previous_plans=p.written_previous)
               for p in history.plans],
        enquiries=[Row(la_child_id=q.child, started_on=q.start, initial_conference_on=q.conference) for q in history.enquiries],
    )
