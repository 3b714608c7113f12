"""Uploads through the app share the worker: parsed at once up to PORTAL_INGEST_MAX_PARALLEL,
then waiting, then refused as busy."""

import asyncio

import anyio
from sqlalchemy import select

from portal.demo_identity import HEADER
from portal.ingest.models import UploadedReport
from tests.support import ingest_jobs as jobs
from tests.support.uploading import running, texts, upload

BUSY = "The portal is busy reading other reports; try again in a minute."


async def test_two_uploads_are_parsed_at_once_by_default(database, world, tmp_path):
    events = tmp_path / "events"
    events.touch()
    async with running(database, job=jobs.meet_another_parse) as api:
        with anyio.fail_after(60):
            first, second = await asyncio.gather(
                upload(api, world.inv_gp1, jobs.envelope(events), as_=world.gp1_author),
                upload(api, world.inv_gp2_b, jobs.envelope(events), as_=world.gp2_author),
            )
    assert events.read_text().split() == ["start", "start", "end", "end"]
    assert [texts(p["contribution"])["other_information"] for p in (first, second)] == ["done", "done"]


async def test_an_upload_past_the_bound_is_refused_as_busy_and_nothing_is_written(database, world, tmp_path):
    release = tmp_path / "release"
    async with running(database, job=jobs.announce_then_wait_for_file, ingest_max_parallel=1, ingest_max_waiting=0) as api:

        async def refused() -> tuple[dict, object]:
            while not release.with_suffix(".started").exists():
                await asyncio.sleep(0.01)
            payload = await upload(api, world.inv_gp2_b, jobs.envelope(release), as_=world.gp2_author)
            form = await api.client.post(
                f"/invitations/{world.inv_gp2_b}/upload", files={"file": ("report.pdf", jobs.envelope(release), "application/pdf")},
                headers={HEADER: str(world.gp2_author)},
            )
            release.touch()
            return payload, form

        with anyio.fail_after(60):
            parsed, (busy, form) = await asyncio.gather(upload(api, world.inv_gp1, jobs.envelope(release), as_=world.gp1_author), refused())
    assert texts(parsed["contribution"])["other_information"] == "done"
    assert busy["contribution"] is None
    assert busy["errors"] == [{"path": ["input", "file"], "message": BUSY, "code": "UNAVAILABLE", "ingestCode": "BUSY"}]
    assert form.status_code == 503 and form.headers["retry-after"] == "60"
    assert form.json()["errors"][0]["ingestCode"] == "BUSY"
    async with database.session() as session:
        assert [u.file_name for u in (await session.execute(select(UploadedReport))).scalars()] == ["report.pdf"]
