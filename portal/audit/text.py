"""Small text helpers for judging short free-text sections."""

import re

WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
LABEL_JOINERS = re.compile(r"\s*(?:[,;/&+]|\band\b|\bor\b)\s*")
TRIM = " \t\r\n.,;:!?-*_#>`'\"()[]"
QUOTE_LIMIT = 240


def normalise(text: str) -> str:
    return " ".join(text.split()).strip(TRIM).lower()


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def is_label(text: str, labels: frozenset[str]) -> bool:
    """True when the text is only category words, such as 'Neglect and emotional abuse.'"""
    parts = [p for p in LABEL_JOINERS.split(normalise(text)) if p]
    return bool(parts) and all(p.strip(TRIM) in labels for p in parts)


def sentence_at(text: str, position: int) -> str:
    """The sentence around a position, trimmed to a readable quote."""
    start = 0
    end = len(text)
    for boundary in SENTENCE_END.finditer(text):
        if boundary.end() <= position:
            start = boundary.end()
        elif boundary.start() >= position:
            end = boundary.start()
            break
    sentence = text[start:end].strip()
    if len(sentence) <= QUOTE_LIMIT:
        return sentence
    offset = max(0, min(position - start - QUOTE_LIMIT // 2, len(sentence) - QUOTE_LIMIT))
    return ("…" if offset else "") + sentence[offset : offset + QUOTE_LIMIT].strip() + "…"


def without_sentences_matching(text: str, pattern: re.Pattern[str]) -> str:
    return " ".join(s for s in SENTENCE_END.split(text) if not pattern.search(s))


def shorten(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
