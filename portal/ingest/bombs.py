"""Refuse PDFs whose compressed streams expand beyond a budget, before the parser inflates them."""

import re
import zlib

from portal.ingest.errors import IngestError, IngestErrorCode, megabytes

STREAM = re.compile(rb"stream\r?\n")
CHUNK = 1024 * 1024


def check_expansion(data: bytes, max_bytes: int) -> None:
    """Raise DECOMPRESSION_BOMB when the Flate streams together inflate to more than max_bytes.

    Inflates in bounded chunks and discards the output, so the check itself stays small.
    """
    total = 0
    for match in STREAM.finditer(data):
        if data[max(0, match.start() - 3) : match.start()] == b"end":
            continue
        inflater = zlib.decompressobj()
        pending = memoryview(data)[match.end() :]
        try:
            while pending and not inflater.eof:
                out = inflater.decompress(pending, CHUNK)
                total += len(out)
                if total > max_bytes:
                    raise IngestError(IngestErrorCode.DECOMPRESSION_BOMB, limit=megabytes(max_bytes))
                pending = inflater.unconsumed_tail
                if not out and not pending:
                    break
        except zlib.error:
            continue  # not Flate, or encrypted: the parser decides
