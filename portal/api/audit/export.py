"""A round's stored results as the CSV and XLSX exports hold them (fields named for their columns),
for the export routes' query."""

import strawberry

from portal import access
from portal.api.context import Info
from portal.audit import services
from portal.audit.export import CRITERION_COLUMNS, SUMMARY_COLUMNS, criterion_rows, summary_rows
from portal.audit.models import AuditRound


@strawberry.type(name="AuditExportScore")
@access.fields({"audit.read": ("contribution_id", "contribution_version", "rubric", "rubric_version", "score", "late", "never_shared")})
class AuditExportScoreType:
    contribution_id: str
    contribution_version: int
    rubric: str
    rubric_version: str
    score: float | None
    late: bool | None
    never_shared: bool


@strawberry.type(name="AuditExportCriterion")
@access.fields({
    "audit.read": ("contribution_id", "contribution_version", "rubric", "rubric_version", "criterion", "level", "reason", "section", "evidence"),
})
class AuditExportCriterionType:
    contribution_id: str
    contribution_version: int
    rubric: str
    rubric_version: str
    criterion: str
    level: str
    reason: str
    section: str
    evidence: str


@strawberry.type(name="AuditExport")
@access.fields({"audit.read": ("scores", "criteria")})
class AuditExportType:
    scores: list[AuditExportScoreType]
    criteria: list[AuditExportCriterionType]


async def round_export(info: Info, audit_round: AuditRound) -> AuditExportType:
    context = info.context
    async with context.reader.lock:
        results, children = await services.export_results(context.session, context.actor, audit_round)
    context.reader.children_seen.update(children)
    context.reader.contributions_seen.update(int(r.contribution_id) for r in results)  # evidence quotes their text
    return AuditExportType(
        scores=[AuditExportScoreType(**dict(zip(SUMMARY_COLUMNS, row))) for row in summary_rows(results)],  # type: ignore[arg-type]
        criteria=[AuditExportCriterionType(**dict(zip(CRITERION_COLUMNS, row))) for row in criterion_rows(results)],  # type: ignore[arg-type]
    )
