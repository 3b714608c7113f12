"""A sampled contribution as audited: its text (pseudonymised for other councils' auditors), the scorer's
levels with evidence, auditors' levels and the moderator's decisions.

Auditors see audit data only (see portal.access): a sampled contribution is shown in full to the
regional lead and its own council's auditors, pseudonymised to auditors from other councils.
"""

from datetime import date, datetime

import strawberry

from portal import access
from portal.api.common import Markdown
from portal.api.context import Info
from portal.api.people.types import LocalAuthorityType, OrganisationType, PersonType
from portal.audit import services
from portal.audit.models import AuditItem, AuditorLevel, ModeratorDecision
from portal.audit.moderation import settle
from portal.audit.pseudonymise import Pseudonymiser, role_labels
from portal.audit.results import Level
from portal.audit.rows import known_people
from portal.audit.stored import stored_criteria
from portal.contributions.models import Contribution

AuditLevelEnum = strawberry.enum(Level, name="AuditLevel")


async def _pseudonymiser(info: Info, item: AuditItem) -> Pseudonymiser | None:
    """None when the actor reads this item in full; otherwise built from the case's children, the
    people around them, the region's organisations and the author."""
    if access.allowed(info.context.actor, "audit.read_in_full", item.la_id):
        return None
    loaders = info.context.loaders
    contribution = await loaders.contribution.load(item.contribution_id)
    children = await loaders.children_by_conference.load(contribution.conference_id)
    relatives = await loaders.case_people_by_conference.load(contribution.conference_id)
    author = await loaders.person.load(contribution.author_id)
    protected = await loaders.audit.protected.load(info.context.actor.region_id)
    return Pseudonymiser(known_people(children, relatives), protected, author.name)


def _text(pseudonymiser: Pseudonymiser | None, text: str) -> str:
    return text if pseudonymiser is None else pseudonymiser.text(text)


async def _visible(info: Info, contribution: Contribution) -> access.VisibleSections:
    loaders = info.context.loaders
    conference = await loaders.conference.load(contribution.conference_id)
    requests = await loaders.withholdings_by_contribution.load(contribution.id)
    return access.visible_sections(info.context.actor, contribution, access.Purpose.AUDIT, requests, conference.chair_id)



@strawberry.type(name="AuditCriterion")
@access.fields({access.PUBLIC: ("id", "title", "description", "how_judged", "weight", "allows_not_applicable")})
class AuditCriterionType:
    id: str
    title: str
    description: str
    how_judged: str
    weight: float
    allows_not_applicable: bool


@strawberry.type(name="AuditEvidence")
@access.fields({"audit.item.read": ("quote", "section_id", "field")})
class AuditEvidenceType:
    quote: str
    section_id: str | None
    field: str | None


@strawberry.type(name="AuditorLevelEntry")
@access.fields({"audit.item.read": ("level", "note", "recorded_at", "auditor")})
class AuditorLevelEntryType:
    level: AuditLevelEnum  # type: ignore[valid-type]
    note: str
    recorded_at: datetime

    @strawberry.field
    async def auditor(self, root: strawberry.Parent[AuditorLevel], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.auditor_id)


@strawberry.type(name="ModeratorDecision")
@access.fields({"audit.item.read": ("level", "note", "decided_at", "moderator")})
class ModeratorDecisionType:
    level: AuditLevelEnum  # type: ignore[valid-type]
    note: str
    decided_at: datetime

    @strawberry.field
    async def moderator(self, root: strawberry.Parent[ModeratorDecision], info: Info) -> PersonType | None:
        return await info.context.loaders.person.load(root.moderator_id)


@strawberry.type(name="AuditCriterionResult")
@access.fields({
    "audit.item.read": ("criterion_id", "title", "level", "reason", "evidence", "auditor_levels", "moderator_decision", "settled_level"),
})
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
@access.fields({"audit.item.read": ("id", "title", "text")})
class AuditSectionType:
    id: str
    title: str
    text: Markdown


@strawberry.type(name="AuditChild")
@access.fields({"audit.item.read": ("label", "date_of_birth", "safety_scale")})
class AuditChildType:
    label: str = strawberry.field(description="The child's name, or 'child 1', 'child 2'… when pseudonymised.")
    date_of_birth: date | None
    safety_scale: int | None


@strawberry.type(name="AuditedContribution")
@access.fields({
    "audit.item.read": ("id", "status", "version", "submitted_at", "shared_with_family_on", "report_due_at", "conference_kind", "conference_scheduled_at", "author_name", "sections", "children"),
})
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
@access.fields({
    "audit.item.read": ("id", "contribution_id", "contribution_version", "score", "late", "never_shared", "pseudonymised", "council", "practice", "contribution", "criteria"),
})
class AuditItemType:
    id: strawberry.ID
    contribution_id: strawberry.ID
    contribution_version: int
    score: float | None
    late: bool | None
    never_shared: bool

    @strawberry.field(description="True when shown to an auditor from another council: the names of the child and the people around them, other names, dates of birth, NHS numbers, addresses, phone numbers and emails replaced.")
    def pseudonymised(self, root: strawberry.Parent[AuditItem], info: Info) -> bool:
        return not access.allowed(info.context.actor, "audit.read_in_full", root.la_id)

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
        visible = await _visible(info, contribution)
        scored = next((v for v in versions if v.number == root.contribution_version), contribution)
        pseudonymiser = await _pseudonymiser(info, root)
        agency = info.context.agencies[organisation.agency_id]
        labels = (
            [f"{c.given_name} {c.family_name}" for c in children]
            if pseudonymiser is None
            else role_labels(["CHILD"] * len(children))
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
                AuditSectionType(id=s.id, title=s.title, text=Markdown(text=_text(pseudonymiser, scored.sections[s.id]), contribution_id=contribution.id))
                for s in agency.sections
                if scored.sections.get(s.id) and s.id in visible
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
        visible = await _visible(info, await info.context.loaders.contribution.load(root.contribution_id))
        titles = {c.id: c.title for c in services.rubric_of(audit_round, info.context.settings.agencies_dir).criteria}
        info.context.reader.contributions_seen.add(root.contribution_id)  # evidence quotes its text
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
            for c in stored_criteria(root, lambda text: _text(pseudonymiser, text), visible)
        ]
