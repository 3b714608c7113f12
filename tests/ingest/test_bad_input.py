import asyncio

import pytest

from portal.ingest import IngestError, IngestErrorCode, IngestLimits
from portal.ingest.worker import ingest_pdf
from tests.support import pdfs


def ingest(data: bytes, gp, **limits) -> IngestErrorCode:
    with pytest.raises(IngestError) as caught:
        asyncio.run(ingest_pdf(data, gp, IngestLimits(**limits)))
    assert caught.value.message and "Traceback" not in caught.value.message
    return caught.value.code


def test_a_word_document_named_pdf_is_not_a_pdf(gp):
    assert ingest(b"PK\x03\x04word/document.xml" + b"\0" * 200, gp) == IngestErrorCode.NOT_PDF


def test_a_cut_off_file_is_truncated(gp):
    data = pdfs.letter().data
    assert ingest(data[: len(data) // 2], gp) == IngestErrorCode.TRUNCATED


def test_garbage_with_pdf_markers_is_corrupt(gp):
    assert ingest(b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n", gp) == IngestErrorCode.CORRUPT


def test_a_password_protected_pdf_is_encrypted(gp):
    assert ingest(pdfs.encrypted(), gp) == IngestErrorCode.ENCRYPTED


def test_a_scanned_pdf_has_no_text_and_the_message_says_what_to_do(gp):
    with pytest.raises(IngestError) as caught:
        asyncio.run(ingest_pdf(pdfs.scanned(), gp))
    assert caught.value.code == IngestErrorCode.NO_TEXT
    assert "scanned" in caught.value.message and "type or paste" in caught.value.message


def test_over_size(gp):
    assert ingest(pdfs.letter().data, gp, max_bytes=1000) == IngestErrorCode.TOO_LARGE


def test_over_page_count(gp):
    assert ingest(pdfs.long_report(3), gp, max_pages=2) == IngestErrorCode.TOO_MANY_PAGES


def test_decompression_bomb_is_refused_before_inflating(gp):
    data = pdfs.bomb(64 * 1024 * 1024)
    assert len(data) < 200_000
    assert ingest(data, gp, max_decompressed_bytes=16 * 1024 * 1024) == IngestErrorCode.DECOMPRESSION_BOMB


def test_a_small_flate_stream_is_not_a_bomb(gp):
    with pytest.raises(IngestError) as caught:  # blank page: readable, but no text
        asyncio.run(ingest_pdf(pdfs.bomb(1000), gp))
    assert caught.value.code == IngestErrorCode.NO_TEXT
