"""The disk that receives uploads full: `portal serve` with its temporary folder on a 1 MB tmpfs, where a
request body over 1 MB is spooled. The upload is refused with a clear message (507), the draft is as it
was, and a smaller upload, which needs no disk, still goes through."""

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from portal.contributions.models import Contribution
from portal.demo_identity import HEADER
from portal.edge.outages import NO_SPACE
from tests.support import pdfs
from tests.support.contributions import sections
from tests.support.servers import portal_process
from tests.support.uploading import multipart

DRAFT = "mutation($input: SaveDraftInput!) { saveDraft(input: $input) { contribution { id version } errors { message } } }"


@contextmanager
def small_disk(size: str = "1m") -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="portal-small-disk-") as folder:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", folder], capture_output=True, text=True)
        if mounted.returncode:
            pytest.skip(f"cannot mount a small tmpfs here (needs root): {mounted.stderr.strip()}")
        try:
            yield Path(folder)
        finally:
            subprocess.run(["umount", "-l", folder], check=False)


async def draft_of(database, invitation: int) -> tuple[int, dict]:
    async with database.session() as session:
        row = (await session.execute(select(Contribution.version, Contribution.sections).where(Contribution.invitation_id == invitation))).one()
    return row.version, row.sections


async def test_an_upload_refused_for_want_of_disk_says_so_and_keeps_the_draft(served_url, served_database, served_world):
    world = served_world
    pdf = pdfs.clinical_print().data
    large = pdf + b"\n%" + b"x" * (2 * 1024 * 1024)  # still a PDF, and over the 1 MB kept in memory
    with small_disk() as disk, portal_process(served_url, env={"TMPDIR": str(disk)}) as served:
        with httpx.Client(base_url=served.base, headers={HEADER: str(world.gp1_author)}, timeout=60) as client:
            saved = client.post("/graphql", json={"query": DRAFT, "variables": {"input": {
                "invitationId": world.id("inv_gp1"), "sections": sections({"worries": "Typed before the upload."})}}})
            assert saved.json()["data"]["saveDraft"]["errors"] == []
            before = await draft_of(served_database, world.inv_gp1)
            api = client.post("/graphql", data=multipart(world.inv_gp1), files={"0": ("report.pdf", large, "application/pdf")})
            page = client.post(f"/reports/{world.id('inv_gp1')}/upload", data={"mode": "merge"},
                               files={"file": ("report.pdf", large, "application/pdf")}, headers={"accept": "text/html"})
            after_refusals = await draft_of(served_database, world.inv_gp1)
            small = client.post("/graphql", data=multipart(world.inv_gp1), files={"0": ("report.pdf", pdf, "application/pdf")})
        log = served.log.read_text()
    assert api.status_code == 507, api.text[:500]
    assert api.json() == {"errors": [{"message": NO_SPACE, "extensions": {"code": "UNAVAILABLE"}}]}
    assert page.status_code == 507 and "no room to receive files" in page.text and "<html" in page.text
    assert after_refusals == before and before[1] == {"worries": "Typed before the upload."}
    assert small.status_code == 200 and small.json()["data"]["uploadReport"]["errors"] == [], small.text[:500]
    assert (await draft_of(served_database, world.inv_gp1))[0] == before[0] + 1
    assert "Traceback" not in log, log[-3000:]
