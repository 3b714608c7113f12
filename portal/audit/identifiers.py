"""What identifiers look like in report text: dates (and which of them are dates of birth), NHS
numbers and street, flat and house addresses. Emails, phones and postcodes are in portal.children.contact."""

import re
from datetime import date

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})[/.-](?P<m1>\d{1,2})[/.-](?P<y1>\d{4}|\d{2})"
    r"|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-)(?P<m3>{MONTH})(?:,?\s+|-)(?P<y3>\d{{4}})"
    rf"|(?P<m4>{MONTH})\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y4>\d{{4}}))(?!\d)",
    re.IGNORECASE,
)
DOB_CUE = re.compile(r"(?:date of birth|d\.?\s?o\.?\s?b\.?|born(?: on)?|\bb\.)\s*[:\-]?\s*$", re.IGNORECASE)
NHS_NUMBER = re.compile(r"(?<![\d+-])[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}(?![\d-])")

NAME_WORD = r"[A-Z][\w'’]+"
STREET_TYPES = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Place|Terrace|Grove|Gardens|Walk|Row|Square|Hill"
    "|View|Mews|Parade|Rise|Green|Estate|Brow|Fold|Bank|Croft|Meadows?|Park|Vale|Wharf|Yard|Gate|Chase|Boulevard"
    "|Approach|Broadway|Court|Heights|Mount|Side|Top|Nook|Garth"
)
BUILDINGS = "House|Court|Tower|Lodge|Cottage|Farm|Hall|Mansions|Heights|Buildings|Flats|Barn|Villa|Manor|Bungalow"
_UNIT = r"(?:(?:Flat|Apartment|Apt|Unit|Room)[ \t]+\d+[A-Za-z]?,?[ \t]+)"
_BUILDING = rf"(?:(?:The[ \t]+)?(?:{NAME_WORD}[ \t]+){{0,2}}(?:{BUILDINGS}),?[ \t]+)"
_NUMBER = r"(?:\d{1,4}[A-Za-z]?,?[ \t]+)"
_STREET = rf"(?:{NAME_WORD}[ \t]+){{1,3}}(?:{STREET_TYPES})\b"
ADDRESS = re.compile(
    rf"(?<![\w-])(?:{_UNIT}?{_BUILDING}?{_NUMBER}?{_STREET}"
    rf"|{_UNIT}(?:The[ \t]+)?(?:{NAME_WORD}[ \t]+){{0,2}}(?:{BUILDINGS})\b"
    rf"|\d{{1,4}}[A-Za-z]?[ \t]+(?!(?:{'|'.join(m.title() for m in MONTHS)})\b){NAME_WORD}(?=,))"
)


def date_of(match: re.Match[str]) -> date | None:
    """The date a DATE match names, or None when it names no real day."""
    groups = match.groupdict()
    for n in "1234":
        if groups[f"y{n}"]:
            day, month, year = groups[f"d{n}"], groups[f"m{n}"], groups[f"y{n}"]
            break
    number = int(month) if month.isdigit() else next(i for i, m in enumerate(MONTHS, 1) if m.startswith(month.lower().rstrip(".")[:3]))
    full_year = int(year) if len(year) == 4 else 2000 + int(year) if int(year) < 40 else 1900 + int(year)
    try:
        return date(full_year, number, int(day))
    except ValueError:
        return None
