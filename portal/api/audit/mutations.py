"""Creating a round, recording auditors' levels and moderating."""

from datetime import date

import strawberry

from portal import access
from portal.api.audit.rounds import AuditRoundType
from portal.api.audit.types import AuditItemType, AuditLevelEnum
from portal.api.common import UserError, write
from portal.api.context import Info
from portal.audit import services
from portal.audit.results import Level


@strawberry.input
class CreateAuditRoundInput:
    name: str
    period_start: date
    period_end: date
    rubric_id: str = "gp"
    per_council: int | None = strawberry.field(default=None, description="How many contributions to draw from each council.")
    fraction: float | None = strawberry.field(default=None, description="Or the share of each council's contributions, rounded up.")
    seed: int | None = strawberry.field(default=None, description="Give a seed to reproduce a sample; one is chosen and recorded otherwise.")


@strawberry.input
class CriterionLevelInput:
    criterion_id: str
    level: AuditLevelEnum  # type: ignore[valid-type]
    note: str = ""


@strawberry.input
class RecordAuditorLevelsInput:
    item_id: strawberry.ID
    levels: list[CriterionLevelInput]


@strawberry.input
class ModerateInput:
    item_id: strawberry.ID
    levels: list[CriterionLevelInput]


@strawberry.type
@access.fields({"audit.read": ("audit_round",), access.PUBLIC: ("errors",)})
class AuditRoundPayload:
    audit_round: AuditRoundType | None
    errors: list[UserError]


@strawberry.type
@access.fields({"audit.item.read": ("item",), access.PUBLIC: ("errors",)})
class AuditItemPayload:
    item: AuditItemType | None
    errors: list[UserError]


def _entries(levels: list[CriterionLevelInput]) -> list[services.LevelEntry]:
    return [services.LevelEntry(entry.criterion_id, Level(entry.level), entry.note) for entry in levels]


@strawberry.type
class AuditMutation:
    @strawberry.mutation(description="Draw a reproducible sample, stratified by council, of shared GP contributions to ICPCs in the period, and score it.")
    async def create_audit_round(self, info: Info, input: CreateAuditRoundInput) -> AuditRoundPayload:
        new = services.NewRound(
            name=input.name, period_start=input.period_start, period_end=input.period_end, rubric_id=input.rubric_id,
            per_council=input.per_council, fraction=input.fraction, seed=input.seed,
        )
        settings = info.context.settings
        return await write(info, AuditRoundPayload, lambda s, a: services.create_round(s, a, info.context.agencies, settings.agencies_dir, new))

    @strawberry.mutation(description="Record your own level for criteria of one sampled contribution; recording again replaces your earlier level.")
    async def record_auditor_levels(self, info: Info, input: RecordAuditorLevelsInput) -> AuditItemPayload:
        entries = _entries(input.levels)
        return await write(
            info, AuditItemPayload, lambda s, a: services.record_levels(s, a, info.context.settings.agencies_dir, input.item_id, entries)
        )

    @strawberry.mutation(description="Settle criteria of one sampled contribution: the moderator's level stands over the auditors'.")
    async def moderate(self, info: Info, input: ModerateInput) -> AuditItemPayload:
        entries = _entries(input.levels)
        return await write(
            info, AuditItemPayload, lambda s, a: services.moderate(s, a, info.context.settings.agencies_dir, input.item_id, entries)
        )

