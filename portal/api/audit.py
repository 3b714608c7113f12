"""The regional audit in the API: rounds, their sampled contributions with the scorer's evidence,
auditors' levels, moderation, agreement and results; and drafting feedback on a contribution.

Auditors see audit data only (see portal.access): a sampled contribution is shown in full to the
regional lead and its own council's auditors, pseudonymised to auditors from other councils.
"""

import asyncio
from datetime import date, datetime
from enum import StrEnum

import strawberry
from sqlalchemy import func, select

from portal import access
from portal.api.context import Info, in_transaction
from portal.api.pagination import PageError, connection, page_window, paged
from portal.api.types import Connection, LocalAuthorityType, Markdown, OrganisationType, PersonType, UserError
from portal.audit import services
from portal.audit.aggregate import Summary
from portal.audit.agreement import CriterionAgreement
from portal.audit.models import AuditItem, AuditorLevel, AuditRound, ModeratorDecision
from portal.audit.moderation import settle
from portal.audit.pseudonymise import Person as CasePerson
from portal.audit.pseudonymise import Pseudonymiser
from portal.audit.results import Level
from portal.audit.rows import has_rubric, plain_children, plain_contribution, scorer_for
from portal.audit.stored import stored_criteria
from portal.contributions.models import Contribution
from portal.errors import Problem

AuditLevelEnum = strawberry.enum(Level, name="AuditLevel")


class AuditGrouping(StrEnum):
    COUNCIL = "COUNCIL"
    PRACTICE = "PRACTICE"
    QUARTER = "QUARTER"
    MONTH = "MONTH"


AuditGroupingEnum = strawberry.enum(AuditGrouping, name="AuditGrouping")


# --- pseudonymisation per item ------------------------------------------------------------

async def _pseudonymiser(info: Info, item: AuditItem) -> Pseudonymiser | None:
    """None when the actor reads this item in full; otherwise built from the case's children records."""
    if access.sees_audited_in_full(info.context.actor, item.la_id):
        return None
    contribution = await info.context.loaders.contribution.load(item.contribution_id)
    children = await info.context.loaders.children_by_conference.load(contribution.conference_id)
    return Pseudonymiser(CasePerson(f"{c.given_name} {c.family_name}", True, c.date_of_birth) for c in children)


def _text(pseudonymiser: Pseudonymiser | None, text: str) -> str:
    return text if pseudonymiser is None else pseudonymiser.text(text)


# --- read types ------------------------------------------------------------------------------

@strawberry.type(name="AuditCriterion")
class AuditCriterionType:
    id: str
    title: str
    description: str
    how_judged: str
    weight: float


@strawberry.type(name="AuditEvidence")
class AuditEvidenceType:
    quote: str
    section_id: str | None
    field: str | None


@strawberry.type(name="AuditorLevelEntry")
class AuditorLevelEntryType:
    level: AuditLevelEnum  # type: ignore[valid-type]
    note: str
    recorded_at: datetime

    @strawberry.field
    async def auditor(self, root: strawberry.Parent[AuditorLevel], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.auditor_id)


@strawberry.type(name="ModeratorDecision")
class ModeratorDecisionType:
    level: AuditLevelEnum  # type: ignore[valid-type]
    note: str
    decided_at: datetime

    @strawberry.field
    async def moderator(self, root: strawberry.Parent[ModeratorDecision], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.moderator_id)


@strawberry.type(name="AuditCriterionResult")
class AuditCriterionResultType:
    criterion_id: str
    title: str
    level: AuditLevelEnum = strawberry.field(description="The scorer's level.")  # type: ignore[valid-type]
    reason: str
    evidence: list[AuditEvidenceType]
    auditor_levels: list[AuditorLevelEntryType]
    moderator_decision: ModeratorDecisionType | None
    settled_level: AuditLevelEnum | None = strawberry.field(  # type: ignore[valid-type]
        description="The human level: the moderator's, or the auditors' where they all agree; null while awaiting moderation."
    )


@strawberry.type(name="AuditSection")
class AuditSectionType:
    id: str
    title: str
    text: Markdown


@strawberry.type(name="AuditChild")
class AuditChildType:
    label: str = strawberry.field(description="The child's name, or 'Child A', 'Child B'… when pseudonymised.")
    date_of_birth: date | None
    safety_scale: int | None


@strawberry.type(name="AuditedContribution")
class AuditedContributionType:
    """The sampled contribution as audited: its text and timestamps, not the rest of the case."""

    id: strawberry.ID
    status: str
    version: int
    submitted_at: datetime | None
    shared_with_family_on: date | None
    report_due_at: datetime | None
    conference_kind: str
    conference_scheduled_at: datetime | None
    author_name: str
    sections: list[AuditSectionType]
    children: list[AuditChildType]


@strawberry.type(name="AuditItem")
class AuditItemType:
    id: strawberry.ID
    contribution_id: strawberry.ID
    contribution_version: int
    score: float | None
    late: bool | None
    never_shared: bool

    @strawberry.field(description="True when shown to an auditor from another council: names, dates of birth, NHS numbers and addresses replaced.")
    def pseudonymised(self, root: strawberry.Parent[AuditItem], info: Info) -> bool:
        return not access.sees_audited_in_full(info.context.actor, root.la_id)

    @strawberry.field
    async def council(self, root: strawberry.Parent[AuditItem], info: Info) -> LocalAuthorityType:
        return await info.context.loaders.local_authority.load(root.la_id)

    @strawberry.field
    async def practice(self, root: strawberry.Parent[AuditItem], info: Info) -> OrganisationType:
        return await info.context.loaders.organisation.load(root.organisation_id)

    @strawberry.field
    async def contribution(self, root: strawberry.Parent[AuditItem], info: Info) -> AuditedContributionType:
        loaders = info.context.loaders
        contribution = await loaders.contribution.load(root.contribution_id)
        conference, invitation, author, organisation = (
            await loaders.conference.load(contribution.conference_id),
            await loaders.invitation.load(contribution.invitation_id),
            await loaders.person.load(contribution.author_id),
            await loaders.organisation.load(contribution.organisation_id),
        )
        children = await loaders.children_by_conference.load(contribution.conference_id)
        versions = await loaders.versions_by_contribution.load(contribution.id)
        withheld = access.withheld_sections(await loaders.withholdings_by_contribution.load(contribution.id))
        scored = next((v for v in versions if v.number == root.contribution_version), contribution)
        pseudonymiser = await _pseudonymiser(info, root)
        agency = info.context.agencies[organisation.agency_id]
        labels = (
            [f"{c.given_name} {c.family_name}" for c in children]
            if pseudonymiser is None
            else [f"Child {chr(ord('A') + n % 26)}" for n in range(len(children))]
        )
        return AuditedContributionType(
            id=strawberry.ID(str(contribution.id)),
            status=scored.status,
            version=root.contribution_version,
            submitted_at=contribution.submitted_at,
            shared_with_family_on=contribution.shared_with_family_on,
            report_due_at=invitation.report_due_at,
            conference_kind=conference.kind,
            conference_scheduled_at=conference.scheduled_at,
            author_name=author.name,
            sections=[
                AuditSectionType(id=s.id, title=s.title, text=Markdown(source=_text(pseudonymiser, scored.sections[s.id])))
                for s in agency.sections
                if scored.sections.get(s.id) and s.id not in withheld
            ],
            children=[
                AuditChildType(
                    label=label,
                    date_of_birth=c.date_of_birth if pseudonymiser is None else None,
                    safety_scale=scored.scales.get(str(c.id)),
                )
                for c, label in zip(children, labels, strict=True)
            ],
        )

    @strawberry.field(description="Per criterion: the scorer's level with its evidence and reason, the auditors' levels and the moderator's decision.")
    async def criteria(self, root: strawberry.Parent[AuditItem], info: Info) -> list[AuditCriterionResultType]:
        loaders = info.context.loaders.audit
        audit_round = await loaders.round.load(root.round_id)
        levels: list[AuditorLevel] = await loaders.auditor_levels_by_item.load(root.id)
        decisions = {d.criterion_id: d for d in await loaders.decisions_by_item.load(root.id)}
        pseudonymiser = await _pseudonymiser(info, root)
        titles = {c.id: c.title for c in services.rubric_of(audit_round, info.context.settings.agencies_dir).criteria}
        by_criterion: dict[str, list[AuditorLevel]] = {}
        for level in levels:
            by_criterion.setdefault(level.criterion_id, []).append(level)
        settled = settle(
            {("", c): [Level(x.level) for x in rows] for c, rows in by_criterion.items()},
            {("", c): Level(d.level) for c, d in decisions.items()},
        ).levels
        return [
            AuditCriterionResultType(
                criterion_id=c.criterion_id,
                title=titles.get(c.criterion_id, c.criterion_id),
                level=c.level,
                reason=c.reason,
                evidence=[AuditEvidenceType(quote=e.quote, section_id=e.section_id, field=e.field) for e in c.evidence],
                auditor_levels=by_criterion.get(c.criterion_id, []),  # type: ignore[arg-type]
                moderator_decision=decisions.get(c.criterion_id),  # type: ignore[arg-type]
                settled_level=settled.get(("", c.criterion_id)),
            )
            for c in stored_criteria(root, lambda text: _text(pseudonymiser, text))
        ]


@strawberry.type(name="AuditDisagreement")
class AuditDisagreementType:
    item_id: strawberry.ID
    contribution_id: strawberry.ID
    criterion_id: str
    scorer: AuditLevelEnum  # type: ignore[valid-type]
    auditor: AuditLevelEnum  # type: ignore[valid-type]


@strawberry.type(name="CriterionAgreement")
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
class AwaitingModerationType:
    item_id: strawberry.ID
    criterion_id: str


@strawberry.type(name="CriterionCount")
class CriterionCountType:
    criterion_id: str
    count: int


@strawberry.type(name="AuditSummary")
class AuditSummaryType:
    group: str
    contributions: int
    mean_score: float | None
    most_often_not_met: list[CriterionCountType]
    late: int
    never_shared: int

    @classmethod
    def of(cls, summary: Summary) -> "AuditSummaryType":
        return cls(
            group=summary.group, contributions=summary.contributions, mean_score=summary.mean_score,
            most_often_not_met=[CriterionCountType(criterion_id=c, count=n) for c, n in summary.most_often_not_met],
            late=summary.late, never_shared=summary.never_shared,
        )


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


def _window(info: Info, first: int | None, after: str | None) -> tuple[int, int]:
    try:
        return page_window(first, after, info.context.settings.page_size_max)
    except PageError as error:
        raise ValueError(str(error)) from None


@strawberry.type(name="AuditRound")
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
        return [AuditCriterionType(id=c.id, title=c.title, description=c.description, how_judged=c.how_judged, weight=c.weight) for c in rubric.criteria]

    @strawberry.field
    async def item_count(self, root: strawberry.Parent[AuditRound], info: Info) -> int:
        rows = await info.context.reader.scalars(select(func.count()).select_from(AuditItem).where(AuditItem.round_id == root.id))
        return rows[0]

    @strawberry.field(description="The sampled contributions, by council then contribution.")
    async def items(
        self, root: strawberry.Parent[AuditRound], info: Info, first: int | None = None, after: str | None = None, council_id: strawberry.ID | None = None
    ) -> Connection[AuditItemType]:
        offset, size = _window(info, first, after)
        statement = select(AuditItem).where(AuditItem.round_id == root.id)
        if council_id is not None:
            statement = statement.where(AuditItem.la_id == (int(council_id) if str(council_id).isdigit() else -1))
        rows = await info.context.reader.scalars(paged(statement.order_by(AuditItem.la_id, AuditItem.contribution_id), offset, size))
        info.context.loaders.audit.round.prime(root.id, root)
        await _prefetch(info, rows[:size])
        return connection(rows, offset, size)

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

    @strawberry.field(description="The scorer's results grouped by council, GP practice, quarter or month.")
    async def results(self, root: strawberry.Parent[AuditRound], info: Info, group_by: AuditGroupingEnum) -> list[AuditSummaryType]:  # type: ignore[valid-type]
        async with info.context.reader.lock:
            found = await services.results(info.context.session, [root.id], [group_by])
        return [AuditSummaryType.of(s) for s in found[group_by]]


# --- feedback on a contribution ---------------------------------------------------------

@strawberry.type(name="DraftingAdvice")
class DraftingAdviceType:
    """The audit scorer's advice while drafting: never a block on submitting."""

    criterion_id: str
    section_id: str | None
    message: str
    suggestions: list[str]


async def contribution_feedback(info: Info, contribution: Contribution) -> list[DraftingAdviceType]:
    if not access.can_read_feedback(info.context.actor, contribution):
        return []
    loaders = info.context.loaders
    organisation = await loaders.organisation.load(contribution.organisation_id)
    agencies_dir = info.context.settings.agencies_dir
    if not has_rubric(agencies_dir, organisation.agency_id):
        return []
    conference, invitation, author = (
        await loaders.conference.load(contribution.conference_id),
        await loaders.invitation.load(contribution.invitation_id),
        await loaders.person.load(contribution.author_id),
    )
    la = await loaders.local_authority.load(conference.la_id)
    children = await loaders.children_by_conference.load(conference.id)
    plain = plain_contribution(
        agency=info.context.agencies[organisation.agency_id], contribution_id=contribution.id, status=contribution.status,
        version=contribution.version, sections=contribution.sections, scales=contribution.scales, submitted_at=contribution.submitted_at,
        shared_with_family_on=contribution.shared_with_family_on, organisation=(organisation.id, organisation.name, organisation.code),
        author=(author.id, author.name, author.job_title), invitation=(invitation.id, invitation.report_due_at, invitation.family_due_at),
        conference=(conference.id, conference.kind, conference.scheduled_at or invitation.report_due_at, la.slug),
        children=plain_children(children),
    )
    advice = scorer_for(agencies_dir, organisation.agency_id).feedback(plain)
    return [DraftingAdviceType(criterion_id=a.criterion_id, section_id=a.section_id, message=a.message, suggestions=list(a.suggestions)) for a in advice]


# --- root fields ------------------------------------------------------------------------------

@strawberry.type
class AuditQuery:
    @strawberry.field(description="Audit rounds in your region, newest first (auditors only).")
    async def audit_rounds(self, info: Info, first: int | None = None, after: str | None = None) -> Connection[AuditRoundType]:
        offset, size = _window(info, first, after)
        statement = select(AuditRound).where(access.audit_round_scope(info.context.actor)).order_by(AuditRound.created_at.desc(), AuditRound.id.desc())
        rows = await info.context.reader.scalars(paged(statement, offset, size))
        return connection(rows, offset, size)

    @strawberry.field
    async def audit_round(self, info: Info, id: strawberry.ID) -> AuditRoundType | None:
        number = int(id) if str(id).isdigit() else None
        if number is None:
            return None
        rows = await info.context.reader.scalars(select(AuditRound).where(AuditRound.id == number, access.audit_round_scope(info.context.actor)))
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


# --- mutations -----------------------------------------------------------------------------------

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
class AuditRoundPayload:
    audit_round: AuditRoundType | None
    errors: list[UserError]


@strawberry.type
class AuditItemPayload:
    item: AuditItemType | None
    errors: list[UserError]


def _errors(problems: tuple[Problem, ...]) -> list[UserError]:
    return [UserError.of(p) for p in problems]


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
        result, problems = await in_transaction(
            info.context, lambda s, a: services.create_round(s, a, info.context.agencies, settings.agencies_dir, new)
        )
        return AuditRoundPayload(audit_round=result, errors=_errors(problems))

    @strawberry.mutation(description="Record your own level for criteria of one sampled contribution; recording again replaces your earlier level.")
    async def record_auditor_levels(self, info: Info, input: RecordAuditorLevelsInput) -> AuditItemPayload:
        entries = _entries(input.levels)
        result, problems = await in_transaction(
            info.context, lambda s, a: services.record_levels(s, a, info.context.settings.agencies_dir, input.item_id, entries)
        )
        return AuditItemPayload(item=result, errors=_errors(problems))

    @strawberry.mutation(description="Settle criteria of one sampled contribution: the moderator's level stands over the auditors'.")
    async def moderate(self, info: Info, input: ModerateInput) -> AuditItemPayload:
        entries = _entries(input.levels)
        result, problems = await in_transaction(
            info.context, lambda s, a: services.moderate(s, a, info.context.settings.agencies_dir, input.item_id, entries)
        )
        return AuditItemPayload(item=result, errors=_errors(problems))


__all__ = ["AuditMutation", "AuditQuery", "DraftingAdviceType", "contribution_feedback"]
