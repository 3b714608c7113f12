"""Small text helpers for judging short free-text sections quickly.

Rubric patterns are matched against lower-cased text with lower-cased patterns: much faster
than re.IGNORECASE over long alternations.
"""

import re

SENTENCE_END = re.compile(r"[.!?]\s+|\n+")
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


def word_count(text: str) -> int:
    return len(text.split())


class PreparedText:
    """A section's text with what every criterion needs, computed once per contribution."""

    __slots__ = ("section_id", "source", "lower", "words", "normal")

    def __init__(self, section_id: str, source: str) -> None:
        self.section_id = section_id
        self.source = source
        self.lower = lower_same_length(source)
        self.words = word_count(source)
        # Only short answers can be placeholders such as "N/A"; skip normalising long ones.
        self.normal = normalise(source) if len(source) <= PLACEHOLDER_LIMIT else None

    def sentence_at(self, position: int) -> str:
        """The sentence around a position, trimmed to a readable quote."""
        text = self.source
        stop = max(text.rfind(". ", 0, position), text.rfind("? ", 0, position), text.rfind("! ", 0, position))
        start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, position) + 1)
        end = len(text)
        for mark in (". ", "? ", "! ", "\n"):
            found = text.find(mark, position, end)
            if found >= 0:
                end = found + 1
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
