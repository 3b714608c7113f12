"""The scorer's result as an audit item stores it, and back.

An item keeps the level per criterion apart (`levels`, all that agreement and the results per council
read) from the reasons and evidence (`findings`, in rubric order, read when one item is shown or exported)."""

from collections.abc import Callable, Container
from typing import Any

from portal.access.redaction import EVERY_SECTION
from portal.audit.models import AuditItem, AuditRound
from portal.audit.results import CriterionResult, Evidence, Level, ScoreResult


def levels_of(result: ScoreResult) -> dict[str, str]:
    return {c.criterion_id: c.level.value for c in result.criteria}


def findings_of(result: ScoreResult) -> list[dict[str, Any]]:
    return [
        {
            "criterionId": c.criterion_id,
            "reason": c.reason,
            "evidence": [{"quote": e.quote, "sectionId": e.section_id, "field": e.field} for e in c.evidence],
        }
        for c in result.criteria
    ]


NOT_QUOTED = "scored in part on a section withheld from the family, which is not quoted"


def _criterion(finding: dict[str, Any], level: str, quote: Callable[[str], str], shown: Container[str | None]) -> CriterionResult:
    evidence = finding["evidence"]
    return CriterionResult(
        finding["criterionId"],
        Level(level),
        quote(finding["reason"]) if all(e.get("sectionId") in shown for e in evidence) else NOT_QUOTED,
        tuple(Evidence(quote(e["quote"] or "") if e.get("sectionId") in shown else "", e.get("sectionId"), e.get("field")) for e in evidence),
    )


def stored_criteria(item: AuditItem, quote: Callable[[str], str] = str, shown: Container[str | None] = EVERY_SECTION) -> tuple[CriterionResult, ...]:
    """The stored results per criterion; `quote` rewrites reasons and evidence (pseudonymisation), and
    nothing is quoted from a section not `shown` (see portal.access.redaction)."""
    return tuple(_criterion(f, item.levels[f["criterionId"]], quote, shown) for f in item.findings)


def stored_result(
    item: AuditItem, audit_round: AuditRound, quote: Callable[[str], str] = str, shown: Container[str | None] = EVERY_SECTION
) -> ScoreResult:
    """A stored item as the pure code's ScoreResult."""
    return ScoreResult(
        contribution_id=str(item.contribution_id),
        contribution_version=item.contribution_version,
        rubric_id=audit_round.rubric_id,
        rubric_version=audit_round.rubric_version,
        criteria=stored_criteria(item, quote, shown),
        score=item.score,
        late=item.late,
        never_shared=item.never_shared,
    )
