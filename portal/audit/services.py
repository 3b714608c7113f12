"""Audit rounds in the database: draw and score the sample, record auditors' levels and moderators'
decisions, and read back agreement and results. The judging itself is the pure code in portal.audit."""

import json
import secrets
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.agencies import AgencyRegistry
from portal.audit.aggregate import Summary, month, quarter, summarise
from portal.audit.agreement import CriterionAgreement, agreement
from portal.audit.gcpause import gc_paused
from portal.audit.models import AuditItem, AuditorLevel, AuditRound, ModeratorDecision
from portal.audit.moderation import Settlement, settle
from portal.audit.pseudonymise import NOTHING_PROTECTED, Protected, Pseudonymiser
from portal.audit.results import CriterionResult, Level, ScoreResult
from portal.audit.rows import has_rubric, known_people, plain_children, plain_contribution, scorer_for
from portal.audit.rubric import Rubric
from portal.audit.sample import Candidate, draw_sample
from portal.audit.scorer import Scorer
from portal.audit.stored import findings_of, levels_of, stored_result
from portal.children.models import CasePerson, Child
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution, WithholdingRequest
from portal.enums import ConferenceKind, ContributionStatus
from portal.errors import DomainError, Problem, echo, not_found
from portal.identity import Actor
from portal.lookup import parse_id
from portal.people.models import LocalAuthority, Organisation, Person

LONDON = ZoneInfo("Europe/London")
AUDITED = (ContributionStatus.SUBMITTED, ContributionStatus.AMENDED)
CHUNK = 2000
MAX_NOTE = 2000
SEED_LIMIT = 2**31  # fits a GraphQL Int
JSON_COLUMNS = ("levels", "findings")


@dataclass(frozen=True)
class NewRound:
    name: str
    period_start: date
    period_end: date
    rubric_id: str = "gp"
    per_council: int | None = None
    fraction: float | None = None
    seed: int | None = None


@dataclass(frozen=True)
class LevelEntry:
    criterion_id: str
    level: Level
    note: str = ""


def _chunks(items: Sequence[Any], size: int = CHUNK) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _validate_round(new: NewRound, agencies_dir: Path) -> list[Problem]:
    path = ("input",)
    problems = []
    if not new.name.strip() or len(new.name) > 200:
        problems.append(Problem((*path, "name"), "Give the round a name of at most 200 characters."))
    if new.period_end < new.period_start:
        problems.append(Problem((*path, "periodEnd"), "The period must not end before it starts."))
    if (new.per_council is None) == (new.fraction is None):
        problems.append(Problem((*path, "perCouncil"), "Give either a sample size per council or a fraction, not both."))
    elif new.per_council is not None and not 1 <= new.per_council <= 10_000:
        problems.append(Problem((*path, "perCouncil"), "The sample size per council must be between 1 and 10,000."))
    elif new.fraction is not None and not 0 < new.fraction <= 1:
        problems.append(Problem((*path, "fraction"), "The fraction must be more than 0 and at most 1."))
    if new.seed is not None and not 0 <= new.seed < SEED_LIMIT:
        problems.append(Problem((*path, "seed"), f"The seed must be between 0 and {SEED_LIMIT - 1}."))
    if not has_rubric(agencies_dir, new.rubric_id):
        problems.append(Problem((*path, "rubricId"), f"There is no audit rubric '{echo(new.rubric_id)}'."))
    return problems


def _utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The period as whole days in England, from the start of `start` to the end of `end`."""
    return (
        datetime.combine(start, time(), LONDON).astimezone(UTC),
        datetime.combine(end + timedelta(days=1), time(), LONDON).astimezone(UTC),
    )


async def create_round(session: AsyncSession, actor: Actor, agencies: AgencyRegistry, agencies_dir: Path, new: NewRound) -> AuditRound:
    """Draw the round's stratified sample from the region's shared contributions to ICPCs in the period,
    record the seed, score every sampled contribution and store the results."""
    access.require(actor, "audit.round.create", path=("input",))
    if problems := _validate_round(new, agencies_dir):
        raise DomainError(*problems)
    scorer = scorer_for(agencies_dir, new.rubric_id)
    rubric = scorer.rubric
    seed = new.seed if new.seed is not None else secrets.randbelow(SEED_LIMIT)
    starts, ends = _utc_bounds(new.period_start, new.period_end)
    candidates = (
        await session.execute(
            select(Contribution.id, LocalAuthority.slug)
            .join(Conference, Conference.id == Contribution.conference_id)
            .join(LocalAuthority, LocalAuthority.id == Conference.la_id)
            .join(Organisation, Organisation.id == Contribution.organisation_id)
            .where(
                LocalAuthority.region_id == actor.region_id,
                Organisation.agency_id == rubric.agency,
                Contribution.status.in_(AUDITED),
                Conference.kind == ConferenceKind.ICPC,
                Conference.scheduled_at >= starts,
                Conference.scheduled_at < ends,
            )
        )
    ).all()
    sample = draw_sample((Candidate(str(i), slug) for i, slug in candidates), per_council=new.per_council, fraction=new.fraction, seed=seed)
    audit_round = AuditRound(
        region_id=actor.region_id, name=new.name.strip(), rubric_id=rubric.id, rubric_version=rubric.version,
        period_start=new.period_start, period_end=new.period_end, seed=seed, per_council=new.per_council,
        fraction=new.fraction, created_by_id=actor.person_id,
    )
    session.add(audit_round)
    await session.flush()
    sampled = [int(i) for i in sample.contribution_ids]
    for chunk in _chunks(sampled):
        await _score_and_store(session, agencies, scorer, audit_round.id, chunk)  # type: ignore[arg-type]
    return audit_round


async def _score_and_store(session: AsyncSession, agencies: AgencyRegistry, scorer: Scorer, round_id: int, contribution_ids: Sequence[int]) -> None:
    rows = (
        await session.execute(
            select(
                Contribution.id, Contribution.status, Contribution.version, Contribution.sections, Contribution.scales,
                Contribution.submitted_at, Contribution.shared_with_family_on, Contribution.organisation_id,
                Organisation.agency_id, Organisation.name, Organisation.code, Person.id, Person.name, Person.job_title,
                Invitation.id, Invitation.report_due_at, Invitation.family_due_at,
                Conference.id, Conference.kind, Conference.scheduled_at, Conference.la_id, LocalAuthority.slug,
            )
            .join(Organisation, Organisation.id == Contribution.organisation_id)
            .join(Person, Person.id == Contribution.author_id)
            .join(Invitation, Invitation.id == Contribution.invitation_id)
            .join(Conference, Conference.id == Contribution.conference_id)
            .join(LocalAuthority, LocalAuthority.id == Conference.la_id)
            .where(Contribution.id.in_(contribution_ids))
            .order_by(Contribution.id)
        )
    ).all()
    children: dict[int, list[Child]] = defaultdict(list)
    for conference_id, child in (
        await session.execute(
            select(ConferenceChild.conference_id, Child)
            .join(Child, Child.id == ConferenceChild.child_id)
            .where(ConferenceChild.conference_id.in_({r[17] for r in rows}))
            .order_by(Child.date_of_birth, Child.id)
        )
    ).all():
        children[conference_id].append(child)
    withholdings: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for contribution_id, section_id, decision in (
        await session.execute(
            select(WithholdingRequest.contribution_id, WithholdingRequest.section_id, WithholdingRequest.decision)
            .where(WithholdingRequest.contribution_id.in_(contribution_ids))
            .order_by(WithholdingRequest.id)
        )
    ).all():
        withholdings[contribution_id].append((section_id, decision))
    with gc_paused():
        plain = [
            plain_contribution(
                agency=agencies[r[8]], contribution_id=r[0], status=r[1], version=r[2], sections=r[3], scales=r[4],
                submitted_at=r[5], shared_with_family_on=r[6], organisation=(r[7], r[9], r[10]), author=(r[11], r[12], r[13]),
                invitation=(r[14], r[15], r[16]), conference=(r[17], r[18], r[19], r[21]), children=plain_children(children[r[17]]),
                withholding_requests=withholdings[r[0]],
            )
            for r in rows
        ]
        results = scorer.score_many(plain)
        items = [
            {"round_id": round_id, "contribution_id": r[0], "contribution_version": r[2], "la_id": r[20], "organisation_id": r[7],
             "scheduled_at": r[19], "score": result.score, "late": result.late, "never_shared": result.never_shared,
             "levels": levels_of(result), "findings": findings_of(result)}
            for r, result in zip(rows, results, strict=True)
        ]
    await _insert_items(session, items)


async def _insert_items(session: AsyncSession, items: list[dict[str, Any]]) -> None:
    """COPY on PostgreSQL (for 10,000 items about a quarter faster than an executemany), the driver's
    executemany elsewhere."""
    connection = await session.connection()
    if connection.dialect.name != "postgresql":
        await session.execute(insert(AuditItem.__table__), items)  # type: ignore[attr-defined]
        return
    columns = list(items[0])
    records = [tuple(json.dumps(item[c]) if c in JSON_COLUMNS else item[c] for c in columns) for item in items]
    raw = await connection.get_raw_connection()
    await raw.driver_connection.copy_records_to_table("audit_item", records=records, columns=columns)  # type: ignore[union-attr]


# --- reading a round ------------------------------------------------------------------

async def visible_round(session: AsyncSession, actor: Actor, round_id: str | int, path: tuple[str, ...]) -> AuditRound:
    number = parse_id(round_id, path, "audit round")
    found = (await session.execute(select(AuditRound).where(AuditRound.id == number, access.scope(actor, "audit.read")))).scalar_one_or_none()
    if found is None:
        raise not_found(path, "audit round")
    return found


async def visible_item(session: AsyncSession, actor: Actor, item_id: str | int, path: tuple[str, ...]) -> tuple[AuditItem, AuditRound]:
    number = parse_id(item_id, path, "audit item")
    row = (
        await session.execute(
            select(AuditItem, AuditRound)
            .join(AuditRound, AuditRound.id == AuditItem.round_id)
            .where(AuditItem.id == number, access.scope(actor, "audit.read"), access.audited_item_scope())
        )
    ).first()
    if row is None:
        raise not_found(path, "audit item")
    return row[0], row[1]


def rubric_of(audit_round: AuditRound, agencies_dir: Path) -> Rubric:
    return scorer_for(agencies_dir, audit_round.rubric_id).rubric


Key = tuple[str, str]  # (contribution id, criterion id)


async def _levels(session: AsyncSession, round_id: int) -> tuple[dict[Key, Level], dict[Key, list[Level]], dict[Key, Level], dict[str, int]]:
    """The scorer's, auditors' and moderator's levels in a round, keyed by (contribution id, criterion id)."""
    audited = (AuditItem.round_id == round_id, access.audited_item_scope())
    item_of: dict[int, str] = {
        i: str(c) for i, c in (await session.execute(select(AuditItem.id, AuditItem.contribution_id).where(*audited))).all()
    }
    in_round = select(AuditItem.id).where(*audited)
    auditors: dict[Key, list[Level]] = defaultdict(list)
    for item_id, criterion_id, level in (
        await session.execute(
            select(AuditorLevel.item_id, AuditorLevel.criterion_id, AuditorLevel.level)
            .where(AuditorLevel.item_id.in_(in_round))
            .order_by(AuditorLevel.item_id, AuditorLevel.criterion_id, AuditorLevel.auditor_id)
        )
    ).all():
        auditors[(item_of[item_id], criterion_id)].append(Level(level))
    moderator = {
        (item_of[i], c): Level(level)
        for i, c, level in (
            await session.execute(
                select(ModeratorDecision.item_id, ModeratorDecision.criterion_id, ModeratorDecision.level).where(ModeratorDecision.item_id.in_(in_round))
            )
        ).all()
    }
    rated_items = {i for i, c in (await session.execute(select(AuditorLevel.item_id, AuditorLevel.criterion_id).where(AuditorLevel.item_id.in_(in_round)))).all()}
    rated_items |= {i for i, in (await session.execute(select(ModeratorDecision.item_id).where(ModeratorDecision.item_id.in_(in_round)))).all()}
    scorer: dict[Key, Level] = {}
    if rated_items:
        for item_id, levels in (await session.execute(select(AuditItem.id, AuditItem.levels).where(AuditItem.id.in_(rated_items)))).all():
            for criterion_id, level in levels.items():
                scorer[(item_of[item_id], criterion_id)] = Level(level)
    item_by_contribution = {c: i for i, c in item_of.items()}
    return scorer, auditors, moderator, item_by_contribution


@dataclass(frozen=True)
class RoundAgreement:
    criteria: dict[str, CriterionAgreement]
    settlement: Settlement
    item_by_contribution: dict[str, int]


async def round_agreement(session: AsyncSession, round_id: int) -> RoundAgreement:
    """Scorer against the settled human level (auditors agreeing, or the moderator's decision), per criterion."""
    scorer, auditors, moderator, items = await _levels(session, round_id)
    settlement = settle(auditors, moderator)
    return RoundAgreement(agreement(scorer, settlement.levels), settlement, items)


async def results(session: AsyncSession, round_ids: Sequence[int] | Any, groupings: Sequence[str], top: int = 3) -> dict[str, list[Summary]]:
    """The scorer's results summarised per council, GP practice, quarter or month, for each grouping asked,
    from one read. `round_ids` is a list or a subquery; a contribution sampled in several rounds counts
    once, from its latest round."""
    latest: dict[int, tuple[Any, ...]] = {}
    for row in (
        await session.execute(
            select(AuditItem.id, AuditItem.contribution_id, AuditItem.la_id, AuditItem.organisation_id, AuditItem.scheduled_at,
                   AuditItem.score, AuditItem.late, AuditItem.never_shared, AuditItem.levels)
            .where(AuditItem.round_id.in_(round_ids), access.audited_item_scope())
            .order_by(AuditItem.id)
        )
    ).all():
        latest[row[1]] = row
    # summarise() reads score, late, never_shared and each criterion's level; only those are loaded.
    criterion = cache(lambda criterion_id, level: CriterionResult(criterion_id, Level(level), ""))
    scored = [
        (row, ScoreResult(str(row[1]), 0, "", "", tuple(criterion(c, level) for c, level in row[8].items()), row[5], row[6], row[7]))
        for row in latest.values()
    ]
    found = {}
    for grouping in groupings:
        name = await _group_names(session, grouping, latest.values())
        found[grouping] = summarise(scored, key=lambda item, name=name: name(item[0]), top=top)
    return found


async def _group_names(session: AsyncSession, grouping: str, rows: Any) -> Any:
    if grouping == "ALL":
        return lambda row: "All"
    if grouping == "QUARTER":
        return lambda row: quarter(row[4])
    if grouping == "MONTH":
        return lambda row: month(row[4])
    if grouping == "COUNCIL":
        names = dict((await session.execute(select(LocalAuthority.id, LocalAuthority.name))).all())
        return lambda row: names[row[2]]
    organisations = {row[3] for row in rows}
    labels = {
        i: f"{code or ''} {name}".strip()
        for i, name, code in (await session.execute(select(Organisation.id, Organisation.name, Organisation.code).where(Organisation.id.in_(organisations)))).all()
    }
    return lambda row: labels[row[3]]


# --- writing levels -----------------------------------------------------------------------

def _validate_levels(rubric: Rubric, entries: Sequence[LevelEntry]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    known = {c.id: c for c in rubric.criteria}
    if not entries:
        problems.append(Problem(("input", "levels"), "Give a level for at least one criterion."))
    for i, entry in enumerate(entries):
        path = ("input", "levels", str(i))
        criterion = known.get(entry.criterion_id)
        if criterion is None:
            problems.append(Problem((*path, "criterionId"), f"'{echo(entry.criterion_id)}' is not a criterion of the rubric {rubric.label}."))
            continue
        if entry.criterion_id in seen:
            problems.append(Problem((*path, "criterionId"), f"'{criterion.title}' is given more than once."))
        seen.add(entry.criterion_id)
        if entry.level is Level.NOT_APPLICABLE and not criterion.allows_not_applicable:
            problems.append(Problem((*path, "level"), f"'{criterion.title}' always applies; choose met, partly met or not met."))
        if len(entry.note) > MAX_NOTE:
            problems.append(Problem((*path, "note"), f"The note is {len(entry.note):,} characters; the limit is {MAX_NOTE:,}."))
    return problems


async def record_levels(session: AsyncSession, actor: Actor, agencies_dir: Path, item_id: str, entries: Sequence[LevelEntry]) -> AuditItem:
    """An auditor's own level per criterion; recording again replaces that auditor's earlier level."""
    item, audit_round = await visible_item(session, actor, item_id, ("input", "itemId"))
    access.require(actor, "audit.level.record", audit_round, path=("input",))
    if problems := _validate_levels(rubric_of(audit_round, agencies_dir), entries):
        raise DomainError(*problems)
    existing = {
        row.criterion_id: row
        for row in (await session.execute(select(AuditorLevel).where(AuditorLevel.item_id == item.id, AuditorLevel.auditor_id == actor.person_id))).scalars()
    }
    for entry in entries:
        row = existing.get(entry.criterion_id)
        if row is None:
            session.add(AuditorLevel(item_id=item.id, criterion_id=entry.criterion_id, auditor_id=actor.person_id, level=entry.level, note=entry.note))
        else:
            row.level, row.note, row.recorded_at = entry.level, entry.note, clock.now()
    await session.flush()
    return item


async def moderate(session: AsyncSession, actor: Actor, agencies_dir: Path, item_id: str, entries: Sequence[LevelEntry]) -> AuditItem:
    """The moderator settles a criterion: their level replaces the auditors' where they disagree."""
    item, audit_round = await visible_item(session, actor, item_id, ("input", "itemId"))
    access.require(actor, "audit.moderate", audit_round, path=("input",))
    if problems := _validate_levels(rubric_of(audit_round, agencies_dir), entries):
        raise DomainError(*problems)
    existing = {
        row.criterion_id: row
        for row in (await session.execute(select(ModeratorDecision).where(ModeratorDecision.item_id == item.id))).scalars()
    }
    for entry in entries:
        row = existing.get(entry.criterion_id)
        if row is None:
            session.add(ModeratorDecision(item_id=item.id, criterion_id=entry.criterion_id, moderator_id=actor.person_id, level=entry.level, note=entry.note))
        else:
            row.level, row.note, row.moderator_id, row.decided_at = entry.level, entry.note, actor.person_id, clock.now()
    await session.flush()
    return item


async def protected_names(session: AsyncSession, region_id: int) -> Protected:
    """The region's organisations and councils: names a pseudonymised report keeps."""
    statement = select(Organisation.name).where(Organisation.region_id == region_id).union_all(
        select(LocalAuthority.name).where(LocalAuthority.region_id == region_id)
    )
    return Protected((await session.execute(statement)).scalars().all())


async def export_results(session: AsyncSession, actor: Actor, audit_round: AuditRound) -> tuple[list[ScoreResult], set[int]]:
    """Every item's stored result for export, pseudonymised where the actor reads the council's
    contributions only pseudonymised and quoting no section withheld from the family; with the ids of
    the children whose records were read."""
    audited = (AuditItem.round_id == audit_round.id, access.audited_item_scope())
    in_round = select(AuditItem.contribution_id).where(*audited)
    items = (
        await session.execute(select(AuditItem).where(*audited).order_by(AuditItem.la_id, AuditItem.contribution_id))
    ).scalars().all()
    contributions = {
        row.id: row
        for row in (
            await session.execute(
                select(Contribution.id, Contribution.conference_id, Contribution.organisation_id, Conference.chair_id, Person.name)
                .join(Person, Person.id == Contribution.author_id)
                .join(Conference, Conference.id == Contribution.conference_id)
                .where(Contribution.id.in_(in_round))
            )
        ).all()
    }
    conference_ids = {row.conference_id for row in contributions.values()}
    requests: dict[int, list[WithholdingRequest]] = defaultdict(list)
    for request in (await session.execute(select(WithholdingRequest).where(WithholdingRequest.contribution_id.in_(in_round)))).scalars():
        requests[request.contribution_id].append(request)
    children: dict[int, list[Child]] = defaultdict(list)
    for conference_id, child in (
        await session.execute(
            select(ConferenceChild.conference_id, Child)
            .join(Child, Child.id == ConferenceChild.child_id)
            .where(ConferenceChild.conference_id.in_(conference_ids))
            .order_by(Child.date_of_birth, Child.id)
        )
    ).all():
        children[conference_id].append(child)
    pseudonymised = [item for item in items if not access.allowed(actor, "audit.read_in_full", item.la_id)]
    relatives: dict[int, list[CasePerson]] = defaultdict(list)
    protected = NOTHING_PROTECTED
    if pseudonymised:
        for conference_id, relative in (
            await session.execute(
                select(ConferenceChild.conference_id, CasePerson)
                .join(CasePerson, CasePerson.child_id == ConferenceChild.child_id)
                .where(ConferenceChild.conference_id.in_(conference_ids))
                .order_by(CasePerson.id)
            )
        ).all():
            relatives[conference_id].append(relative)
        protected = await protected_names(session, audit_round.region_id)
    results, seen = [], set()
    for item in items:
        row = contributions[item.contribution_id]
        family = children[row.conference_id]
        seen.update(c.id for c in family)
        quote: Any = str
        if not access.allowed(actor, "audit.read_in_full", item.la_id):
            quote = Pseudonymiser(known_people(family, relatives[row.conference_id]), protected, row.name).text
        shown = access.visible_sections(actor, row, access.Purpose.EXPORT, requests[row.id], row.chair_id)
        results.append(stored_result(item, audit_round, quote, shown))
    return results, seen
