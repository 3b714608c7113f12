"""Cheap checks on the raw bytes, decided by content rather than file name."""

from portal.ingest.errors import IngestError, IngestErrorCode, megabytes

HEADER_WINDOW = 1024  # readers accept the %PDF- marker anywhere in the first kilobyte
TRAILER_WINDOW = 1024


def is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:HEADER_WINDOW]


def check_envelope(data: bytes, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise IngestError(IngestErrorCode.TOO_LARGE, limit=megabytes(max_bytes))
    if not is_pdf(data):
        raise IngestError(IngestErrorCode.NOT_PDF)
    if b"%%EOF" not in data[-TRAILER_WINDOW:]:
        raise IngestError(IngestErrorCode.TRUNCATED)
