"""Typed ingestion errors: a stable code for programs, a plain-English message for people."""

from enum import StrEnum


class IngestErrorCode(StrEnum):
    NOT_PDF = "not_pdf"
    TRUNCATED = "truncated"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    NO_TEXT = "no_text"
    TOO_LARGE = "too_large"
    TOO_MANY_PAGES = "too_many_pages"
    DECOMPRESSION_BOMB = "decompression_bomb"
    MEMORY_LIMIT = "memory_limit"
    TIMEOUT = "timeout"
    WORKER_FAILED = "worker_failed"
    BUSY = "busy"


MESSAGES: dict[IngestErrorCode, str] = {
    IngestErrorCode.NOT_PDF: "This file is not a PDF. Please upload the report saved as a PDF.",
    IngestErrorCode.TRUNCATED: "This PDF is incomplete: the end of the file is missing. "
    "It may not have finished downloading or saving. Please save it again and upload the new copy.",
    IngestErrorCode.CORRUPT: "This PDF is damaged and cannot be read. Please save it again and upload the new copy.",
    IngestErrorCode.ENCRYPTED: "This PDF is protected with a password, so it cannot be read. "
    "Please save a copy without a password and upload that.",
    IngestErrorCode.NO_TEXT: "This PDF has no text in it that can be read: it looks like a scanned image. "
    "Text recognition (OCR) does not run here, so please type or paste the report into the form instead.",
    IngestErrorCode.TOO_LARGE: "This PDF is larger than the {limit} allowed.",
    IngestErrorCode.TOO_MANY_PAGES: "This PDF has {actual} pages; at most {limit} can be read.",
    IngestErrorCode.DECOMPRESSION_BOMB: "This PDF expands to far more data than a report needs "
    "(more than {limit}), so it was not read.",
    IngestErrorCode.MEMORY_LIMIT: "Reading this PDF needed more memory than allowed ({limit}), so it was stopped.",
    IngestErrorCode.TIMEOUT: "Reading this PDF took longer than the {limit} allowed, so it was stopped.",
    IngestErrorCode.WORKER_FAILED: "Reading this PDF failed unexpectedly. Please try again, "
    "or type or paste the report into the form.",
    IngestErrorCode.BUSY: "The portal is busy reading other reports; try again in a minute.",
}


class IngestError(Exception):
    """An upload that cannot be turned into a draft. `code` is stable; `message` is for the author."""

    def __init__(self, code: IngestErrorCode, **details: object) -> None:
        self.code = code
        self.details = details
        self.message = MESSAGES[code].format(**details)
        super().__init__(self.message)

    def __reduce__(self):  # survives the trip back from the worker process
        return (_rebuild, (self.code, self.details))


def _rebuild(code: IngestErrorCode, details: dict[str, object]) -> IngestError:
    return IngestError(code, **details)


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"
