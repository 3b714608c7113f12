"""Run parsing in a separate, limited process so the event loop never waits on pdfplumber.

Each upload gets a fresh child forked from a fork server that has the parser preloaded:
a child that runs out of time or memory is killed without harming the next upload.
"""

import asyncio
import multiprocessing
import os
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext

from portal.agencies import AgencyDefinition
from portal.ingest import forkserver
from portal.ingest.document import IngestResult
from portal.ingest.errors import IngestError, IngestErrorCode, megabytes
from portal.ingest.limits import IngestLimits
from portal.ingest.parse import parse_pdf
from portal.ingest.sniff import check_envelope
from portal.observability.metrics import INGEST_DURATION, INGEST_REFUSED_BUSY, INGEST_UPLOADS

Job = Callable[[bytes, AgencyDefinition, IngestLimits], IngestResult]
SERVING_NICENESS = 10  # an upload's parse gives way to the requests the web process is serving


def _child(conn: Connection, job: Job, data: bytes, agency: AgencyDefinition, limits: IngestLimits, niceness: int) -> None:
    os.nice(niceness)
    memory = limits.max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        outcome: tuple[str, object] = ("ok", job(data, agency, limits))
    except IngestError as exc:
        outcome = ("error", exc)
    except MemoryError:
        outcome = ("error", IngestError(IngestErrorCode.MEMORY_LIMIT, limit=megabytes(memory)))
    except RecursionError:
        outcome = ("error", IngestError(IngestErrorCode.CORRUPT))
    except Exception:
        outcome = ("error", IngestError(IngestErrorCode.WORKER_FAILED))
    conn.send(outcome)
    conn.close()


async def ingest_pdf(
    data: bytes, agency: AgencyDefinition, limits: IngestLimits = IngestLimits(), job: Job = parse_pdf,
    context: BaseContext | None = None, niceness: int = 0,
) -> IngestResult:
    """Parse `data` in a child process and map it into `agency`'s sections.

    Raises IngestError; never blocks the event loop. `job` is replaceable for tests. The child is
    forked from the fork server unless `context` says otherwise, and runs at `niceness`.
    """
    check_envelope(data, limits.max_bytes)
    context = context or forkserver.context()
    loop = asyncio.get_running_loop()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, job, data, agency, limits, niceness), daemon=True)  # type: ignore[attr-defined]
    started = loop.run_in_executor(None, process.start)  # the fork server's answer is waited for off the event loop
    try:
        await asyncio.shield(started)
        sender.close()
        status, payload = await _answer(receiver, limits.timeout_seconds)
    finally:
        await started  # even when the upload was cancelled, so that the child is never left running
        sender.close()
        receiver.close()
        if process.is_alive():
            process.kill()
        await loop.run_in_executor(None, process.join)
    if status == "error":
        assert isinstance(payload, IngestError)
        raise payload
    assert isinstance(payload, IngestResult)
    return payload


async def _answer(receiver: Connection, timeout: float) -> tuple[str, object]:
    loop = asyncio.get_running_loop()
    readable = loop.create_future()
    loop.add_reader(receiver.fileno(), lambda: readable.done() or readable.set_result(None))
    try:
        try:
            await asyncio.wait_for(readable, timeout)
        except TimeoutError:
            raise IngestError(IngestErrorCode.TIMEOUT, limit=f"{timeout:g} seconds") from None
        try:
            return receiver.recv()
        except EOFError:  # the child died without answering (killed by the kernel, crashed)
            raise IngestError(IngestErrorCode.WORKER_FAILED) from None
    finally:
        loop.remove_reader(receiver.fileno())


def parse_in_child(data: bytes, agency: AgencyDefinition, limits: IngestLimits, job: Job = parse_pdf) -> IngestResult:
    """One parse for a command that has nothing else to do: the child is forked straight from this
    process, which has everything imported and no other threads, so no fork server is started. The
    same limits of size, pages, time and memory apply."""
    return asyncio.run(ingest_pdf(data, agency, limits, job, multiprocessing.get_context("fork")))


class IngestWorker:
    """Parses up to `limits.max_parallel` uploads at once, each in its own process; up to
    `limits.max_waiting` more wait for a turn, and any beyond those are refused as busy. The web
    app keeps one."""

    def __init__(self, limits: IngestLimits, job: Job = parse_pdf) -> None:
        self.limits = limits
        self.job = job
        self._slots = asyncio.Semaphore(limits.max_parallel)
        self._capacity = limits.max_parallel + limits.max_waiting
        self._admitted = 0

    async def ingest(self, data: bytes, agency: AgencyDefinition) -> IngestResult:
        check_envelope(data, self.limits.max_bytes)
        if self._admitted >= self._capacity:
            INGEST_REFUSED_BUSY.inc()
            raise IngestError(IngestErrorCode.BUSY)
        self._admitted += 1
        try:
            with INGEST_UPLOADS.labels("admitted").track_inprogress():
                async with self._slots:
                    with INGEST_UPLOADS.labels("parsing").track_inprogress(), INGEST_DURATION.time():
                        return await ingest_pdf(data, agency, self.limits, self.job, niceness=SERVING_NICENESS)
        finally:
            self._admitted -= 1
