"""Audit rubrics: one versioned TOML file per agency in agencies/rubrics/, validated on load."""

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from portal.agencies import AgencyDefinition
from portal.audit.text import casefold_pattern
from portal.datafiles import SLUG, Slug, read_toml, validate


class RubricFileError(Exception):
    """A rubric file is missing, unreadable or invalid."""


def compile_patterns(patterns: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    """One expression for all patterns, to match against lower-cased text (see portal.audit.text).

    A pattern that starts with a word (a letter or digit, or a group "(?:" whose first alternative
    starts with one) matches only at the start of a word; grouping those behind one \\b lets the
    engine skip positions inside words quickly. A pattern that starts with its own \\b (with no
    alternative outside a group) joins that group, its \\b then being the group's.
    """
    words, others = [], []
    for pattern in map(casefold_pattern, patterns):
        if _starts_with_boundary(pattern):
            words.append(pattern[2:])
        elif _starts_with_word(pattern):
            words.append(pattern)
        else:
            others.append(pattern)
    parts = ([r"\b(?:" + "|".join(words) + ")"] if words else []) + [f"(?:{p})" for p in others]
    return re.compile("|".join(parts), flags)


def _starts_with_word(pattern: str) -> bool:
    return pattern[:1].isalnum() or (pattern.startswith("(?:") and pattern[3:4].isalnum())


def _starts_with_boundary(pattern: str) -> bool:
    """True for '\\b...' with no '|' outside a group, so that the \\b applies to all of it ('\\bx|y'
    is '\\bx' or 'y'). Patterns with a character class or a comment are not scanned: False."""
    if not pattern.startswith("\\b") or "[" in pattern or "(?#" in pattern:
        return False
    depth = 0
    escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True


def _check_patterns(patterns: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {pattern!r} ({exc})") from None
    return patterns


class Levels(BaseModel):
    """What each level means for one criterion; a criterion without not_applicable is never N/A."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    met: str = Field(min_length=1)
    partly_met: str = Field(min_length=1)
    not_met: str = Field(min_length=1)
    not_applicable: str | None = None


class LookFor(BaseModel):
    """One thing a criterion looks for in the text, with the advice given when it is missing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    patterns: tuple[str, ...] = Field(min_length=1)
    advice: str = Field(min_length=1)
    # A core aspect must be found for the criterion to be met, however many others are; without a
    # required one it is not met at all.
    core: bool = False
    required: bool = False
    # Whole answers that state this aspect on their own ("Nil" for missed appointments: none missed).
    answers: tuple[str, ...] = ()
    # Contribution fields that state this aspect when filled in.
    fields: tuple[Literal["author.jobTitle"], ...] = ()

    _check = field_validator("patterns")(_check_patterns)


class Criterion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    how_judged: str = Field(min_length=1)
    judge: Literal["content", "safety_scale", "submitted_on_time", "shared_with_family"] = "content"
    sections: tuple[str, ...] = ()
    weight: float = Field(gt=0, le=100)
    min_words: int = Field(default=4, ge=1)
    partly_min_found: int = Field(default=1, ge=1)
    # How many look_for aspects make the criterion met (with every core one); all of them when unset.
    met_min_found: int | None = Field(default=None, ge=1)
    # Words or phrases (plain text, matched at the start of a word, any case) that a sentence outside the
    # named sections must contain to count as evidence for this criterion.
    topic: tuple[str, ...] = ()
    # Whether an answer too brief to judge is not met even when it names something looked for; otherwise
    # a one-line mention ('mental health', 'drinking') is present but not specific: partly met.
    brief_is_not_met: bool = False
    look_for: tuple[LookFor, ...] = ()
    missing_advice: str = ""
    levels: Levels

    @field_validator("topic")
    @classmethod
    def _plain_words(cls, topic: tuple[str, ...]) -> tuple[str, ...]:
        for phrase in topic:
            if not phrase.strip() or not phrase[:1].isalnum():
                raise ValueError(f"topic: {phrase!r} must start with a letter or digit")
        return topic

    @model_validator(mode="after")
    def _content_needs_text(self) -> "Criterion":
        if self.judge == "content":
            if not self.sections:
                raise ValueError("sections: a content criterion needs at least one section to look in")
            if not self.look_for:
                raise ValueError("look_for: a content criterion needs at least one thing to look for")
            if self.partly_min_found > len(self.look_for):
                raise ValueError("partly_min_found: more than the number of look_for entries")
            if self.met_min_found is not None and self.met_min_found > len(self.look_for):
                raise ValueError("met_min_found: more than the number of look_for entries")
        elif not self.missing_advice:
            raise ValueError(f"missing_advice: a {self.judge} criterion needs the advice given when it is not met")
        return self

    @property
    def allows_not_applicable(self) -> bool:
        return self.levels.not_applicable is not None

    @property
    def label_is_not_met(self) -> bool:
        """Whether the level descriptions call a bare label ('neglect') not met; elsewhere a label is a
        mention, present but not specific."""
        return "label" in self.levels.not_met.lower()

    @property
    def met_needs(self) -> int:
        return len(self.look_for) if self.met_min_found is None else self.met_min_found


class Points(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    met: float = 1.0
    partly_met: float = 0.5
    not_met: float = 0.0


class Rubric(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    agency: str
    version: str = Field(min_length=1)
    title: str = Field(min_length=1)
    sources: tuple[str, ...] = ()
    points: Points = Points()
    placeholders: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    not_applicable_phrases: tuple[str, ...] = ()
    criteria: tuple[Criterion, ...] = Field(min_length=1)

    _check = field_validator("not_applicable_phrases")(_check_patterns)

    @model_validator(mode="after")
    def _unique_ids(self) -> "Rubric":
        ids = [c.id for c in self.criteria]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"criteria: duplicate criterion ids {', '.join(duplicates)}")
        return self

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    @property
    def label(self) -> str:
        return f"{self.id}@{self.version}"


def load_rubric(path: Path, agency: AgencyDefinition | None = None) -> Rubric:
    """Read and validate one rubric file; with the agency, also check every section id it names."""
    rubric = validate(Rubric, read_toml(path, RubricFileError), path, RubricFileError)
    if rubric.id != path.stem:
        raise RubricFileError(f"{path.name}: id: '{rubric.id}' must match the file name '{path.stem}'")
    if agency is not None:
        check_sections(rubric, agency, path.name)
    return rubric


def check_sections(rubric: Rubric, agency: AgencyDefinition, file_name: str) -> None:
    """Every section a criterion looks in must be a section of the rubric's agency."""
    if agency.id != rubric.agency:
        raise RubricFileError(f"{file_name}: agency: '{rubric.agency}' is not the agency '{agency.id}'")
    known = {s.id for s in agency.sections}
    for i, criterion in enumerate(rubric.criteria):
        unknown = [s for s in criterion.sections if s not in known]
        if unknown:
            raise RubricFileError(
                f"{file_name}: criteria[{i}].sections: {', '.join(unknown)} not a section of agency '{agency.id}'"
            )


def rubric_path(agencies_dir: Path, rubric_id: str) -> Path:
    if not SLUG.match(rubric_id):
        raise RubricFileError(f"{rubric_id!r}: not a rubric id")
    return agencies_dir / "rubrics" / f"{rubric_id}.toml"
