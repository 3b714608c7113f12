"""Small text helpers for judging a report's free text quickly.

Rubric patterns are matched against lower-cased text with lower-cased patterns: much faster
than re.IGNORECASE over long alternations.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[.!?]\s+|\n+")
LABEL_JOINERS = re.compile(r"\s*(?:[,;/&+]|\band\b|\bor\b)\s*")
SENTENCE_MARK = re.compile(r"[.!?] |\n")
TRIM = " \t\r\n.,;:!?-*_#>`'\"()[]"
QUOTE_LIMIT = 240
PLACEHOLDER_LIMIT = 80


def casefold_pattern(pattern: str) -> str:
    """Lower-case a regular expression, leaving escapes such as \\B or \\D alone."""
    out = []
    escaped = False
    for char in pattern:
        out.append(char if escaped else char.lower())
        escaped = not escaped and char == "\\"
    return "".join(out)


def lower_same_length(text: str) -> str:
    """Lower-cased text whose offsets still match the original (so quotes can be cut from the original)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def normalise(text: str) -> str:
    return " ".join(text.split()).strip(TRIM).lower()


@dataclass(frozen=True, slots=True, eq=False)
class TextPattern:
    """An expression, and a form of it that matches ASCII text exactly as it does but faster.

    With re.ASCII, \\b, \\w and \\d need no Unicode tables and give the same answers for ASCII
    characters; \\s does not (Unicode counts \\x1c-\\x1f as spaces), so an expression using it is
    its own ASCII form. Compared by identity: remembering a search per pattern hashes no expression.
    """

    unicode: re.Pattern[str]
    ascii: re.Pattern[str]


def word_count(text: str) -> int:
    return len(text.split())


class SectionText:
    """One section's place in a prepared report, with what every criterion needs of it."""

    __slots__ = ("section_id", "source", "lower", "start", "end", "words", "normal", "_starts", "_ends")

    def __init__(self, section_id: str, source: str, lower: str, start: int) -> None:
        self.section_id = section_id
        self.source = source
        # Its own string: a pattern searches a short string about twice as fast as a span of a long one.
        self.lower = lower
        self.start = start
        self.end = start + len(source)
        self.words = word_count(source)
        # Only short answers can be placeholders such as "N/A"; skip normalising long ones.
        self.normal = normalise(source) if len(source) <= PLACEHOLDER_LIMIT else None
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def boundaries(self) -> tuple[list[int], list[int]]:
        """Where this section's sentences start (after '. ', '? ', '! ' or a newline) and end (at the
        mark), as offsets into the report: found once, on first use."""
        if self._starts is None:
            offset = self.start
            starts, ends = [offset], []
            for mark in SENTENCE_MARK.finditer(self.source):
                at = mark.start() + offset
                starts.append(at + 1 if mark.group() == "\n" else at + 2)
                ends.append(at + 1 if mark.group() != "\n" else at)
            ends.append(self.end)
            self._starts, self._ends = starts, ends
        return self._starts, self._ends


class PreparedText:
    """A whole report's text, lower-cased and split into sentences once, for every criterion to search.

    The sections are joined by newlines (a sentence never runs from one section into the next); every
    position is an offset into that joined text, and section_at() says which section it falls in.
    """

    __slots__ = ("source", "lower", "ascii", "sections", "by_id", "section_starts", "_found")

    def __init__(self, section_id_or_sections: "str | list[tuple[str, str]]", source: str = "") -> None:
        pairs = [(section_id_or_sections, source)] if isinstance(section_id_or_sections, str) else section_id_or_sections
        self.source = "\n".join(text for _, text in pairs)
        self.lower = lower = lower_same_length(self.source)
        sections: list[SectionText] = []
        at = 0
        for section_id, text in pairs:
            sections.append(SectionText(section_id, text, lower[at : at + len(text)], at))
            at += len(text) + 1
        self.ascii = self.lower.isascii()
        self.sections = sections
        self.by_id = {s.section_id: s for s in sections}
        self.section_starts = [s.start for s in sections]
        self._found: dict[tuple[TextPattern, int], re.Match[str] | None] = {}

    def search(self, pattern: TextPattern, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        return (pattern.ascii if self.ascii else pattern.unicode).search(self.lower, start, len(self.lower) if end is None else end)

    def search_section(self, pattern: TextPattern, section: SectionText) -> re.Match[str] | None:
        """pattern's first match in one section, remembered: several criteria ask the same of one section."""
        key = (pattern, section.start)
        try:
            return self._found[key]
        except KeyError:
            found = self._found[key] = (pattern.ascii if self.ascii else pattern.unicode).search(section.lower)
            return found

    def finditer(self, pattern: TextPattern) -> Iterator[re.Match[str]]:
        return (pattern.ascii if self.ascii else pattern.unicode).finditer(self.lower)

    def search_once(self, pattern: TextPattern) -> re.Match[str] | None:
        return self.search(pattern)

    def section_at(self, position: int) -> SectionText:
        return self.sections[bisect_right(self.section_starts, position) - 1]

    def sentence_span(self, position: int, section: SectionText | None = None) -> tuple[int, int]:
        """Where the sentence around a position starts and ends, within its section."""
        if section is None:
            section = self.sections[bisect_right(self.section_starts, position) - 1]
        starts = section._starts
        if starts is None:
            starts, ends = section.boundaries()
        else:
            ends = section._ends
        return starts[bisect_right(starts, position) - 1], ends[bisect_left(ends, position + 1)]

    def sentence_at(self, position: int, section: SectionText | None = None) -> str:
        """The sentence around a position, trimmed to a readable quote."""
        start, end = self.sentence_span(position, section)
        sentence = self.source[start:end].strip()
        if len(sentence) <= QUOTE_LIMIT:
            return sentence
        offset = max(0, min(position - start - QUOTE_LIMIT // 2, len(sentence) - QUOTE_LIMIT))
        return ("…" if offset else "") + sentence[offset : offset + QUOTE_LIMIT].strip() + "…"


def is_label(text: str, labels: frozenset[str]) -> bool:
    """True when the text is only category words, such as 'Neglect and emotional abuse.'"""
    parts = [p for p in LABEL_JOINERS.split(normalise(text)) if p]
    return bool(parts) and all(p.strip(TRIM) in labels for p in parts)


def without_sentences_matching(text: str, pattern: re.Pattern[str]) -> str:
    return " ".join(s for s in SENTENCE_END.split(text) if not pattern.search(s))


def shorten(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
