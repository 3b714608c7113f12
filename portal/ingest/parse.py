"""The whole ingestion of one PDF, synchronous. Runs inside the worker process."""

from portal.agencies import AgencyDefinition
from portal.ingest.bombs import check_expansion
from portal.ingest.document import IngestResult
from portal.ingest.extract import extract_document
from portal.ingest.limits import IngestLimits
from portal.ingest.mapping import map_document
from portal.ingest.sniff import check_envelope


def parse_pdf(data: bytes, agency: AgencyDefinition, limits: IngestLimits) -> IngestResult:
    check_envelope(data, limits.max_bytes)
    check_expansion(data, limits.max_decompressed_bytes)
    return map_document(extract_document(data, limits.max_pages), agency)
