"""Uploaded originals: the PDF as received, kept with the contribution version it fed."""

from datetime import datetime

from sqlalchemy import JSON, LargeBinary, UniqueConstraint
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


class PlacementDecision(SQLModel, table=True):
    """The author's answer to one placement on an upload's review list (`item` is its position
    in `uploaded_report.to_review`): kept where it was, or moved. Rows are only ever inserted."""

    __tablename__ = "placement_decision"
    __table_args__ = (UniqueConstraint("upload_id", "item"),)

    id: int | None = Field(default=None, primary_key=True)
    upload_id: int = Field(foreign_key="uploaded_report.id", index=True)
    item: int
    from_section_id: str = Field(max_length=100)
    to_section_id: str = Field(max_length=100)
    contribution_version_id: int = Field(foreign_key="contribution_version.id")
    decided_by_id: int = Field(foreign_key="person.id")
    decided_at: datetime = Field(default_factory=clock.now, sa_type=UTCDateTime)
