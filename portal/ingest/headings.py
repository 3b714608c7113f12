"""Is this line a heading? (Which section it names is portal.ingest.meaning's work.)"""

import re
from dataclasses import dataclass

NUMBERING = re.compile(
    r"^(?:(?:section|part|question|q)\s*(?:\d+(?:\.\d+)*|[a-z]|[ivx]{1,4})[.):]?\s*[-\u2013\u2014:]?"  # "Q1.", "Part B:"
    r"|(?:\d+[.)](?:\d+\.?)*|[a-z][.)]|\(?[ivx]{1,4}[.)]|\([a-z0-9]{1,3}\)))\s+",
    re.IGNORECASE,
)
PREFIX = re.compile(r"^(?:section|part|question|q)\s*", re.IGNORECASE)
MAX_HEADING_WORDS = 12
MAX_QUESTION_WORDS = 40  # a template's numbered question or request, in bold, may run over two lines
REQUEST = re.compile(r"^(?:please|what|how|who|when|where|why|is|are|does|do|has|have|can|describe|give|summarise|"
                     r"summarize|provide|outline|list|set out|tell us)\b", re.IGNORECASE)


DATE = re.compile(r"^\d{1,2}[/.-](?:\d{1,2}|[A-Za-z]{3})[/.-]\d{2,4}$")


def dated(text: str) -> bool:
    """A line opening with a date, as a clinical record's journal entries do ("05/10/2026 Dr A Khan - surgery")."""
    words = text.split()
    return bool(words) and bool(DATE.match(words[0]))


@dataclass(frozen=True)
class HeadingSignals:
    number: str  # "3", "3.1", "C" or "" when not numbered
    larger: bool
    bold: bool
    capitals: bool
    colon: bool

    @property
    def numbered_depth(self) -> int:
        return self.number.count(".") + 1 if self.number else 0

    @property
    def strong(self) -> bool:
        return self.larger or bool(self.number) or self.capitals

    @property
    def any(self) -> bool:
        return self.strong or self.bold or self.colon


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = NUMBERING.sub("", text.strip())
    text = re.sub(r"[\s:?.\-\u2013\u2014]+$", "", text)
    return " ".join(text.lower().split())


def _is_question(stripped: str, words: list[str], bold: bool) -> bool:
    """A bold numbered question or request ("2. Please give a summary of ... the child."): a heading however it ends."""
    if not bold or len(words) > MAX_QUESTION_WORDS or stripped.endswith((",", ";")):
        return False
    numbered = NUMBERING.match(stripped)
    rest = stripped[numbered.end():] if numbered else stripped
    return bool(numbered and rest) or stripped.endswith("?") or (len(words) > 3 and bool(REQUEST.match(rest)))


def signals(text: str, size: float, bold: bool, body_size: float) -> HeadingSignals | None:
    """The heading signals of a line, or None when it cannot be a heading."""
    stripped = text.strip()
    words = stripped.split()
    if not words:
        return None
    if (len(words) > MAX_HEADING_WORDS or stripped.rstrip("\"'\u201d\u2019)").endswith((".", ",", ";"))) \
            and not _is_question(stripped, words, bold):
        return None
    match = NUMBERING.match(stripped)
    number = ""
    if match and len(stripped) > match.end():
        number = PREFIX.sub("", match.group(0).strip()).strip("().:-\u2013\u2014 ")
    letters = [c for c in stripped if c.isalpha()]
    return HeadingSignals(
        number=number,
        larger=size >= body_size * 1.12,
        bold=bold,
        capitals=len(letters) >= 4 and all(c.isupper() for c in letters),
        colon=stripped.endswith(":"),
    )
