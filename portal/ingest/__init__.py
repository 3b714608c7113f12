"""PDF ingestion: an uploaded report becomes a draft in the agency's sections."""

from portal.ingest.document import ExtractedSection, IngestResult
from portal.ingest.draft import draft_sections, merge_draft
from portal.ingest.errors import IngestError, IngestErrorCode
from portal.ingest.limits import IngestLimits

__all__ = [
    "ExtractedSection",
    "IngestError",
    "IngestErrorCode",
    "IngestLimits",
    "IngestResult",
    "draft_sections",
    "merge_draft",
]
