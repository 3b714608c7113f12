"""Uploaded originals (details only, never the file itself) and what was read from them."""

from datetime import datetime
from typing import Any

import strawberry

from portal import access
from portal.api.common import ErrorCodeEnum
from portal.api.context import Info
from portal.contributions.models import Contribution
from portal.errors import Problem
from portal.ingest.document import IngestResult
from portal.ingest.document import Placement as IngestPlacement
from portal.ingest.errors import IngestErrorCode

IngestErrorCodeEnum = strawberry.enum(IngestErrorCode, name="IngestErrorCode")


@strawberry.type
@access.fields({"upload.read": ("section_id", "pages")})
class SectionPages:
    section_id: str
    pages: list[int]


@strawberry.type
@access.fields({access.INHERITED: (
    "section_id", "section_title", "excerpt", "confidence", "basis", "heading", "pages", "needs_review", "item")})
class Placement:
    """Where one paragraph or table of the file went, and how sure the portal is."""

    section_id: str = strawberry.field(description="otherInformation's id when no section claimed it.")
    section_title: str
    excerpt: str = strawberry.field(description="The start of the paragraph, at most 160 characters.")
    confidence: float = strawberry.field(description="0 to 1; 1 when a heading names the section exactly.")
    basis: str = strawberry.field(description="What decided: heading, content, heading and content, or none.")
    heading: str | None = strawberry.field(description="The heading or question it sat under in the file.")
    pages: list[int]
    needs_review: bool = strawberry.field(description="Placed with low confidence (or not placed): the author should check it.")
    item: int | None = strawberry.field(
        description="Its number on the upload's list of placements to check, which decidePlacement takes; null when it needs no check.")

    @classmethod
    def of(cls, p: IngestPlacement, item: int | None = None) -> "Placement":
        return cls(section_id=p.section_id, section_title=p.section_title, excerpt=p.excerpt, confidence=p.confidence,
                   basis=p.basis, heading=p.heading, pages=list(p.pages), needs_review=p.needs_review, item=item)

    @classmethod
    def stored(cls, row: dict[str, Any], item: int) -> "Placement":
        return cls.of(IngestPlacement(**row), item)


@strawberry.type(name="UploadedReport")
@access.fields({"upload.read": (
    "id", "file_name", "sha256", "size", "pages", "uploaded_at", "version_number", "section_pages", "to_review")})
class UploadedReportType:
    """A PDF the draft was filled from."""

    id: strawberry.ID
    file_name: str
    sha256: str
    size: int = strawberry.field(description="Bytes.")
    pages: int
    uploaded_at: datetime
    version_number: int = strawberry.field(description="The contribution version this upload produced.")
    section_pages: list[SectionPages] = strawberry.field(description="Which pages each section was filled from.")
    to_review: list[Placement] = strawberry.field(
        description="Paragraphs of the file placed with low confidence (or not placed) that the author has not yet checked "
        "(decidePlacement).")

    @classmethod
    def of(cls, row: Any, version_number: int, decided: frozenset[int] = frozenset()) -> "UploadedReportType":
        """`row` is an UploadedReport or the upload_details() bundle."""
        return cls(
            id=strawberry.ID(str(row.id)), file_name=row.file_name, sha256=row.sha256, size=row.size, pages=row.pages,
            uploaded_at=row.uploaded_at, version_number=version_number,
            section_pages=[SectionPages(section_id=k, pages=v) for k, v in row.section_pages.items()],
            to_review=[Placement.stored(p, n) for n, p in enumerate(row.to_review) if n not in decided],
        )


async def uploads_of(info: Info, contribution: Contribution) -> list[UploadedReportType]:
    loaders = info.context.loaders
    decided: dict[int, set[int]] = {}
    for row in await loaders.placement_decisions_by_contribution.load(contribution.id):
        decided.setdefault(row.upload_id, set()).add(row.item)
    return [UploadedReportType.of(row, row.version_number, frozenset(decided.get(row.id, ())))
            for row in await loaders.uploads_by_contribution.load(contribution.id)]


@strawberry.type
@access.fields({"contribution.write": ("id", "title", "text", "pages")})
class ExtractedSection:
    id: str
    title: str
    text: str
    pages: list[int] = strawberry.field(description="The pages this section's text came from.")


@strawberry.type
@access.fields({"contribution.write": ("pages", "sections", "unmapped", "unmapped_pages", "warnings", "placements", "to_review")})
class ExtractionReport:
    """What was read from the file. Unmapped text is not lost: it is in the draft's other information."""

    pages: int
    sections: list[ExtractedSection]
    unmapped: str
    unmapped_pages: list[int]
    warnings: list[str]
    placements: list[Placement] = strawberry.field(description="Every paragraph and table of the file, in order, with where it went.")
    to_review: list[Placement] = strawberry.field(description="The placements the author should check: low confidence or not placed.")

    @classmethod
    def of(cls, result: IngestResult) -> "ExtractionReport":
        numbers = {n: k for k, n in enumerate(n for n, p in enumerate(result.placements) if p.needs_review)}
        placements = [Placement.of(p, numbers.get(n)) for n, p in enumerate(result.placements)]
        return cls(
            pages=result.pages,
            sections=[ExtractedSection(id=s.id, title=s.title, text=s.text, pages=list(s.pages)) for s in result.sections],
            unmapped=result.unmapped, unmapped_pages=list(result.unmapped_pages), warnings=list(result.warnings),
            placements=placements, to_review=[p for p in placements if p.needs_review],
        )


@strawberry.type
@access.fields({access.PUBLIC: ("path", "message", "code", "ingest_code")})
class UploadError:
    """Why the upload changed nothing. `ingestCode` is set when the file itself could not be read."""

    path: list[str]
    message: str
    code: ErrorCodeEnum  # type: ignore[valid-type]
    ingest_code: IngestErrorCodeEnum | None  # type: ignore[valid-type]

    @classmethod
    def of(cls, problem: Problem) -> "UploadError":
        return cls(path=list(problem.path), message=problem.message, code=problem.code, ingest_code=getattr(problem, "ingest_code", None))
