"""The author's answer to a placement the portal was unsure of: keep the paragraph where it went,
or move it to another section of the draft. Moving never drops text: the paragraph leaves its
section only if it is still there as uploaded, and is appended to the other section."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.agencies import AgencyRegistry
from portal.conferences.models import Conference
from portal.contributions import services as contributions
from portal.contributions.models import Contribution, ContributionVersion
from portal.contributions.services import ContentChange, SectionText
from portal.enums import ContributionStatus
from portal.errors import DomainError, Problem, conflict, invalid, not_found
from portal.identity import Actor
from portal.ingest.document import Placement
from portal.ingest.models import PlacementDecision, UploadedReport
from portal.lookup import parse_id
from portal.people.models import Organisation

UPLOAD = ("input", "uploadId")
ITEM = ("input", "item")
SECTION = ("input", "sectionId")


@dataclass(frozen=True)
class Decided:
    contribution: Contribution
    decision: PlacementDecision
    moved: bool


def without_paragraph(text: str, paragraph: str) -> str | None:
    """`text` with the first whole paragraph equal to `paragraph` taken out, or None when it has none."""
    parts = text.split("\n\n")
    wanted = " ".join(paragraph.split())
    for n, part in enumerate(parts):
        if " ".join(part.split()) == wanted:
            return "\n\n".join(parts[:n] + parts[n + 1:])
    return None


def appended(text: str, paragraph: str) -> str:
    return f"{text.rstrip()}\n\n{paragraph}" if text.strip() else paragraph


async def _upload(session: AsyncSession, actor: Actor, upload_id: str) -> tuple[UploadedReport, Contribution]:
    """The upload, if it is the actor's own organisation's (another's is 'not found', like none)."""
    upload = await session.get(UploadedReport, parse_id(upload_id, UPLOAD, "uploaded report"))
    contribution = await session.get(Contribution, upload.contribution_id, with_for_update=True) if upload else None
    conference = await session.get(Conference, contribution.conference_id) if contribution else None
    if upload is None or contribution is None or not access.allowed(actor, "upload.read", contribution, conference):
        raise not_found(UPLOAD, "uploaded report")
    access.require(actor, "contribution.write", contribution.organisation_id, path=UPLOAD)
    if contribution.status != ContributionStatus.DRAFT:
        raise conflict(UPLOAD, f"This report is {contribution.status.lower()}; use amend to change a submitted report.")
    return upload, contribution


async def _check_current(session: AsyncSession, upload: UploadedReport, item: int) -> Placement:
    latest = (await session.execute(
        select(func.max(UploadedReport.id)).where(UploadedReport.contribution_id == upload.contribution_id))).scalar_one()
    if latest != upload.id:
        raise conflict(UPLOAD, "A newer file has been uploaded since this one; check the placements listed for that file instead.")
    if not 0 <= item < len(upload.to_review):
        raise not_found(ITEM, "paragraph to check")
    done = (await session.execute(
        select(PlacementDecision.id).where(PlacementDecision.upload_id == upload.id, PlacementDecision.item == item))).first()
    if done is not None:
        raise conflict(ITEM, "This paragraph has already been checked.")
    return Placement(**upload.to_review[item])


async def decide_placement(
    session: AsyncSession, actor: Actor, agencies: AgencyRegistry, upload_id: str, item: int, section_id: str
) -> Decided:
    upload, contribution = await _upload(session, actor, upload_id)
    placement = await _check_current(session, upload, item)
    organisation = await session.get(Organisation, contribution.organisation_id)
    assert organisation is not None
    agency = agencies[organisation.agency_id]
    if agency.section(section_id) is None:
        raise invalid(SECTION, f"“{section_id}” is not a section of the {agency.name} report. Choose one of its sections.")
    moved = section_id != placement.section_id
    if moved:
        contribution = await _move(session, actor, agencies, contribution, placement, section_id, upload.file_name)
    version_id = (await session.execute(select(ContributionVersion.id).where(
        ContributionVersion.contribution_id == contribution.id, ContributionVersion.number == contribution.version))).scalar_one()
    decision = PlacementDecision(upload_id=upload.id, item=item, from_section_id=placement.section_id, to_section_id=section_id,
                                 contribution_version_id=version_id, decided_by_id=actor.person_id)
    session.add(decision)
    await session.flush()
    return Decided(contribution, decision, moved)


async def _move(session: AsyncSession, actor: Actor, agencies: AgencyRegistry, contribution: Contribution,
                placement: Placement, section_id: str, file_name: str) -> Contribution:
    sections = dict(contribution.sections)
    paragraph = placement.text or placement.excerpt
    left = without_paragraph(sections.get(placement.section_id, ""), paragraph) if placement.text else None
    if left is None:
        raise conflict(ITEM, f"This paragraph is no longer in “{placement.section_title}” as it was uploaded, so it was not moved. "
                             "Edit the draft to move it, or keep it where it is.")
    change = ContentChange(sections=[SectionText(placement.section_id, left),
                                     SectionText(section_id, appended(sections.get(section_id, ""), paragraph))])
    try:
        return await contributions.save_draft(
            session, actor, agencies, str(contribution.invitation_id), change,
            note=f"Moved a paragraph of {file_name} from {placement.section_id} to {section_id}.")
    except DomainError as error:
        raise DomainError(*(Problem(SECTION, p.message, p.code) if p.path[:2] == ("input", "sections") else p
                            for p in error.problems)) from None
