"""Plain English for families: the reading age of a text against the council's, and the glossary
of terms a pack uses (portal/families/glossary.toml, reading_ages.toml)."""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import textstat

HERE = Path(__file__).parent
MIN_WORDS = 12  # shorter texts give no meaningful reading age
# A UK reading age is about the US school grade (Flesch-Kincaid) plus five years.
GRADE_TO_AGE = 5


@dataclass(frozen=True)
class Term:
    term: str
    meaning: str
    spellings: tuple[str, ...]


@cache
def glossary() -> tuple[Term, ...]:
    data = tomllib.loads((HERE / "glossary.toml").read_text(encoding="utf-8"))
    return tuple(Term(t["term"], t["meaning"], (t["term"], *t.get("also", ()))) for t in data["terms"])


@cache
def _reading_ages() -> tuple[int, dict[str, int]]:
    data = tomllib.loads((HERE / "reading_ages.toml").read_text(encoding="utf-8"))
    return int(data["default"]), {k: int(v) for k, v in data.get("councils", {}).items()}


def target_age(la_slug: str) -> int:
    default, councils = _reading_ages()
    return councils.get(la_slug, default)


def reading_age(text: str) -> int | None:
    """The text's reading age in years, or None when it is too short to say."""
    if len(text.split()) < MIN_WORDS:
        return None
    return max(5, round(textstat.flesch_kincaid_grade(text) + GRADE_TO_AGE))


def terms_used(texts: list[str]) -> list[Term]:
    """The glossary's terms that any of the texts uses, in the glossary's order."""
    joined = "\n".join(texts)
    return [t for t in glossary() if any(re.search(rf"\b{re.escape(s)}\b", joined, re.IGNORECASE) for s in t.spellings)]
