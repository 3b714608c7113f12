"""The pseudonymisation corpus: invented reports with every identifier marked by hand as
`[[text|kind]]`, the people each case knows, and how much of it a pseudonymiser removes.

Reports under `held_out/` were written before the pseudonymiser was tuned and were never tuned on."""

import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from portal.audit.pseudonymise import WORD, KnownPerson, Protected, Pseudonymiser, Span, role_labels

CORPUS = Path(__file__).parent.parent / "audit" / "pseudonymise_corpus"
MARK = re.compile(r"\[\[(.+?)\|(\w+)\]\]", re.DOTALL)
KINDS = ("person", "address", "postcode", "phone", "email", "dob", "nhs")
TITLES = frozenset("mr mrs ms miss mx dr".split())


@dataclass(frozen=True)
class Identifier:
    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True)
class Report:
    name: str
    held_out: bool
    text: str
    identifiers: tuple[Identifier, ...]
    people: tuple[KnownPerson, ...]
    organisations: tuple[str, ...]
    author: str

    def pseudonymiser(self, organisations: Protected | None = None) -> Pseudonymiser:
        return Pseudonymiser(self.people, organisations or Protected(self.organisations), self.author)


def unmark(marked: str) -> tuple[str, tuple[Identifier, ...]]:
    out, found, last = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[last:m.start()]
        out.append(before)
        length += len(before)
        text, kind = m.group(1), m.group(2)
        assert kind in KINDS, f"unknown kind {kind!r}"
        found.append(Identifier(length, length + len(text), kind, text))
        out.append(text)
        length += len(text)
        last = m.end()
    out.append(marked[last:])
    return "".join(out), tuple(found)


def load(path: Path) -> Report:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    people = data.get("people", [])
    labels = role_labels([p["role"].upper() for p in people])
    known = tuple(
        KnownPerson(label, p["given_name"], p.get("family_name", ""), p.get("known_as", ""), p.get("date_of_birth"))
        for p, label in zip(people, labels, strict=True)
    )
    text, identifiers = unmark(data["text"]["body"])
    return Report(path.stem, path.parent.name == "held_out", text, identifiers, known, tuple(data.get("organisations", ())), data["author"])


def reports() -> list[Report]:
    return [load(p) for p in sorted(CORPUS.glob("*/*.toml"))]


@dataclass
class Score:
    identifiers: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    ordinary_words: int = 0
    wrongly_masked: list[str] = field(default_factory=list)
    leaked: list[tuple[str, Identifier]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(self.removed.values()) / max(1, sum(self.identifiers.values()))

    @property
    def wrongly_masked_share(self) -> float:
        return len(self.wrongly_masked) / max(1, self.ordinary_words)


def _covered(start: int, end: int, spans: list[Span]) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def score(corpus: Iterable[Report]) -> Score:
    """An identifier is removed when every word of it (titles aside) lies inside a replaced span;
    an ordinary word is any other word, wrongly masked when a replaced span touches it."""
    result = Score()
    for report in corpus:
        spans = report.pseudonymiser().spans(report.text)
        for identifier in report.identifiers:
            result.identifiers[identifier.kind] += 1
            words = [m for m in re.finditer(r"\w+", identifier.text) if m.group(0).lower() not in TITLES]
            if all(_covered(identifier.start + m.start(), identifier.start + m.end(), spans) for m in words):
                result.removed[identifier.kind] += 1
            else:
                result.leaked.append((report.name, identifier))
        for m in WORD.finditer(report.text):
            if any(i.start < m.end() and m.start() < i.end for i in report.identifiers):
                continue
            result.ordinary_words += 1
            if any(s.start < m.end() and m.start() < s.end for s in spans):
                result.wrongly_masked.append(f"{report.name}: {m.group(0)}")
    return result
