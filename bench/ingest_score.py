"""Extraction score per layout, and pages per second for pdfplumber alone and for the whole ingestion.

Run: .venv/bin/python bench/ingest_score.py
"""

import asyncio
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from portal.agencies import AgencyRegistry  # noqa: E402
from portal.ingest import IngestLimits  # noqa: E402
from portal.ingest.worker import ingest_pdf  # noqa: E402
from tests.support import pdfs  # noqa: E402
from tests.support.pdf_scoring import score  # noqa: E402

ROUNDS = 3


def pdfplumber_alone(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.find_tables()
            page.extract_words(extra_attrs=["fontname", "size"])


async def main() -> None:
    gp = AgencyRegistry.load(ROOT / "agencies")["gp"]
    fixtures = [make() for make in pdfs.LAYOUTS] + [
        pdfs.Fixture("long report (40 pages)", pdfs.long_report(40), [], 40)
    ]
    print(f"{'layout':<24} {'score':>8} {'pages':>5} {'pdfplumber p/s':>15} {'ingestion p/s':>14}")
    for fixture in fixtures:
        start = time.perf_counter()
        for _ in range(ROUNDS):
            pdfplumber_alone(fixture.data)
        alone = fixture.pages * ROUNDS / (time.perf_counter() - start)
        start = time.perf_counter()
        for _ in range(ROUNDS):
            result = await ingest_pdf(fixture.data, gp, IngestLimits())
        whole = fixture.pages * ROUNDS / (time.perf_counter() - start)
        placed, total, _ = score(fixture, result)
        share = f"{placed / total:.1%}" if total else "-"
        print(f"{fixture.name:<24} {share:>8} {result.pages:>5} {alone:>15.1f} {whole:>14.1f}")


if __name__ == "__main__":
    asyncio.run(main())
