"""Report text with the child's and family's identifying details replaced, for auditors from another council.

A pure function of the text, the people the case knows (the conference's children and the people
around them) and the names to keep (organisations, the author): every known person becomes their
role label ("[child 1]", "[mother]", "[mother's partner]"); emails, phone numbers, NHS numbers,
dates of birth, postcodes and street addresses are replaced by pattern; and any other proper name
that is not an ordinary English word (neither a lower-case word in Webster's list from
`english-words` nor frequent in `wordfreq`) becomes "[name]".
"""

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from portal.audit.identifiers import ADDRESS, DATE, DOB_CUE, MONTHS, NHS_NUMBER, date_of
from portal.audit.ordinary_words import is_dictionary_word, zipf
from portal.children.contact import EMAIL, PHONE, POSTCODE

# Zipf frequency (log10 of uses per billion words) at or above which a capitalised word is taken
# for an ordinary word: mid-sentence, and (stricter, since any word starts a sentence) at a start.
ORDINARY = 4.5
ORDINARY_AT_START = 3.0
# After a title or a word like "partner" any capitalised word is a name, short of the commonest words ("In", "His").
VERY_COMMON = 5.5
# Known names this common are matched only when capitalised ("Will", "Grace", not "will", "grace").
COMMON_WORD = 3.5

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
POSSESSIVE = re.compile(r"['’]s$")
NOT_NAMES = frozenset({"email", "phone", "NHS number", "postcode", "date of birth", "address"})
TITLES = frozenset("mr mrs ms miss mx dr master pani pan auntie aunty aunt uncle nan nana nanna grandma grandad nanny".split())
# A capitalised word right after these is a name, however common the word ("her partner Will").
NAME_CUES = frozenset(
    """partner boyfriend girlfriend husband wife fiance fiancee ex brother sister son daughter cousin friend
    friends mum mother dad father stepdad stepmum stepfather stepmother grandmother grandfather grandson
    granddaughter nephew niece godmother godfather neighbour lodger called named aka known nurse worker
    keyworker visitor therapist officer teacher paediatrician midwife siblings brothers sisters children sons
    daughters cousins""".split()
)
SENTENCE_START = re.compile(r"(?:^|\n|[.!?:;\"“(*•·–—])[\s\d./)-]*$")
# Form labels and month abbreviations that are neither names nor in the dictionary.
FORM_WORDS = frozenset(
    "tel mob fax ref dob nhs jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
) | frozenset(MONTHS)


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """Someone the case records, by the label that replaces them ("child 1", "mother")."""

    label: str
    given_name: str
    family_name: str = ""
    known_as: str = ""
    date_of_birth: date | None = None
    contact: tuple[str, ...] = ()


def role_labels(roles: Sequence[str]) -> list[str]:
    """Labels for people in the order given, by relationship ("CHILD" for the conference's children),
    numbered where a role repeats: "child 1", "child 2", "mother", "sibling 1", "sibling 2"."""
    counts = Counter(roles)
    seen: Counter[str] = Counter()
    labels = []
    for role in roles:
        seen[role] += 1
        name = ROLE_NAMES.get(role, role.lower().replace("_", " "))
        labels.append(f"{name} {seen[role]}" if counts[role] > 1 or role == "CHILD" else name)
    return labels


ROLE_NAMES = {"MOTHERS_PARTNER": "mother's partner", "FATHERS_PARTNER": "father's partner", "STEP_MOTHER": "stepmother", "STEP_FATHER": "stepfather"}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str


def _alternation(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


class Protected:
    """Names that stay as written (organisations, councils) and the single words they are made of;
    built once for many reports, and matched word by word so that thousands of names stay fast."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in {tuple(w.lower() for w in WORD.findall(n)) for n in names}:
            if name:
                self._by_first.setdefault(name[0], []).append(name)
        for candidates in self._by_first.values():
            candidates.sort(key=len, reverse=True)
        self.words = frozenset(w for candidates in self._by_first.values() for name in candidates for w in name)

    def spans(self, text: str) -> list[tuple[int, int]]:
        words = list(WORD.finditer(text))
        lowered = [m.group(0).lower() for m in words]
        found = []
        for i, first in enumerate(lowered):
            for name in self._by_first.get(first, ()):
                if tuple(lowered[i:i + len(name)]) == name:
                    found.append((words[i].start(), words[i + len(name) - 1].end()))
                    break
        return found


NOTHING_PROTECTED = Protected(())


class Pseudonymiser:
    def __init__(self, people: Iterable[KnownPerson], protected: Protected = NOTHING_PROTECTED, author: str = "") -> None:
        """`protected` holds the organisations (built once for many reports); the author's name is kept too."""
        people = list(people)
        owners: dict[str, set[str]] = {}
        self._dates = {p.date_of_birth for p in people if p.date_of_birth}
        contacts: set[str] = set()
        for person in people:
            for name in _names_of(person):
                owners.setdefault(name.lower(), set()).add(person.label)
            contacts.update(c.strip() for c in person.contact if len(c.strip()) > 3)
        # A name several people share (most often the family name) identifies none of them alone.
        self._labels = {name: next(iter(o)) if len(o) == 1 else "family name" for name, o in owners.items()}
        common = [n for n in self._labels if zipf(n) >= COMMON_WORD]
        rare = [n for n in self._labels if zipf(n) < COMMON_WORD]
        parts = []
        if rare:
            parts.append(rf"(?i:{_alternation(rare)})")
        if common:
            parts.append(_alternation(w for n in common for w in (n.title(), n.upper(), n.capitalize())))
        self._names = re.compile(rf"(?<![\w'’-])(?:{'|'.join(parts)})(?![\w-])") if parts else None
        self._contacts = re.compile(rf"(?<!\w)(?:{_alternation(contacts)})(?!\w)", re.IGNORECASE) if contacts else None
        self._protected = protected
        author_words = WORD.findall(author)
        self._author_words = frozenset(w.lower() for w in author_words[-1:])
        self._author = re.compile(rf"(?<!\w){re.escape(author.strip())}(?!\w)", re.IGNORECASE) if author.strip() else None

    def spans(self, text: str) -> list[Span]:
        """What is replaced, in order; spans never overlap."""
        taken: list[Span] = []
        keep = self._protected.spans(text) + ([m.span() for m in self._author.finditer(text)] if self._author else [])

        def add(start: int, end: int, label: str, over_kept: bool = False) -> None:
            if any(s.start < end and start < s.end for s in taken):
                return
            if not over_kept and any(k_start < end and start < k_end for k_start, k_end in keep):
                return
            taken.append(Span(start, end, label))

        for m in EMAIL.finditer(text):
            add(m.start(), m.end(), "email", over_kept=True)
        for m in DATE.finditer(text):
            if date_of(m) in self._dates or DOB_CUE.search(text, max(0, m.start() - 20), m.start()):
                add(m.start(), m.end(), "date of birth", over_kept=True)
        for m in NHS_NUMBER.finditer(text):
            add(m.start(), m.end(), "NHS number", over_kept=True)
        for m in PHONE.finditer(text):
            add(m.start(), m.end(), "phone", over_kept=True)
        for m in POSTCODE.finditer(text):
            add(m.start(), m.end(), "postcode")
        for m in ADDRESS.finditer(text):
            add(m.start(), m.end(), "address")
        if self._contacts:  # what the case records that no pattern found: most often an address of an unusual shape
            for m in self._contacts.finditer(text):
                add(m.start(), m.end(), "address", over_kept=True)
        if self._names:
            for m in self._names.finditer(text):
                add(m.start(), m.end(), self._labels[m.group(0).lower()])
        for start, end in self._unknown_names(text, taken, keep):
            add(start, end, "name")
        return _merged(sorted(taken, key=lambda s: s.start), text)

    def _unknown_names(self, text: str, taken: list[Span], keep: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """Capitalised words that are not ordinary English words (not a lower-case dictionary word and
        rare in `wordfreq`), words after a title or a word like "partner", and capitalised words that
        are not dictionary words standing next to another name ("Ryan Hulme")."""
        covered = bytearray(len(text))  # per character: 1 inside a person's label, 2 inside another replacement or a kept name
        for start, end in keep:
            covered[start:end] = b"\x02" * (end - start)
        for span in taken:
            covered[span.start:span.end] = (b"\x02" if span.label in NOT_NAMES else b"\x01") * (span.end - span.start)
        tokens: list[tuple[int, int, str]] = []  # start, end (without a possessive 's), verdict
        cue, cue_end = "", 0
        for m in WORD.finditer(text):
            word, start = m.group(0), m.start()
            bare = POSSESSIVE.sub("", word)
            lower = bare.lower()
            gap = text[cue_end:start]
            after_cue = (cue in TITLES and gap == " ") or (cue in NAME_CUES and gap in (" ", ", ", ": "))
            cue, cue_end = lower, m.end()
            if covered[start] == 1:
                tokens.append((start, start + len(bare), "name"))
                continue
            if covered[start] or not bare[0].isupper() or lower in self._protected.words or lower in self._author_words or lower in TITLES:
                tokens.append((start, start + len(bare), "no"))
                continue
            if (bare.isupper() and len(bare) <= 5) or lower in FORM_WORDS:
                tokens.append((start, start + len(bare), "no"))
            elif after_cue and zipf(lower) < VERY_COMMON:
                tokens.append((start, start + len(bare), "mask"))
            elif is_dictionary_word(lower):
                # Beside a name a dictionary word is a name too: a surname ("Priti Shah"), or a given
                # name before a surname ("Josh Tully") when not a common word or a word like "Nurse".
                frequency = zipf(lower)
                verdict = "candidate" if frequency < ORDINARY and lower not in NAME_CUES else "follows" if frequency < VERY_COMMON else "no"
                tokens.append((start, start + len(bare), verdict))
            else:
                at_start = SENTENCE_START.search(text, max(0, start - 12), start) is not None
                rare = zipf(lower) < (ORDINARY_AT_START if at_start else ORDINARY)
                tokens.append((start, start + len(bare), "mask" if rare else "candidate"))
        verdicts = [v for _, _, v in tokens]
        for _ in range(2):  # a candidate next to a name is a name, in either direction
            for i, (start, end, verdict) in enumerate(tokens):
                if verdict not in ("candidate", "follows"):
                    continue
                before = i > 0 and verdicts[i - 1] in ("mask", "name") and text[tokens[i - 1][1]:start] == " "
                after = verdict == "candidate" and i + 1 < len(tokens) and verdicts[i + 1] in ("mask", "name") and text[end:tokens[i + 1][0]] == " "
                if before or after:
                    verdicts[i] = "mask"
        for (start, end, _), verdict in zip(tokens, verdicts, strict=True):
            if verdict == "mask":
                yield start, end

    def text(self, text: str) -> str:
        out, last = [], 0
        for span in self.spans(text):
            out.append(text[last:span.start])
            out.append(f"[{span.label}]")
            last = span.end
        out.append(text[last:])
        return "".join(out)


def _names_of(person: KnownPerson) -> Iterator[str]:
    given, family, known = person.given_name.strip(), person.family_name.strip(), person.known_as.strip()
    for first in (given, known):
        if first and family:
            yield f"{first} {family}"
    for name in (given, family, known):
        for part in {name, *re.split(r"[\s-]+", name)}:
            if len(part) > 1:
                yield part


def _merged(spans: list[Span], text: str) -> list[Span]:
    """Neighbouring spans of one label ("[name] [name]") become one."""
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1].label == span.label and not text[merged[-1].end:span.start].strip():
            merged[-1] = Span(merged[-1].start, span.end, span.label)
        else:
            merged.append(span)
    return merged
