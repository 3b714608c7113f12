"""Audit rounds and results over rounds, for auditors only."""


import strawberry
from sqlalchemy import select

from portal import access
from portal.api.audit.results import AuditGroupingEnum, AuditSummaryType
from portal.api.audit.rounds import AuditRoundType
from portal.api.common import number
from portal.api.context import Info
from portal.api.pagination import Connection, connection, paged, window
from portal.audit import services
from portal.audit.models import AuditRound


@strawberry.type
class AuditQuery:
    @strawberry.field(description="Audit rounds in your region, newest first (auditors only).")
    async def audit_rounds(self, info: Info, first: int | None = None, after: str | None = None) -> Connection[AuditRoundType]:
        offset, size = window(info, first, after)
        statement = select(AuditRound).where(access.audit_round_scope(info.context.actor)).order_by(AuditRound.created_at.desc(), AuditRound.id.desc())
        rows = await info.context.reader.scalars(paged(statement, offset, size))
        return connection(rows, offset, size)

    @strawberry.field
    async def audit_round(self, info: Info, id: strawberry.ID) -> AuditRoundType | None:
        found = number(id)
        if found is None:
            return None
        rows = await info.context.reader.scalars(select(AuditRound).where(AuditRound.id == found, access.audit_round_scope(info.context.actor)))
        return rows[0] if rows else None

    @strawberry.field(description="Results over every audit round in your region for a rubric; a contribution counts once, from its latest round.")
    async def audit_results(self, info: Info, group_by: AuditGroupingEnum, rubric_id: str = "gp") -> list[AuditSummaryType]:  # type: ignore[valid-type]
        actor = info.context.actor
        if not access.is_auditor(actor):
            return []
        rounds = select(AuditRound.id).where(access.audit_round_scope(actor), AuditRound.rubric_id == rubric_id)
        async with info.context.reader.lock:
            found = await services.results(info.context.session, rounds, [group_by])
        return [AuditSummaryType.of(s) for s in found[group_by]]
