import shutil

import pytest
from sqlalchemy import select, update

from portal.contributions.models import Contribution
from portal.ingest.models import UploadedReport
from portal.settings import ROOT
from tests.support import pdfs
from tests.support.uploading import draft, running, save_draft, texts, upload

WORRIES = {"worries": "Mia has missed two asthma reviews."}

BAD_FILES = {
    "not_pdf": (lambda: b"PK\x03\x04word/document.xml" + b"\0" * 200, {}, "NOT_PDF"),
    "encrypted": (pdfs.encrypted, {}, "ENCRYPTED"),
    "scanned": (pdfs.scanned, {}, "NO_TEXT"),
    "over_size": (lambda: pdfs.letter().data, {"ingest_max_bytes": 1000}, "TOO_LARGE"),
    "too_many_pages": (lambda: pdfs.long_report(3), {"ingest_max_pages": 2}, "TOO_MANY_PAGES"),
}


async def _uploads(database) -> list[UploadedReport]:
    async with database.session() as session:
        return list((await session.execute(select(UploadedReport))).scalars())


@pytest.mark.parametrize("case", BAD_FILES, ids=str)
async def test_a_bad_file_gets_its_own_error_and_leaves_the_draft_untouched(database, world, case):
    make, limits, code = BAD_FILES[case]
    async with running(database, **limits) as api:
        await save_draft(api, world.inv_gp1, WORRIES, as_=world.gp1_author)
        payload = await upload(api, world.inv_gp1, make(), as_=world.gp1_author, mode="REPLACE")
        after = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author)
    [error] = payload["errors"]
    assert (error["ingestCode"], error["code"], error["path"]) == (code, "INVALID", ["input", "file"])
    assert error["message"] and "Traceback" not in error["message"]
    assert payload["contribution"] is None
    assert after["version"] == 1 and texts(after) == WORRIES and after["uploads"] == []
    assert await _uploads(database) == []


async def test_the_scanned_pdf_error_says_what_to_do(database, world):
    async with running(database) as api:
        [error] = (await upload(api, world.inv_gp1, pdfs.scanned(), as_=world.gp1_author))["errors"]
    assert "scanned" in error["message"] and "type or paste" in error["message"]


@pytest.mark.parametrize(
    ("person", "invitation", "code"),
    [
        ("gp2_author", "inv_gp1", "NOT_FOUND"),  # another organisation's contributor
        ("chair_a", "inv_gp1", "NOT_FOUND"),  # the conference's chair
        ("chair_a", "inv_social_a", "FORBIDDEN"),  # a chair, even for their own organisation's report
        ("bs_b", "inv_gp1", "NOT_FOUND"),  # another local authority
        ("chair_b", "inv_social_a", "NOT_FOUND"),
    ],
)
async def test_only_contributors_of_the_invited_organisation_may_upload(database, world, person, invitation, code):
    async with running(database) as api:
        payload = await upload(api, world.ids[invitation], pdfs.letter().data, as_=world.ids[person])
    assert [e["code"] for e in payload["errors"]] == [code]
    assert payload["errors"][0]["path"] == ["input", "invitationId"]
    async with database.session() as session:
        assert (await session.execute(select(Contribution))).first() is None
    assert await _uploads(database) == []


async def test_a_submitted_report_cannot_be_overwritten(database, world):
    async with running(database) as api:
        await save_draft(api, world.inv_gp1, WORRIES, as_=world.gp1_author)
        async with database.session() as session:
            await session.execute(update(Contribution).where(Contribution.invitation_id == world.inv_gp1).values(status="SUBMITTED"))
            await session.commit()
        payload = await upload(api, world.inv_gp1, pdfs.letter().data, as_=world.gp1_author, mode="REPLACE")
        after = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author)
    assert [e["code"] for e in payload["errors"]] == ["CONFLICT"]
    assert "amend" in payload["errors"][0]["message"]
    assert after["version"] == 1 and texts(after) == WORRIES


async def test_text_too_long_for_a_section_is_refused_as_a_problem_with_the_file(database, world, tmp_path):
    agencies = tmp_path / "agencies"
    shutil.copytree(ROOT / "agencies", agencies)
    gp = agencies / "gp.toml"
    before, other = gp.read_text().split('id = "other_information"')
    gp.write_text(before + 'id = "other_information"' + other.replace("max_length = 200000", "max_length = 20", 1))
    async with running(database, agencies_dir=agencies) as api:
        payload = await upload(api, world.inv_gp1, pdfs.letter().data, as_=world.gp1_author)
    [error] = payload["errors"]
    assert (error["code"], error["path"], error["ingestCode"]) == ("INVALID", ["input", "file"], None)
    assert "the limit is 20." in error["message"]
    assert await _uploads(database) == []
