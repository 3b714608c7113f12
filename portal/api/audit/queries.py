"""Audit rounds and results over rounds, for auditors only."""


import strawberry
from sqlalchemy import select

from portal import access
from portal.api.audit.results import AuditGroupingEnum, AuditSummaryType, Top, bounded_top
from portal.api.audit.rounds import AuditRoundType
from portal.api.common import by_client_id
from portal.api.context import Info
from portal.api.pagination import Connection, page
from portal.audit import services
from portal.audit.models import AuditRound


@strawberry.type
class AuditQuery:
    @strawberry.field(description="Audit rounds in your region, newest first (auditors only).")
    async def audit_rounds(self, info: Info, first: int | None = None, after: str | None = None) -> Connection[AuditRoundType]:
        statement = select(AuditRound).where(access.scope(info.context.actor, "audit.read")).order_by(AuditRound.created_at.desc(), AuditRound.id.desc())
        return await page(info, statement, first, after)

    @strawberry.field
    async def audit_round(self, info: Info, id: strawberry.ID) -> AuditRoundType | None:
        return await by_client_id(
            info, id, lambda found: select(AuditRound).where(AuditRound.id == found, access.scope(info.context.actor, "audit.read"))
        )

    @strawberry.field(description="Results over every audit round in your region for a rubric; a contribution counts once, from its latest round.")
    async def audit_results(
        self, info: Info, group_by: AuditGroupingEnum, rubric_id: str = "gp", top: Top = 3,  # type: ignore[valid-type]
    ) -> list[AuditSummaryType]:
        rounds = select(AuditRound.id).where(access.scope(info.context.actor, "audit.read"), AuditRound.rubric_id == rubric_id)
        async with info.context.reader.lock:
            found = await services.results(info.context.session, rounds, [group_by], top=bounded_top(top))
        return [AuditSummaryType.of(s) for s in found[group_by]]
