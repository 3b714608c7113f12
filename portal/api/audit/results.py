"""How a round came out: agreement between scorer and auditors, and results grouped by council, practice or period."""

from enum import StrEnum
from typing import Annotated

import strawberry

from portal import access
from portal.api.audit.types import AuditLevelEnum
from portal.audit.aggregate import Summary
from portal.audit.agreement import CriterionAgreement


class AuditGrouping(StrEnum):
    COUNCIL = "COUNCIL"
    PRACTICE = "PRACTICE"
    QUARTER = "QUARTER"
    MONTH = "MONTH"
    ALL = "ALL"


AuditGroupingEnum = strawberry.enum(AuditGrouping, name="AuditGrouping")
MAX_TOP = 50
Top = Annotated[int, strawberry.argument(description=f"How many criteria most often not met to list, from 1 to {MAX_TOP}.")]


def bounded_top(top: int) -> int:
    """How many criteria most often not met a summary lists: `top`, taken as 1 to MAX_TOP. (Clamped
    rather than refused: an error raised in one root field lets the request end while its sibling
    fields are still reading.)"""
    return min(max(top, 1), MAX_TOP)


@strawberry.type(name="AuditDisagreement")
@access.fields({"audit.read": ("item_id", "contribution_id", "criterion_id", "scorer", "auditor")})
class AuditDisagreementType:
    item_id: strawberry.ID
    contribution_id: strawberry.ID
    criterion_id: str
    scorer: AuditLevelEnum  # type: ignore[valid-type]
    auditor: AuditLevelEnum  # type: ignore[valid-type]


@strawberry.type(name="CriterionAgreement")
@access.fields({"audit.read": ("criterion_id", "compared", "percent", "kappa", "disagreements")})
class CriterionAgreementType:
    criterion_id: str
    compared: int
    percent: float | None = strawberry.field(description="Percentage of compared contributions where scorer and settled human level agree.")
    kappa: float | None = strawberry.field(description="Cohen's kappa; null when undefined.")
    disagreements: list[AuditDisagreementType]

    @classmethod
    def of(cls, found: CriterionAgreement, items: dict[str, int]) -> "CriterionAgreementType":
        return cls(
            criterion_id=found.criterion_id, compared=found.compared, percent=found.percent, kappa=found.kappa,
            disagreements=[
                AuditDisagreementType(
                    item_id=strawberry.ID(str(items[d.contribution_id])), contribution_id=strawberry.ID(d.contribution_id),
                    criterion_id=d.criterion_id, scorer=d.scorer, auditor=d.auditor,
                )
                for d in found.disagreements
            ],
        )


@strawberry.type(name="AwaitingModeration")
@access.fields({"audit.read": ("item_id", "criterion_id")})
class AwaitingModerationType:
    item_id: strawberry.ID
    criterion_id: str


@strawberry.type(name="CriterionCount")
@access.fields({"audit.read": ("criterion_id", "count")})
class CriterionCountType:
    criterion_id: str
    count: int


@strawberry.type(name="AuditSummary")
@access.fields({"audit.read": ("group", "contributions", "mean_score", "most_often_not_met", "criteria_met", "criteria_applicable", "late", "never_shared")})
class AuditSummaryType:
    group: str
    contributions: int
    mean_score: float | None
    most_often_not_met: list[CriterionCountType]
    criteria_met: int = strawberry.field(description="Criteria the scorer found met, over the group's contributions.")
    criteria_applicable: int = strawberry.field(description="Criteria that applied (any level but not applicable), over the group's contributions.")
    late: int
    never_shared: int

    @classmethod
    def of(cls, summary: Summary) -> "AuditSummaryType":
        return cls(
            group=summary.group, contributions=summary.contributions, mean_score=summary.mean_score,
            most_often_not_met=[CriterionCountType(criterion_id=c, count=n) for c, n in summary.most_often_not_met],
            criteria_met=summary.criteria_met, criteria_applicable=summary.criteria_applicable,
            late=summary.late, never_shared=summary.never_shared,
        )
