"""The scorer's result as an audit item stores it, and back.

An item keeps the level per criterion apart (`levels`, all that agreement and the results per council
read) from the reasons and evidence (`findings`, in rubric order, read when one item is shown or exported)."""

from collections.abc import Callable
from typing import Any

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


def stored_criteria(item: AuditItem, quote: Callable[[str], str] = str) -> tuple[CriterionResult, ...]:
    """The stored results per criterion; `quote` rewrites reasons and evidence (pseudonymisation)."""
    return tuple(
        CriterionResult(
            f["criterionId"],
            Level(item.levels[f["criterionId"]]),
            quote(f["reason"]),
            tuple(Evidence(quote(e["quote"] or ""), e.get("sectionId"), e.get("field")) for e in f["evidence"]),
        )
        for f in item.findings
    )


def stored_result(item: AuditItem, audit_round: AuditRound, quote: Callable[[str], str] = str) -> ScoreResult:
    """A stored item as the pure code's ScoreResult."""
    return ScoreResult(
        contribution_id=str(item.contribution_id),
        contribution_version=item.contribution_version,
        rubric_id=audit_round.rubric_id,
        rubric_version=audit_round.rubric_version,
        criteria=stored_criteria(item, quote),
        score=item.score,
        late=item.late,
        never_shared=item.never_shared,
    )
