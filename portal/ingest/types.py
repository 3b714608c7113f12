"""GraphQL types for uploaded originals: details only, never the file itself."""

from datetime import datetime
from typing import Any

import strawberry

from portal import access
from portal.api.context import Info
from portal.contributions.models import Contribution


@strawberry.type
class SectionPages:
    section_id: str
    pages: list[int]


@strawberry.type(name="UploadedReport")
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

    @classmethod
    def of(cls, row: Any, version_number: int) -> "UploadedReportType":
        """`row` is an UploadedReport or the upload_details() bundle."""
        return cls(
            id=strawberry.ID(str(row.id)), file_name=row.file_name, sha256=row.sha256, size=row.size, pages=row.pages,
            uploaded_at=row.uploaded_at, version_number=version_number,
            section_pages=[SectionPages(section_id=k, pages=v) for k, v in row.section_pages.items()],
        )


async def uploads_of(info: Info, contribution: Contribution) -> list[UploadedReportType]:
    if not access.can_see_uploads(info.context.actor, contribution):
        return []
    return [UploadedReportType.of(row, row.version_number) for row in await info.context.loaders.uploads_by_contribution.load(contribution.id)]
