"""Uploading a report: check, parse outside any transaction, then write in one transaction the
new draft version and the original it came from. On any failure nothing is written."""

import hashlib
from dataclasses import asdict, dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.agencies import AgencyDefinition, AgencyRegistry
from portal.api.context import Context
from portal.conferences.models import Invitation
from portal.contributions import services as contributions
from portal.contributions.models import Contribution, ContributionVersion
from portal.contributions.services import ContentChange, SectionText
from portal.enums import ContributionStatus
from portal.errors import DomainError, ErrorCode, Problem, conflict
from portal.identity import Actor
from portal.ingest.document import IngestResult
from portal.ingest.draft import OTHER, MergeMode, draft_sections, merge_draft
from portal.ingest.errors import IngestError, IngestErrorCode
from portal.ingest.models import UploadedReport
from portal.ingest.worker import IngestWorker
from portal.lookup import own_invitation
from portal.people.models import Organisation
from portal.text import storable
from portal.unit_of_work import in_transaction

INVITATION = ("input", "invitationId")
FILE = ("input", "file")
PDF = "application/pdf"
REQUEST_SLACK = 1024 * 1024  # room for the other form fields around the file


@dataclass(frozen=True)
class IncomingFile:
    file_name: str
    data: bytes


@dataclass(frozen=True)
class FileProblem(Problem):
    """A problem with the uploaded file itself, with the ingestion's own code."""

    ingest_code: IngestErrorCode | None = None


@dataclass(frozen=True)
class UploadOutcome:
    contribution: Contribution
    upload: UploadedReport
    version_number: int
    result: IngestResult


def ingest_worker(request: Any) -> IngestWorker:
    """The app's one worker (see create_app)."""
    return request.app.state.ingest_worker


def clean_file_name(name: str | None) -> str:
    base = PurePosixPath((name or "").replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[:255] or "report.pdf"


async def read_capped(file: Any, max_bytes: int) -> bytes:
    """At most one byte more than allowed: enough to tell the file is too large without reading it all."""
    return await file.read(max_bytes + 1)


async def check_upload(session: AsyncSession, actor: Actor, agencies: AgencyRegistry, invitation_id: str) -> tuple[Invitation, AgencyDefinition]:
    """Who may upload is who may save the draft; a submitted report is never overwritten."""
    invitation = await own_invitation(session, actor, invitation_id, INVITATION)
    access.require(actor, "contribution.write", invitation.organisation_id, path=INVITATION)
    status = (await session.execute(select(Contribution.status).where(Contribution.invitation_id == invitation.id))).scalar_one_or_none()
    if status is not None and status != ContributionStatus.DRAFT:
        raise conflict(INVITATION, f"This report is {status.lower()}, so an upload cannot overwrite it. Use amend to change a submitted report.")
    organisation = await session.get(Organisation, invitation.organisation_id)
    assert organisation is not None
    return invitation, agencies[organisation.agency_id]


def _change(existing: dict[str, str], new: dict[str, str]) -> ContentChange:
    """The section edits that turn `existing` into `new` (an empty text clears a section); text read
    from a file is made storable like text sent to the API."""
    new = {k: storable(v) for k, v in new.items()}
    changed = sorted(k for k in existing.keys() | new.keys() if new.get(k, "") != existing.get(k, ""))
    return ContentChange(sections=[SectionText(k, new.get(k, "")) for k in changed])


def _section_pages(result: IngestResult) -> dict[str, list[int]]:
    """Which pages each draft section was filled from (unmapped text went to other information)."""
    pages = {s.id: list(s.pages) for s in result.sections if s.text}
    if result.unmapped:
        pages[OTHER] = sorted(set(pages.get(OTHER, [])) | set(result.unmapped_pages))
    return pages


def _on_file(error: DomainError) -> DomainError:
    """Section problems (too long for the section) are problems with the file the text came from."""
    return DomainError(*(replace(p, path=FILE) if p.path[:2] == ("input", "sections") else p for p in error.problems))


async def store_upload(
    session: AsyncSession, actor: Actor, agencies: AgencyRegistry, invitation_id: str,
    file: IncomingFile, result: IngestResult, mode: MergeMode,
) -> UploadOutcome:
    invitation, _ = await check_upload(session, actor, agencies, invitation_id)
    existing = (
        await session.execute(select(Contribution.sections).where(Contribution.invitation_id == invitation.id).with_for_update())
    ).scalar_one_or_none() or {}
    sections = merge_draft(existing, draft_sections(result), mode)
    try:
        contribution = await contributions.save_draft(
            session, actor, agencies, str(invitation.id), _change(existing, sections), note=f"Filled from {file.file_name} ({mode})."
        )
    except DomainError as error:
        raise _on_file(error) from None
    version = (
        await session.execute(
            select(ContributionVersion).where(
                ContributionVersion.contribution_id == contribution.id, ContributionVersion.number == contribution.version
            )
        )
    ).scalar_one()
    upload = UploadedReport(
        contribution_id=contribution.id,
        contribution_version_id=version.id,
        file_name=file.file_name,
        content_type=PDF,
        sha256=hashlib.sha256(file.data).hexdigest(),
        size=len(file.data),
        pages=result.pages,
        section_pages=_section_pages(result),
        to_review=[asdict(p) for p in result.placements if p.needs_review],
        content=file.data,
        uploaded_by_id=actor.person_id,
    )
    session.add(upload)
    await session.flush()
    return UploadOutcome(contribution, upload, version.number, result)


async def upload_report(
    context: Context, worker: IngestWorker, invitation_id: str, file: IncomingFile, mode: MergeMode
) -> tuple[UploadOutcome | None, tuple[Problem, ...]]:
    """The whole upload. The parse runs between two transactions so no lock is held while it runs;
    the second transaction checks everything again."""
    checked, problems = await in_transaction(context, lambda s, a: check_upload(s, a, context.agencies, invitation_id), check_only=True)
    if problems:
        return None, problems
    _, agency = checked
    try:
        result = await worker.ingest(file.data, agency)
    except IngestError as error:
        code = ErrorCode.UNAVAILABLE if error.code == IngestErrorCode.BUSY else ErrorCode.INVALID
        return None, (FileProblem(FILE, error.message, code, error.code),)
    return await in_transaction(context, lambda s, a: store_upload(s, a, context.agencies, invitation_id, file, result, mode))
