"""What the scorer returns: a level, evidence and reason per criterion, and a weighted score."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Level(StrEnum):
    MET = "MET"
    PARTLY_MET = "PARTLY_MET"
    NOT_MET = "NOT_MET"
    NOT_APPLICABLE = "NOT_APPLICABLE"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quoted span and where it came from: a section id, or a contribution field for timestamps and scales."""

    quote: str
    section_id: str | None = None
    field: str | None = None


@dataclass(frozen=True, slots=True)
class CriterionResult:
    criterion_id: str
    level: Level
    reason: str
    evidence: tuple[Evidence, ...] = ()
    advice: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScoreResult:
    contribution_id: str
    contribution_version: int
    rubric_id: str
    rubric_version: str
    criteria: tuple[CriterionResult, ...]
    score: float | None
    late: bool | None
    never_shared: bool

    def __getitem__(self, criterion_id: str) -> CriterionResult:
        for result in self.criteria:
            if result.criterion_id == criterion_id:
                return result
        raise KeyError(criterion_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "contributionId": self.contribution_id,
            "contributionVersion": self.contribution_version,
            "rubric": self.rubric_id,
            "rubricVersion": self.rubric_version,
            "score": self.score,
            "late": self.late,
            "neverShared": self.never_shared,
            "criteria": [
                {
                    "id": c.criterion_id,
                    "level": c.level.value,
                    "reason": c.reason,
                    "evidence": [{"quote": e.quote, "sectionId": e.section_id, "field": e.field} for e in c.evidence],
                    "advice": list(c.advice),
                }
                for c in self.criteria
            ],
        }


@dataclass(frozen=True, slots=True)
class Advice:
    """Drafting feedback for the author: never a block on submitting."""

    criterion_id: str
    section_id: str | None
    message: str
    suggestions: tuple[str, ...] = ()
