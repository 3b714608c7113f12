"""Reading the CIN census XML (Message/Children/Child) into children, section 47 enquiries and child
protection plans. The parser refuses any DTD, so no entity is ever expanded."""

from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from portal.history import codes
from portal.history.rejections import FileRefused, Problems, Rejection
from portal.history.ssda903 import CHILD_ID_LENGTH, MAX_BYTES, UPN_LENGTH, Parsed


class _LineBuilder(TreeBuilder):
    """Remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.expat: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        element = super().start(tag, attrs)
        self.lines[id(element)] = self.expat.CurrentLineNumber
        return element


def _name(element: Element) -> str:
    return element.tag.rpartition("}")[2]


def _children(element: Element, name: str) -> list[Element]:
    return [e for e in element if _name(e) == name]


def _text(element: Element, name: str) -> str:
    found = _children(element, name)
    return (found[0].text or "").strip() if found else ""


class _Lines:
    """The line an element, or one of its children, starts on."""

    def __init__(self, lines: dict[int, int]) -> None:
        self.lines = lines

    def of(self, element: Element, name: str = "") -> int:
        found = _children(element, name) if name else [element]
        return self.lines.get(id(found[0] if found else element), 0)


class CensusFile:
    """The census's three kinds of row, each a `Parsed` under the file's name."""

    def __init__(self, name: str) -> None:
        self.children = Parsed(name)
        self.enquiries = Parsed(name)
        self.plans = Parsed(name)
        self.rejections: list[Rejection] = []


def _parse_tree(path: Path) -> tuple[Element, dict[int, int]]:
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FileRefused(Rejection(name, 0, "", f"is larger than {MAX_BYTES // 1024 // 1024} MB"))
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileRefused(Rejection(name, 0, "", "is not there")) from None
    except OSError as error:
        raise FileRefused(Rejection(name, 0, "", f"cannot be read ({error.strerror})")) from None
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    builder.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException:
        line = builder.expat.CurrentLineNumber
        raise FileRefused(Rejection(name, line, "", "declares a DTD or entities, which the census never needs: refused unread")) from None
    except ParseError as error:
        raise FileRefused(Rejection(name, error.position[0], "", f"is not well-formed XML ({error})")) from None
    if _name(root) != "Message" or not _children(root, "Children"):
        raise FileRefused(Rejection(name, 1, "Message", "is not a CIN census: expected Message/Children/Child"))
    return root, builder.lines


def read_census(path: Path) -> CensusFile:
    root, lines = _parse_tree(path)
    census = CensusFile(path.name)
    problems = Problems(path.name)
    seen: dict[tuple[str, ...], int] = {}

    where = _Lines(lines)
    line_of = where.of

    def keep(parsed: Parsed, before: int, line: int, key: tuple[Any, ...], row: dict[str, Any], field: str) -> None:
        if len(problems.found) > before:
            return
        key = (parsed is census.plans, *key)
        if key in seen:
            problems.add(line, field, f"repeats the one on line {seen[key]}")
            return
        seen[key] = line
        parsed.rows.append(row)
        parsed.lines.append(line)

    for children in _children(root, "Children"):
        for child in _children(children, "Child"):
            at = line_of(child)
            identifiers = (_children(child, "ChildIdentifiers") or [child])[0]
            before = len(problems.found)
            la_child_id = _text(identifiers, "LAchildID")
            if not la_child_id:
                problems.add(at, "ChildIdentifiers/LAchildID", "is missing: give the LA's child id")
                continue
            if len(la_child_id) > CHILD_ID_LENGTH or not la_child_id.isprintable():
                problems.add(at, "ChildIdentifiers/LAchildID", f"is not a child id (at most {CHILD_ID_LENGTH} printable characters)")
                continue
            sex = _text(identifiers, "GenderCurrent") or _text(identifiers, "Sex")
            upn = _text(identifiers, "UPN")
            if len(upn) > UPN_LENGTH:
                problems.add(line_of(identifiers, "UPN"), "ChildIdentifiers/UPN", f"is {len(upn)} characters: a unique pupil number has at most {UPN_LENGTH}")
            row = {
                "la_child_id": la_child_id,
                "date_of_birth": problems.date(line_of(identifiers, "PersonBirthDate"), "ChildIdentifiers/PersonBirthDate", _text(identifiers, "PersonBirthDate"),
                                               required=False, style="iso"),
                "sex": sex if sex in codes.SEX else "",
                "upn": upn,
            }
            keep(census.children, before, at, (la_child_id,), row, "ChildIdentifiers/LAchildID")
            for details in _children(child, "CINdetails"):
                for enquiry in _children(details, "Section47"):
                    _enquiry(census, problems, keep, la_child_id, enquiry, where)
                for plan in _children(details, "ChildProtectionPlans"):
                    _plan(census, problems, keep, la_child_id, plan, where)
    census.rejections = problems.found
    return census


def _enquiry(census: CensusFile, problems: Problems, keep: Any, la_child_id: str, enquiry: Element, where: _Lines) -> None:
    before, line = len(problems.found), where.of(enquiry)
    started = problems.date(where.of(enquiry, "S47ActualStartDate"), "Section47/S47ActualStartDate", _text(enquiry, "S47ActualStartDate"),
                            required=True, style="iso")
    conference = problems.date(where.of(enquiry, "DateOfInitialCPC"), "Section47/DateOfInitialCPC", _text(enquiry, "DateOfInitialCPC"),
                               required=False, style="iso")
    not_required = _text(enquiry, "ICPCnotRequired").lower()
    if not_required not in ("", "true", "false", "1", "0"):
        problems.add(where.of(enquiry, "ICPCnotRequired"), "Section47/ICPCnotRequired", f"{not_required[:20]!r} is not true or false")
    if started and conference and conference < started:
        problems.add(where.of(enquiry, "DateOfInitialCPC"), "Section47/DateOfInitialCPC", "is before S47ActualStartDate")
    row = {"la_child_id": la_child_id, "started_on": started, "initial_conference_on": conference, "icpc_not_required": not_required in ("true", "1")}
    keep(census.enquiries, before, line, (la_child_id, started), row, "Section47/S47ActualStartDate")


def _plan(census: CensusFile, problems: Problems, keep: Any, la_child_id: str, plan: Element, where: _Lines) -> None:
    before, line = len(problems.found), where.of(plan)

    def at(name: str) -> int:
        return where.of(plan, name)

    started = problems.date(at("CPPstartDate"), "ChildProtectionPlans/CPPstartDate", _text(plan, "CPPstartDate"), required=True, style="iso")
    ended = problems.date(at("CPPendDate"), "ChildProtectionPlans/CPPendDate", _text(plan, "CPPendDate"), required=False, style="iso")
    if started and ended and ended < started:
        problems.add(at("CPPendDate"), "ChildProtectionPlans/CPPendDate", "is before CPPstartDate")
    categories = frozenset(codes.ABUSE_CATEGORY)
    previous_text = _text(plan, "NumberOfPreviousCPP")
    previous: int | None = None
    if previous_text:
        if previous_text.isdigit() and len(previous_text) < 4:
            previous = int(previous_text)
        else:
            problems.add(at("NumberOfPreviousCPP"), "ChildProtectionPlans/NumberOfPreviousCPP", f"{previous_text[:20]!r} is not a count of plans")
    reviews = []
    for group in _children(plan, "Reviews"):
        for review in _children(group, "CPPreviewDate"):
            when = problems.date(where.of(review), "ChildProtectionPlans/Reviews/CPPreviewDate", review.text or "", required=True, style="iso")
            if when:
                reviews.append(when)
    row = {
        "la_child_id": la_child_id, "started_on": started, "ended_on": ended,
        "initial_category": problems.code(at("InitialCategoryOfAbuse"), "ChildProtectionPlans/InitialCategoryOfAbuse", _text(plan, "InitialCategoryOfAbuse"), categories, required=True),
        "latest_category": problems.code(at("LatestCategoryOfAbuse"), "ChildProtectionPlans/LatestCategoryOfAbuse", _text(plan, "LatestCategoryOfAbuse"), categories, required=True),
        "previous_plans": previous,
        "review_dates": " ".join(d.isoformat() for d in sorted(set(reviews))),
    }
    keep(census.plans, before, line, (la_child_id, started), row, "ChildProtectionPlans/CPPstartDate")
