"""Uploaded originals: the PDF as received, kept with the contribution version it fed."""

from datetime import datetime

from sqlalchemy import JSON, LargeBinary
from sqlalchemy.orm import Bundle
from sqlmodel import Field, SQLModel

from portal import clock
from portal.contributions.models import ContributionVersion
from portal.db import UTCDateTime


class UploadedReport(SQLModel, table=True):
    """Rows are only ever inserted. `content` is the file byte for byte; `content_type` is the
    type established from the bytes, not the one the browser declared."""

    __tablename__ = "uploaded_report"

    id: int | None = Field(default=None, primary_key=True)
    contribution_id: int = Field(foreign_key="contribution.id", index=True)
    contribution_version_id: int = Field(foreign_key="contribution_version.id", unique=True)
    file_name: str = Field(max_length=255)
    content_type: str = Field(max_length=100)
    sha256: str = Field(max_length=64, index=True)
    size: int
    pages: int
    section_pages: dict[str, list[int]] = Field(default_factory=dict, sa_type=JSON)
    # placements made with low confidence (portal.ingest.document.Placement as dicts), for the author to check
    to_review: list[dict] = Field(default_factory=list, sa_type=JSON, sa_column_kwargs={"server_default": "[]"})
    content: bytes = Field(sa_type=LargeBinary)
    uploaded_by_id: int = Field(foreign_key="person.id")
    uploaded_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)


def upload_details() -> Bundle:
    """Everything about an upload but its bytes; select it joined to contribution_version."""
    return Bundle(
        "upload", UploadedReport.id, UploadedReport.file_name, UploadedReport.sha256, UploadedReport.size,
        UploadedReport.pages, UploadedReport.section_pages, UploadedReport.to_review, UploadedReport.uploaded_at,
        ContributionVersion.number.label("version_number"),
    )
