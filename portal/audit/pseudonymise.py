"""A contribution with the child's and family's identifying details replaced, for auditors from another council.

Removes names known from the case, dates of birth, NHS numbers, UK postcodes and street addresses.
The author's and practice's names stay: they are professionals, and the audit compares practices.
"""

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from portal.audit.contribution import Child, Contribution, Section

MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
SHORT_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
DATE = (
    rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}|{SHORT_MONTHS})\.?,?\s+\d{{4}}"
)
DOB = re.compile(rf"\b(?:date of birth|d\.?o\.?b\.?|born(?: on)?)\s*[:\-]?\s*(?:{DATE})", re.IGNORECASE)
NHS_NUMBER = re.compile(r"(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])")
POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)
STREET_TYPES = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Way|Court|Crescent|Place|Terrace|Grove|Gardens|Walk|Row"
    "|Square|Hill|View|Mews|Parade|Rise|Green|Estate"
)
STREET = re.compile(
    rf"\b(?:(?:Flat|Apartment|Apt)\s+\d+[A-Za-z]?,?\s+)?(?:\d{{1,4}}[A-Za-z]?,?\s+)?"
    rf"(?:[A-Z][a-z']+\s+){{1,3}}(?:{STREET_TYPES})\b\.?"
)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone in the case whose name must not reach another council; `child` labels them Child A, B…"""

    name: str
    child: bool = False
    date_of_birth: date | None = None


def _date_forms(day: date) -> list[str]:
    return [
        day.isoformat(),
        f"{day:%d/%m/%Y}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day:%d/%m/%y}",
        f"{day.day} {day:%B %Y}",
        f"{day.day} {day:%b %Y}",
        f"{day:%d %B %Y}",
    ]


class Pseudonymiser:
    def __init__(self, people: Iterable[Person]) -> None:
        people = list(people)
        owners: dict[str, set[str]] = {}
        children = adults = 0
        for person in people:
            if person.child:
                label = f"Child {chr(ord('A') + children % 26)}"
                children += 1
            else:
                adults += 1
                label = f"Adult {adults}"
            for part in [person.name, *person.name.split()]:
                if len(part.strip(".")) > 1:
                    owners.setdefault(part.lower(), set()).add(label)
        # A surname shared by several people identifies none of them on its own.
        labels = {part: next(iter(o)) if len(o) == 1 else "family name" for part, o in owners.items()}
        self._labels = labels
        names = sorted(labels, key=len, reverse=True)
        self._names = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE) if names else None
        dates = sorted(
            {form for p in people if p.date_of_birth for form in _date_forms(p.date_of_birth)}, key=len, reverse=True
        )
        self._dates = re.compile(r"\b(?:" + "|".join(map(re.escape, dates)) + r")\b", re.IGNORECASE) if dates else None

    def text(self, text: str) -> str:
        text = DOB.sub("[date of birth]", text)
        if self._dates is not None:
            text = self._dates.sub("[date of birth]", text)
        text = NHS_NUMBER.sub("[NHS number]", text)
        text = POSTCODE.sub("[postcode]", text)
        text = STREET.sub("[address]", text)
        if self._names is not None:
            text = self._names.sub(lambda m: f"[{self._labels[m.group(0).lower()]}]", text)
        return text

    def contribution(self, contribution: Contribution) -> Contribution:
        sections = tuple(Section(s.id, s.title, self.text(s.source), self.text(s.html)) for s in contribution.sections)
        conference = dataclasses.replace(
            contribution.conference, children=tuple(Child(c.id) for c in contribution.conference.children)
        )
        return dataclasses.replace(contribution, sections=sections, conference=conference)


def pseudonymise(contribution: Contribution, family: Iterable[Person] = ()) -> Contribution:
    """Children named on the conference are included automatically; pass the family's adults in `family`."""
    children = [Person(c.name, True, c.date_of_birth) for c in contribution.conference.children if c.name]
    return Pseudonymiser([*children, *family]).contribution(contribution)
