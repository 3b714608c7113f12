"""Small text helpers for judging short free-text sections quickly.

Rubric patterns are matched against lower-cased text with lower-cased patterns: much faster
than re.IGNORECASE over long alternations.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[.!?]\s+|\n+")
SENTENCE_MARK = re.compile(r"[.!?] |\n")
LABEL_JOINERS = re.compile(r"\s*(?:[,;/&+]|\band\b|\bor\b)\s*")
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


class PreparedText:
    """A section's text with what every criterion needs, computed once per contribution."""

    __slots__ = ("section_id", "source", "lower", "ascii", "words", "normal", "_starts", "_ends", "_not_applicable")

    def __init__(self, section_id: str, source: str) -> None:
        self.section_id = section_id
        self.source = source
        self.lower = lower_same_length(source)
        self.ascii = self.lower.isascii()
        self.words = word_count(source)
        # Only short answers can be placeholders such as "N/A"; skip normalising long ones.
        self.normal = normalise(source) if len(source) <= PLACEHOLDER_LIMIT else None
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._not_applicable: dict[TextPattern, re.Match[str] | None] = {}

    def search_once(self, pattern: TextPattern) -> re.Match[str] | None:
        """pattern.search(self.lower), remembered: several criteria ask the same of one section."""
        try:
            return self._not_applicable[pattern]
        except KeyError:
            found = self._not_applicable[pattern] = (pattern.ascii if self.ascii else pattern.unicode).search(self.lower)
            return found

    def _boundaries(self) -> tuple[list[int], list[int]]:
        """Where sentences may start (after '. ', '? ', '! ' or a newline) and end (at the mark)."""
        if self._starts is None:
            starts, ends = [0], []
            for mark in SENTENCE_MARK.finditer(self.source):
                at = mark.start()
                starts.append(at + 1 if mark.group() == "\n" else at + 2)
                ends.append(at + 1)
            self._starts, self._ends = starts, ends
        return self._starts, self._ends

    def sentence_at(self, position: int) -> str:
        """The sentence around a position, trimmed to a readable quote."""
        text = self.source
        starts, ends = self._boundaries()
        start = starts[bisect_right(starts, position) - 1]
        after = bisect_left(ends, position + 1)
        end = ends[after] if after < len(ends) else len(text)
        sentence = text[start:end].strip()
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
