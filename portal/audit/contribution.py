"""A contribution as the scorer sees it, parsed from the JSON shape the API returns."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


class ContributionFormatError(ValueError):
    """The JSON does not have the shape of a contribution; the message names the field."""


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    code: str = ""
    la_slug: str = ""


@dataclass(frozen=True, slots=True)
class Author:
    id: str
    name: str
    job_title: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    source: str
    html: str = ""


@dataclass(frozen=True, slots=True)
class Scale:
    child_id: str
    score: int


@dataclass(frozen=True, slots=True)
class WithholdingRequest:
    """An author's request that the chair withhold one section from the family, and the chair's decision
    (PENDING, AGREED or REFUSED in the API; only AGREED changes a judgement, so others are kept as given)."""

    section_id: str
    decision: str


@dataclass(frozen=True, slots=True)
class Invitation:
    id: str
    report_due_at: datetime | None
    family_due_at: datetime | None


@dataclass(frozen=True, slots=True)
class Child:
    id: str
    name: str = ""
    date_of_birth: date | None = None


@dataclass(frozen=True, slots=True)
class Conference:
    id: str
    kind: str
    scheduled_at: datetime
    la_slug: str
    children: tuple[Child, ...] = ()


@dataclass(frozen=True, slots=True)
class Contribution:
    id: str
    status: str
    agency_id: str
    version: int
    organisation: Organisation
    author: Author
    submitted_at: datetime | None
    shared_with_family_on: date | None
    sections: tuple[Section, ...]
    scales: tuple[Scale, ...]
    invitation: Invitation | None
    conference: Conference
    withholding_requests: tuple[WithholdingRequest, ...] = ()
    _by_id: dict[str, Section] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((s.id, s) for s in self.sections)

    def section(self, section_id: str) -> Section | None:
        return self._by_id.get(section_id)


STATUSES = ("SUBMITTED", "DRAFT", "AMENDED", "WITHDRAWN")
CONFERENCE_KINDS = ("ICPC", "RCPC", "LAC_REVIEW", "TRANSFER_IN_ICPC")


class _Reader:
    """Reads typed fields out of nested JSON, naming the path of any bad field."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, Mapping):
            raise ContributionFormatError(f"{path or 'contribution'}: expected an object, got {type(data).__name__}")
        self.data = data
        self.path = path

    def where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def raw(self, key: str, required: bool = True) -> Any:
        value = self.data.get(key)
        if value is None and required:
            raise ContributionFormatError(f"{self.where(key)}: missing")
        return value

    def text(self, key: str, required: bool = True) -> str:
        value = self.raw(key, required)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise ContributionFormatError(f"{self.where(key)}: expected a string, got {type(value).__name__}")
        return str(value)

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in choices:
            raise ContributionFormatError(f"{self.where(key)}: '{value}' is not one of {', '.join(choices)}")
        return value

    def integer(self, key: str) -> int:
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ContributionFormatError(f"{self.where(key)}: expected an integer, got {value!r}")
        return value

    def timestamp(self, key: str, required: bool = True) -> datetime | None:
        value = self.raw(key, required)
        if value is None:
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise ContributionFormatError(
                f"{self.where(key)}: expected an ISO 8601 date-time with offset, got {value!r}"
            )
        return parsed

    def day(self, key: str) -> date | None:
        value = self.raw(key, required=False)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ContributionFormatError(f"{self.where(key)}: expected an ISO 8601 date, got {value!r}") from None

    def child(self, key: str) -> "_Reader":
        return _Reader(self.raw(key), self.where(key))

    def optional_child(self, key: str) -> "_Reader | None":
        value = self.raw(key, required=False)
        return None if value is None else _Reader(value, self.where(key))

    def children(self, key: str) -> list["_Reader"]:
        value = self.raw(key, required=False)
        if value is None:
            return []
        if not isinstance(value, list):
            raise ContributionFormatError(f"{self.where(key)}: expected a list, got {type(value).__name__}")
        return [_Reader(item, f"{self.where(key)}[{i}]") for i, item in enumerate(value)]


def parse_contribution(data: Any) -> Contribution:
    """Build a Contribution from the API's JSON (already decoded); raises ContributionFormatError."""
    r = _Reader(data, "")
    org, author, conference = r.child("organisation"), r.child("author"), r.child("conference")
    invitation = r.optional_child("invitation")
    sections = []
    for s in r.children("sections"):
        text = s.child("text")
        sections.append(
            Section(s.text("id"), s.text("title", False), text.text("source", False), text.text("html", False))
        )
    scales = []
    for sc in r.children("scales"):
        score = sc.integer("score")
        if not 0 <= score <= 10:
            raise ContributionFormatError(f"{sc.where('score')}: {score} is outside 0 to 10")
        scales.append(Scale(sc.text("childId"), score))
    return Contribution(
        id=r.text("id"),
        status=r.choice("status", STATUSES),
        agency_id=r.text("agencyId"),
        version=r.integer("version"),
        organisation=Organisation(org.text("id"), org.text("name"), org.text("code", False), org.text("laSlug", False)),
        author=Author(author.text("id"), author.text("name"), author.text("jobTitle", False)),
        submitted_at=r.timestamp("submittedAt", required=False),
        shared_with_family_on=r.day("sharedWithFamilyOn"),
        sections=tuple(sections),
        scales=tuple(scales),
        invitation=None
        if invitation is None
        else Invitation(
            invitation.text("id"),
            invitation.timestamp("reportDueAt", required=False),
            invitation.timestamp("familyDueAt", required=False),
        ),
        conference=Conference(
            id=conference.text("id"),
            kind=conference.choice("kind", CONFERENCE_KINDS),
            scheduled_at=conference.timestamp("scheduledAt"),  # type: ignore[arg-type]
            la_slug=conference.text("laSlug"),
            children=tuple(
                Child(c.text("id"), c.text("name", False), c.day("dateOfBirth"))
                for c in conference.children("children")
            ),
        ),
        withholding_requests=tuple(
            WithholdingRequest(w.text("sectionId"), w.text("decision"))
            for w in r.children("withholdingRequests")
        ),
    )
