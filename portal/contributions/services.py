"""Writing contributions: drafts, submit, amend, withdraw, withholding, sharing with the family.

Every state change appends a ContributionVersion; the head row mirrors the latest version.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.agencies import AgencyDefinition, AgencyRegistry
from portal.conferences.models import Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution, ContributionVersion, WithholdingRequest
from portal.enums import ConferenceStatus, ContributionStatus, WithholdingDecision
from portal.errors import DomainError, Problem, conflict, echo, invalid
from portal.families import notices
from portal.identity import Actor
from portal.ids import parse_id
from portal.lookup import own_invitation, visible_contribution, visible_withholding_request
from portal.people.models import Organisation
from portal.readiness.changes import conference_changed

SHARED = (ContributionStatus.SUBMITTED, ContributionStatus.AMENDED)
MAX_NOTE = 4000


@dataclass(frozen=True)
class SectionText:
    section_id: str
    text: str


@dataclass(frozen=True)
class ScaleScore:
    child_id: str
    score: int


@dataclass(frozen=True)
class ContentChange:
    sections: Sequence[SectionText] = ()
    scales: Sequence[ScaleScore] = ()


def _validate_sections(agency: AgencyDefinition, sections: Sequence[SectionText]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, item in enumerate(sections):
        path = ("input", "sections", str(i))
        definition = agency.section(item.section_id)
        if definition is None:
            problems.append(Problem((*path, "sectionId"), f"'{echo(item.section_id)}' is not a section of the {agency.name} report."))
            continue
        if item.section_id in seen:
            problems.append(Problem((*path, "sectionId"), f"'{definition.title}' is given more than once."))
        seen.add(item.section_id)
        if len(item.text) > definition.max_length:
            problems.append(
                Problem((*path, "text"), f"'{definition.title}' is {len(item.text):,} characters; the limit is {definition.max_length:,}.")
            )
    return problems


async def _validate_scales(session: AsyncSession, conference_id: int, scales: Sequence[ScaleScore]) -> list[Problem]:
    problems: list[Problem] = []
    children = set((await session.execute(select(ConferenceChild.child_id).where(ConferenceChild.conference_id == conference_id))).scalars())
    seen: set[str] = set()
    for i, scale in enumerate(scales):
        path = ("input", "scales", str(i))
        if parse_id(scale.child_id) not in children:
            problems.append(Problem((*path, "childId"), "That child is not covered by this conference.", ))
        elif scale.child_id in seen:
            problems.append(Problem((*path, "childId"), "Give one scale per child."))
        seen.add(scale.child_id)
        if not 0 <= scale.score <= 10:
            problems.append(Problem((*path, "score"), "A safety scale runs from 0 (not safe) to 10 (safe enough to close); give a whole number in that range."))
    return problems


async def _apply(session: AsyncSession, agency: AgencyDefinition, contribution: Contribution, change: ContentChange) -> None:
    problems = _validate_sections(agency, change.sections) + await _validate_scales(session, contribution.conference_id, change.scales)
    if problems:
        raise DomainError(*problems)
    sections = dict(contribution.sections)
    for item in change.sections:
        if item.text.strip():
            sections[item.section_id] = item.text
        else:
            sections.pop(item.section_id, None)
    scales = dict(contribution.scales)
    scales.update({s.child_id: s.score for s in change.scales})
    contribution.sections = sections
    contribution.scales = scales


def _missing_required(agency: AgencyDefinition, contribution: Contribution) -> list[Problem]:
    return [
        Problem(("input", "sections", s.id), f"'{s.title}' is required before the report can be submitted.")
        for s in agency.required_sections
        if not contribution.sections.get(s.id, "").strip()
    ]


async def _new_version(session: AsyncSession, actor: Actor, contribution: Contribution, note: str = "") -> None:
    """Append the contribution's current state as its next version, and announce the change."""
    contribution.version += 1
    contribution.updated_at = clock.now()
    session.add(
        ContributionVersion(
            contribution_id=contribution.id,
            number=contribution.version,
            status=contribution.status,
            sections=dict(contribution.sections),
            scales=dict(contribution.scales),
            note=note,
            created_by_id=actor.person_id,
        )
    )
    await session.flush()
    conference_changed(session, contribution.conference_id)


async def _agency_of(session: AsyncSession, agencies: AgencyRegistry, organisation_id: int) -> AgencyDefinition:
    organisation = await session.get(Organisation, organisation_id)
    assert organisation is not None
    return agencies[organisation.agency_id]


def _not_cancelled(conference: Conference | None, path: tuple[str, ...]) -> None:
    if conference is not None and conference.status == ConferenceStatus.CANCELLED:
        raise conflict(path, "This conference was cancelled; its reports can no longer be changed.")


async def _writable(session: AsyncSession, actor: Actor, contribution_id: str) -> tuple[Contribution, Conference]:
    contribution, conference = await visible_contribution(session, actor, contribution_id, ("input", "contributionId"), for_update=True)
    access.require(actor, "contribution.write", contribution.organisation_id, path=("input", "contributionId"))
    _not_cancelled(conference, ("input", "contributionId"))
    return contribution, conference


def _require_note(note: str, what: str) -> None:
    if not note.strip():
        raise invalid(("input", "reason"), f"Say why the report is being {what}.")
    if len(note) > MAX_NOTE:
        raise invalid(("input", "reason"), f"The reason is longer than {MAX_NOTE:,} characters.")


async def save_draft(
    session: AsyncSession, actor: Actor, agencies: AgencyRegistry, invitation_id: str, change: ContentChange, note: str = ""
) -> Contribution:
    invitation: Invitation = await own_invitation(session, actor, invitation_id, ("input", "invitationId"))
    access.require(actor, "contribution.write", invitation.organisation_id, path=("input", "invitationId"))
    _not_cancelled(await session.get(Conference, invitation.conference_id), ("input", "invitationId"))
    agency = await _agency_of(session, agencies, invitation.organisation_id)
    contribution = (
        await session.execute(select(Contribution).where(Contribution.invitation_id == invitation.id).with_for_update())
    ).scalar_one_or_none()
    if contribution is None:
        contribution = Contribution(
            invitation_id=invitation.id,
            conference_id=invitation.conference_id,
            organisation_id=invitation.organisation_id,
            author_id=actor.person_id,
            status=ContributionStatus.DRAFT,
            version=0,
        )
        await _apply(session, agency, contribution, change)
        session.add(contribution)
        await session.flush()
    else:
        if contribution.status != ContributionStatus.DRAFT:
            raise conflict(
                ("input", "invitationId"),
                f"This report is {contribution.status.lower()}; use amend to change a submitted report.",
            )
        await _apply(session, agency, contribution, change)
    await _new_version(session, actor, contribution, note)
    return contribution


async def submit(session: AsyncSession, actor: Actor, agencies: AgencyRegistry, contribution_id: str) -> Contribution:
    contribution, _ = await _writable(session, actor, contribution_id)
    if contribution.status != ContributionStatus.DRAFT:
        raise conflict(("input", "contributionId"), f"This report is already {contribution.status.lower()}; it can be submitted only once.")
    agency = await _agency_of(session, agencies, contribution.organisation_id)
    if problems := _missing_required(agency, contribution):
        raise DomainError(*problems)
    contribution.status = ContributionStatus.SUBMITTED
    contribution.submitted_at = clock.now()
    await _new_version(session, actor, contribution)
    return contribution


async def amend(
    session: AsyncSession, actor: Actor, agencies: AgencyRegistry, contribution_id: str, change: ContentChange, reason: str
) -> Contribution:
    contribution, _ = await _writable(session, actor, contribution_id)
    if contribution.status not in SHARED:
        raise conflict(("input", "contributionId"), f"Only a submitted report can be amended; this one is {contribution.status.lower()}.")
    _require_note(reason, "amended")
    agency = await _agency_of(session, agencies, contribution.organisation_id)
    await _apply(session, agency, contribution, change)
    if problems := _missing_required(agency, contribution):
        raise DomainError(*problems)
    contribution.status = ContributionStatus.AMENDED
    await _new_version(session, actor, contribution, reason)
    return contribution


async def withdraw(session: AsyncSession, actor: Actor, contribution_id: str, reason: str) -> Contribution:
    contribution, _ = await _writable(session, actor, contribution_id)
    if contribution.status == ContributionStatus.WITHDRAWN:
        raise conflict(("input", "contributionId"), "This report is already withdrawn.")
    _require_note(reason, "withdrawn")
    contribution.status = ContributionStatus.WITHDRAWN
    await _new_version(session, actor, contribution, reason)
    return contribution


async def request_withholding(
    session: AsyncSession, actor: Actor, agencies: AgencyRegistry, contribution_id: str, section_id: str, reason: str
) -> WithholdingRequest:
    contribution, _ = await _writable(session, actor, contribution_id)
    if contribution.status == ContributionStatus.WITHDRAWN:
        raise conflict(("input", "contributionId"), "This report is withdrawn.")
    agency = await _agency_of(session, agencies, contribution.organisation_id)
    section = agency.section(section_id)
    if section is None:
        raise invalid(("input", "sectionId"), f"'{echo(section_id)}' is not a section of the {agency.name} report.")
    if not reason.strip():
        raise invalid(("input", "reason"), "Say why this section should be withheld from the family.")
    if len(reason) > MAX_NOTE:
        raise invalid(("input", "reason"), f"The reason is longer than {MAX_NOTE:,} characters.")
    in_force = (
        await session.execute(
            select(WithholdingRequest.id).where(
                WithholdingRequest.contribution_id == contribution.id,
                WithholdingRequest.section_id == section_id,
                WithholdingRequest.decision.in_(access.WITHHOLDING_IN_FORCE),
            )
        )
    ).first()
    if in_force:
        raise conflict(("input", "sectionId"), f"'{section.title}' already has a withholding request pending or agreed.")
    request = WithholdingRequest(
        contribution_id=contribution.id,
        section_id=section_id,
        reason=reason,
        requested_by_id=actor.person_id,
        decision=WithholdingDecision.PENDING,
    )
    session.add(request)
    await session.flush()
    conference_changed(session, contribution.conference_id)
    return request


async def decide_withholding(session: AsyncSession, actor: Actor, request_id: str, agree: bool, note: str) -> WithholdingRequest:
    path = ("input", "requestId")
    request, conference = await visible_withholding_request(session, actor, request_id, path)
    access.require(actor, "withholding.decide", conference, path=path)
    if request.decision != WithholdingDecision.PENDING:
        raise conflict(path, f"This request was already {request.decision.lower()}.")
    if len(note) > MAX_NOTE:
        raise invalid(("input", "note"), f"The note is longer than {MAX_NOTE:,} characters.")
    if not agree and not note.strip():
        raise invalid(("input", "note"), "Give a reason for refusing: the agency that asked will see it.")
    request.decision = WithholdingDecision.AGREED if agree else WithholdingDecision.REFUSED
    request.decision_note = note
    request.decided_by_id = actor.person_id
    request.decided_at = clock.now()
    await session.flush()
    conference_changed(session, conference.id)
    return request


async def record_shared_with_family(session: AsyncSession, actor: Actor, contribution_id: str, shared_on: date) -> Contribution:
    contribution, _ = await _writable(session, actor, contribution_id)
    if contribution.status not in SHARED:
        raise conflict(("input", "contributionId"), "Only a submitted report can be recorded as shared with the family.")
    if shared_on > clock.now().date():
        raise invalid(("input", "sharedOn"), "The date shared cannot be in the future.")
    contribution.shared_with_family_on = shared_on
    contribution.updated_at = clock.now()
    await session.flush()
    await notices.report_shared(session, contribution)
    await session.flush()
    conference_changed(session, contribution.conference_id)
    return contribution
