"""Reading the SSDA903 files (header.csv, episodes.csv, reviews.csv) into rows, with every refusal."""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from portal.children.contact import POSTCODE
from portal.history import codes
from portal.history.rejections import FileRefused, Problems, Rejection

HEADER = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")
EPISODES = ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN")
REVIEWS = ("CHILD", "DOB", "REVIEW", "REVIEW_CODE")
CHILD_ID_LENGTH = 40
UPN_LENGTH = 13  # a unique pupil number: a letter and twelve characters
URN_LENGTH = 8  # an Ofsted unique reference number (SC and six digits, or six digits)
MAX_BYTES = 200 * 1024 * 1024


@dataclass
class Parsed:
    """One file's rows (each a dict of the table's columns) and what it refused."""

    file: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the line each row came from
    rejections: list[Rejection] = field(default_factory=list)


def _lines(path: Path, columns: tuple[str, ...]) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FileRefused(Rejection(name, 0, "", f"is larger than {MAX_BYTES // 1024 // 1024} MB"))
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise FileRefused(Rejection(name, 0, "", "is not there")) from None
    except OSError as error:
        raise FileRefused(Rejection(name, 0, "", f"cannot be read ({error.strerror})")) from None
    except UnicodeDecodeError:
        raise FileRefused(Rejection(name, 0, "", "is not UTF-8 text")) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().upper() for h in (reader.fieldnames or [])]
        missing = [c for c in columns if c not in header]
        if missing:
            raise FileRefused(Rejection(name, 1, missing[0], f"the header row lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"))
        reader.fieldnames = header
        rows = []
        for row in reader:
            if None in row:
                raise FileRefused(Rejection(name, reader.line_num, "", "has more values than the header has columns"))
            rows.append((reader.line_num, {k: (v or "") for k, v in row.items()}))
    except csv.Error as error:
        raise FileRefused(Rejection(name, reader.line_num, "", f"is not CSV ({error})")) from None
    return name, rows


def _child(problems: Problems, line: int, text: str) -> str:
    text = text.strip()
    if not text:
        problems.add(line, "CHILD", "is missing: give the LA's child id")
    elif len(text) > CHILD_ID_LENGTH or not text.isprintable():
        problems.add(line, "CHILD", f"is not a child id (at most {CHILD_ID_LENGTH} printable characters)")
    return text


def _bounded(problems: Problems, line: int, field: str, text: str, limit: int, what: str) -> str:
    """The value as given, or refused when it is longer than the column holds (never cut short)."""
    text = text.strip()
    if len(text) > limit:
        problems.add(line, field, f"is {len(text)} characters: {what} has at most {limit}")
    return text


def _postcode(problems: Problems, line: int, field: str, text: str) -> str:
    """A full postcode or its outward part (the returns often carry only that), normalised to upper case."""
    text = " ".join(text.upper().split())
    if text and not (POSTCODE.fullmatch(text) or POSTCODE.fullmatch(text + " 1AA")):
        problems.add(line, field, f"{text[:12]!r} is not a postcode")
    return text


def _keep(parsed: Parsed, problems: Problems, before: int, line: int, key: tuple[Any, ...], seen: dict[tuple[Any, ...], int],
          row: dict[str, Any], key_field: str) -> None:
    if len(problems.found) > before:
        return
    if key in seen:
        problems.add(line, key_field, f"repeats the row on line {seen[key]}")
        return
    seen[key] = line
    parsed.rows.append(row)
    parsed.lines.append(line)


def read_header(path: Path) -> Parsed:
    name, lines = _lines(path, HEADER)
    parsed, problems, seen = Parsed(name), Problems(name), {}
    for line, row in lines:
        before = len(problems.found)
        child = _child(problems, line, row["CHILD"])
        value = {
            "la_child_id": child,
            "sex": problems.code(line, "SEX", row["SEX"], codes.SEX, required=True),
            "date_of_birth": problems.date(line, "DOB", row["DOB"], required=True),
            "ethnicity": problems.code(line, "ETHNIC", row["ETHNIC"], codes.ETHNICITY, required=False),
            "upn": _bounded(problems, line, "UPN", row["UPN"], UPN_LENGTH, "a unique pupil number"),
            "mother": problems.code(line, "MOTHER", row["MOTHER"], frozenset({"0", "1"}), required=False),
            "mothers_child_born_on": problems.date(line, "MC_DOB", row["MC_DOB"], required=False),
        }
        _keep(parsed, problems, before, line, (child,), seen, value, "CHILD")
    parsed.rejections = problems.found
    return parsed


def read_episodes(path: Path) -> Parsed:
    name, lines = _lines(path, EPISODES)
    parsed, problems, seen = Parsed(name), Problems(name), {}
    for line, row in lines:
        before = len(problems.found)
        child = _child(problems, line, row["CHILD"])
        started = problems.date(line, "DECOM", row["DECOM"], required=True)
        ended = problems.date(line, "DEC", row["DEC"], required=False)
        reason_ended = problems.code(line, "REC", row["REC"], codes.REASON_ENDED, required=ended is not None)
        if started and ended and ended < started:
            problems.add(line, "DEC", "is before DECOM: an episode cannot end before it starts")
        if reason_ended and not row["DEC"].strip():
            problems.add(line, "DEC", "is missing: REC says the episode ended, so give the date it did")
        value = {
            "la_child_id": child,
            "started_on": started,
            "reason_new_episode": problems.code(line, "RNE", row["RNE"], codes.REASON_NEW_EPISODE, required=True),
            "legal_status": problems.code(line, "LS", row["LS"], codes.LEGAL_STATUS, required=True),
            "need_code": problems.code(line, "CIN", row["CIN"], codes.NEED, required=True),
            "placement": problems.code(line, "PLACE", row["PLACE"], codes.PLACEMENT, required=True),
            "placement_provider": problems.code(line, "PLACE_PROVIDER", row["PLACE_PROVIDER"], codes.PLACEMENT_PROVIDER, required=False),
            "ended_on": ended,
            "reason_ended": reason_ended,
            "reason_place_change": problems.code(line, "REASON_PLACE_CHANGE", row["REASON_PLACE_CHANGE"], codes.REASON_PLACE_CHANGE, required=False),
            "home_postcode": _postcode(problems, line, "HOME_POST", row["HOME_POST"]),
            "placement_postcode": _postcode(problems, line, "PL_POST", row["PL_POST"]),
            "urn": _bounded(problems, line, "URN", row["URN"], URN_LENGTH, "an Ofsted unique reference number"),
        }
        _keep(parsed, problems, before, line, (child, started), seen, value, "DECOM")
    parsed.rejections = problems.found
    return parsed


def read_reviews(path: Path) -> Parsed:
    name, lines = _lines(path, REVIEWS)
    parsed, problems, seen = Parsed(name), Problems(name), {}
    for line, row in lines:
        before = len(problems.found)
        child = _child(problems, line, row["CHILD"])
        problems.date(line, "DOB", row["DOB"], required=False)
        held = problems.date(line, "REVIEW", row["REVIEW"], required=True)
        value = {
            "la_child_id": child,
            "held_on": held,
            "participation": problems.code(line, "REVIEW_CODE", row["REVIEW_CODE"], codes.PARTICIPATION, required=True),
        }
        _keep(parsed, problems, before, line, (child, held), seen, value, "REVIEW")
    parsed.rejections = problems.found
    return parsed
