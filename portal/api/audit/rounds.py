"""An audit round: its rubric, sampled items, agreement and results."""

import asyncio
from datetime import date, datetime

import strawberry
from sqlalchemy import func, select

from portal import access
from portal.api.audit.export import AuditExportType, round_export
from portal.api.audit.results import AuditGroupingEnum, AuditSummaryType, AwaitingModerationType, CriterionAgreementType, Top, bounded_top
from portal.api.audit.types import AuditCriterionType, AuditItemType
from portal.api.context import Info
from portal.api.pagination import Connection, page
from portal.api.people.types import PersonType
from portal.audit import services
from portal.audit.models import AuditItem, AuditorLevel, AuditRound
from portal.ids import parse_id


async def _prefetch(info: Info, items: list[AuditItem]) -> None:
    """Load what a page of items shows in one batch per relationship, so every item's fields read from
    the loaders' caches and the page costs the same SQL however long it is."""
    loaders = info.context.loaders
    contributions = await loaders.contribution.load_many([i.contribution_id for i in items])
    conference_ids = [c.conference_id for c in contributions]
    contribution_ids = [c.id for c in contributions]
    item_ids = [i.id for i in items]
    await asyncio.gather(
        loaders.conference.load_many(conference_ids),
        loaders.invitation.load_many([c.invitation_id for c in contributions]),
        loaders.person.load_many([c.author_id for c in contributions]),
        loaders.organisation.load_many(sorted({i.organisation_id for i in items} | {c.organisation_id for c in contributions})),
        loaders.local_authority.load_many(sorted({i.la_id for i in items})),
        loaders.children_by_conference.load_many(conference_ids),
        loaders.versions_by_contribution.load_many(contribution_ids),
        loaders.withholdings_by_contribution.load_many(contribution_ids),
        loaders.audit.auditor_levels_by_item.load_many(item_ids),
        loaders.audit.decisions_by_item.load_many(item_ids),
    )


@strawberry.type(name="AuditRound")
@access.fields({
    "audit.read": ("id", "name", "rubric_id", "rubric_version", "period_start", "period_end", "seed", "per_council", "fraction", "created_at", "created_by", "criteria", "item_count", "levelled_item_count", "items", "item", "agreement", "awaiting_moderation", "results", "export"),
})
class AuditRoundType:
    id: strawberry.ID
    name: str
    rubric_id: str
    rubric_version: str
    period_start: date
    period_end: date
    seed: int
    per_council: int | None
    fraction: float | None
    created_at: datetime

    @strawberry.field
    async def created_by(self, root: strawberry.Parent[AuditRound], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.created_by_id)

    @strawberry.field(description="The rubric's criteria, in order.")
    def criteria(self, root: strawberry.Parent[AuditRound], info: Info) -> list[AuditCriterionType]:
        rubric = services.rubric_of(root, info.context.settings.agencies_dir)
        return [AuditCriterionType(
            id=c.id, title=c.title, description=c.description, how_judged=c.how_judged, weight=c.weight, allows_not_applicable=c.allows_not_applicable,
        ) for c in rubric.criteria]

    @strawberry.field
    async def item_count(self, root: strawberry.Parent[AuditRound], info: Info) -> int:
        rows = await info.context.reader.scalars(
            select(func.count()).select_from(AuditItem).where(AuditItem.round_id == root.id, access.audited_item_scope())
        )
        return rows[0]

    @strawberry.field(description="Items for which at least one auditor has recorded a level.")
    async def levelled_item_count(self, root: strawberry.Parent[AuditRound], info: Info) -> int:
        levelled = select(AuditorLevel.item_id).distinct().join(AuditItem, AuditItem.id == AuditorLevel.item_id).where(
            AuditItem.round_id == root.id, access.audited_item_scope()
        )
        rows = await info.context.reader.scalars(select(func.count()).select_from(levelled.subquery()))
        return rows[0]

    @strawberry.field(description="The sampled contributions, by council then contribution.")
    async def items(
        self, root: strawberry.Parent[AuditRound], info: Info, first: int | None = None, after: str | None = None, council_id: strawberry.ID | None = None
    ) -> Connection[AuditItemType]:
        statement = select(AuditItem).where(AuditItem.round_id == root.id, access.audited_item_scope())
        if council_id is not None:
            statement = statement.where(AuditItem.la_id == (parse_id(council_id) or -1))
        found = await page(info, statement.order_by(AuditItem.la_id, AuditItem.contribution_id), first, after)
        info.context.loaders.audit.round.prime(root.id, root)
        await _prefetch(info, found.nodes)
        return found

    @strawberry.field(description="One sampled contribution of the round, or null.")
    async def item(self, root: strawberry.Parent[AuditRound], info: Info, id: strawberry.ID) -> AuditItemType | None:
        number = parse_id(id)
        if number is None:
            return None
        rows = await info.context.reader.scalars(select(AuditItem).where(AuditItem.id == number, AuditItem.round_id == root.id, access.audited_item_scope()))
        info.context.loaders.audit.round.prime(root.id, root)
        await _prefetch(info, list(rows))
        return rows[0] if rows else None

    @strawberry.field(description="Scorer against the settled human level, per criterion: percentage agreement, Cohen's kappa and the disagreements to read.")
    async def agreement(self, root: strawberry.Parent[AuditRound], info: Info) -> list[CriterionAgreementType]:
        async with info.context.reader.lock:
            found = await services.round_agreement(info.context.session, root.id)
        return [CriterionAgreementType.of(a, found.item_by_contribution) for a in found.criteria.values()]

    @strawberry.field(description="Criteria where auditors disagree and the moderator has not yet decided.")
    async def awaiting_moderation(self, root: strawberry.Parent[AuditRound], info: Info) -> list[AwaitingModerationType]:
        async with info.context.reader.lock:
            found = await services.round_agreement(info.context.session, root.id)
        return [
            AwaitingModerationType(item_id=strawberry.ID(str(found.item_by_contribution[c])), criterion_id=k)
            for c, k in found.settlement.awaiting_moderator
        ]

    @strawberry.field(description="The scorer's results grouped by council, GP practice, quarter or month, or the whole round as one group.")
    async def results(
        self, root: strawberry.Parent[AuditRound], info: Info, group_by: AuditGroupingEnum, top: Top = 3,  # type: ignore[valid-type]
    ) -> list[AuditSummaryType]:
        async with info.context.reader.lock:
            found = await services.results(info.context.session, [root.id], [group_by], top=bounded_top(top))
        return [AuditSummaryType.of(s) for s in found[group_by]]

    @strawberry.field(
        description="Every item's stored result, a row per contribution and criterion and a score per contribution, as the "
        "CSV and XLSX exports hold them: pseudonymised where you read the council's contributions pseudonymised."
    )
    async def export(self, root: strawberry.Parent[AuditRound], info: Info) -> AuditExportType:
        return await round_export(info, root)
