import asyncio

import pytest

from portal.ingest import IngestError, IngestErrorCode, IngestLimits
from portal.ingest.worker import IngestWorker, ingest_pdf
from tests.support import ingest_jobs as jobs
from tests.support import pdfs


def test_the_event_loop_keeps_running_during_a_parse(gp, tmp_path):
    """The parse cannot finish until a coroutine on the same loop has ticked ten times."""
    release = tmp_path / "release"
    events: list[str] = []

    async def ticker() -> None:
        for n in range(10):
            events.append(f"tick {n}")
            await asyncio.sleep(0.01)
        release.touch()

    async def parse() -> None:
        result = await ingest_pdf(jobs.envelope(release), gp, IngestLimits(timeout_seconds=30), job=jobs.wait_for_file)
        events.append(result.unmapped)

    async def both() -> None:
        await asyncio.gather(parse(), ticker())

    asyncio.run(both())
    assert events == [f"tick {n}" for n in range(10)] + ["done"]


def test_a_parser_loop_is_stopped_at_the_time_limit_and_the_next_upload_works(gp):
    with pytest.raises(IngestError) as caught:
        asyncio.run(ingest_pdf(jobs.envelope(), gp, IngestLimits(timeout_seconds=0.5), job=jobs.spin_forever))
    assert caught.value.code == IngestErrorCode.TIMEOUT
    assert "0.5 seconds" in caught.value.message
    result = asyncio.run(ingest_pdf(pdfs.letter().data, gp))
    assert "Yours sincerely," in result.unmapped


def test_memory_is_limited_in_the_worker(gp):
    with pytest.raises(IngestError) as caught:
        asyncio.run(ingest_pdf(jobs.envelope(), gp, IngestLimits(max_memory_mb=512), job=jobs.allocate))
    assert caught.value.code == IngestErrorCode.MEMORY_LIMIT


def test_a_crashed_worker_is_reported_and_the_next_upload_works(gp):
    with pytest.raises(IngestError) as caught:
        asyncio.run(ingest_pdf(jobs.envelope(), gp, job=jobs.crash))
    assert caught.value.code == IngestErrorCode.WORKER_FAILED
    assert asyncio.run(ingest_pdf(pdfs.letter().data, gp)).pages == 1


def test_the_worker_runs_uploads_one_at_a_time_by_default(gp):
    async def two() -> list:
        worker = IngestWorker(IngestLimits())
        return await asyncio.gather(worker.ingest(pdfs.letter().data, gp), worker.ingest(pdfs.council_template().data, gp))

    letter, council = asyncio.run(two())
    assert [s.id for s in letter.sections] == ["about_author", "parental_health"]
    assert any(s.id == "worries" for s in council.sections)
