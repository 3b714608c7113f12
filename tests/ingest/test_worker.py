import asyncio
import os

import pytest

from portal.ingest import IngestError, IngestErrorCode, IngestLimits
from portal.ingest.parse import parse_pdf
from portal.ingest.worker import SERVING_NICENESS, IngestWorker, ingest_pdf, parse_in_child
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


def test_uploads_parsed_at_once_each_get_their_own_result(gp):
    async def two() -> list:
        worker = IngestWorker(IngestLimits(max_parallel=2, max_waiting=0))
        return await asyncio.gather(worker.ingest(pdfs.letter().data, gp), worker.ingest(pdfs.council_template().data, gp))

    letter, council = asyncio.run(two())
    assert letter == parse_pdf(pdfs.letter().data, gp, IngestLimits())
    assert council == parse_pdf(pdfs.council_template().data, gp, IngestLimits())


def test_uploads_are_parsed_at_once_up_to_the_limit(gp, tmp_path):
    events = tmp_path / "events"
    events.touch()

    async def two() -> None:
        worker = IngestWorker(IngestLimits(max_parallel=2, max_waiting=0), job=jobs.meet_another_parse)
        await asyncio.gather(worker.ingest(jobs.envelope(events), gp), worker.ingest(jobs.envelope(events), gp))

    asyncio.run(two())
    assert events.read_text().split() == ["start", "start", "end", "end"]


def test_past_the_limit_uploads_wait_their_turn(gp, tmp_path):
    events = tmp_path / "events"
    events.touch()

    async def two() -> None:
        worker = IngestWorker(IngestLimits(max_parallel=1, max_waiting=1), job=jobs.meet_another_parse)
        await asyncio.gather(worker.ingest(jobs.envelope(events), gp), worker.ingest(jobs.envelope(events), gp))

    asyncio.run(two())
    assert events.read_text().split() == ["start", "end", "start", "end"]


def test_uploads_beyond_those_waiting_are_refused_as_busy(gp, tmp_path):
    release = tmp_path / "release"

    async def three() -> list:
        worker = IngestWorker(IngestLimits(timeout_seconds=30, max_parallel=1, max_waiting=1), job=jobs.wait_for_file)
        running = asyncio.create_task(worker.ingest(jobs.envelope(release), gp))
        waiting = asyncio.create_task(worker.ingest(jobs.envelope(release), gp))
        await asyncio.sleep(0)  # both tasks have run up to their first wait: one parsing, one waiting
        with pytest.raises(IngestError) as refused:
            await worker.ingest(jobs.envelope(release), gp)
        release.touch()
        return [refused.value, *await asyncio.gather(running, waiting)]

    refused, *parsed = asyncio.run(three())
    assert refused.code == IngestErrorCode.BUSY
    assert refused.message == "The portal is busy reading other reports; try again in a minute."
    assert [result.unmapped for result in parsed] == ["done", "done"]


@pytest.mark.parametrize(
    ("data", "limits", "job", "code"),
    [
        (pdfs.letter().data, {"max_bytes": 1000}, parse_pdf, IngestErrorCode.TOO_LARGE),
        (pdfs.long_report(3), {"max_pages": 2}, parse_pdf, IngestErrorCode.TOO_MANY_PAGES),
        (jobs.envelope(), {"timeout_seconds": 0.5}, jobs.spin_forever, IngestErrorCode.TIMEOUT),
        (jobs.envelope(), {"max_memory_mb": 512}, jobs.allocate, IngestErrorCode.MEMORY_LIMIT),
    ],
    ids=["size", "pages", "time", "memory"],
)
def test_a_command_parse_without_the_fork_server_keeps_the_limits(gp, data, limits, job, code):
    with pytest.raises(IngestError) as caught:
        parse_in_child(data, gp, IngestLimits(**limits), job)
    assert caught.value.code == code


def test_a_command_parse_reads_the_file_as_an_upload_does(gp):
    data = pdfs.clinical_print().data
    assert parse_in_child(data, gp, IngestLimits()) == parse_pdf(data, gp, IngestLimits())


def test_an_uploads_parse_runs_at_a_lower_priority_than_the_web_process(gp):
    async def one():
        return await IngestWorker(IngestLimits(), job=jobs.report_niceness).ingest(jobs.envelope(), gp)

    lowest = 19  # the kernel's floor: a process already at nice 10 or more cannot go further than 19
    assert asyncio.run(one()).unmapped == str(min(os.nice(0) + SERVING_NICENESS, lowest))


def test_what_a_child_is_sent_needs_nothing_the_fork_server_has_not_imported(gp):
    """Each upload's child unpickles its target, the agency and the limits; a module that only they import
    would be imported again in every child (about 140 ms each for the worker's metrics)."""
    import pickle
    import subprocess
    import sys

    from portal.ingest import worker

    sent = pickle.dumps((worker._child, gp, IngestLimits()))
    script = ("import pickle, sys; import portal.ingest.preload; before = set(sys.modules); "
              "pickle.loads(sys.stdin.buffer.read()); print(sorted(set(sys.modules) - before))")
    done = subprocess.run([sys.executable, "-c", script], input=sent, capture_output=True, check=True)
    assert done.stdout.decode().strip() == "[]", done.stdout.decode()
