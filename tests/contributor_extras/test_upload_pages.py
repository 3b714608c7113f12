"""Filling the draft from a PDF on GOV.UK pages: the upload form with the ingestion's errors beside the
file field, then the review page with each section's pages, other information and the paragraphs to check."""

import re

import pytest

from portal.demo_identity import HEADER
from tests.support import pdfs
from tests.support.uploading import running

ATTEND = "I am not able to attend on 5 October"


def as_(person: int) -> dict[str, str]:
    return {HEADER: str(person), "accept": "text/html"}


async def post_pdf(api, world, data: bytes, mode: str = "merge", person=None):
    return await api.client.post(f"/reports/{world.inv_gp1}/upload", data={"mode": mode}, files={"file": ("letter.pdf", data, "application/pdf")},
                                 headers=as_(person or world.gp1_author))


async def test_the_upload_form_shows_the_ingestions_errors_beside_the_file(api, world):
    empty = await api.client.get(f"/reports/{world.inv_gp1}/upload", headers=as_(world.gp1_author))
    assert empty.status_code == 200 and 'type="file"' in empty.text and 'value="merge" checked' in empty.text
    not_pdf = await post_pdf(api, world, b"plain text, not a PDF", mode="replace")
    assert not_pdf.status_code == 200 and "<title>Error:" in not_pdf.text
    assert "This file is not a PDF" in not_pdf.text and 'href="#file"' in not_pdf.text and 'value="replace" checked' in not_pdf.text
    scanned = await post_pdf(api, world, pdfs.scanned())
    assert scanned.status_code == 200 and "looks like a scanned image" in scanned.text
    nothing = await api.client.post(f"/reports/{world.inv_gp1}/upload", data={}, files={"file": ("", b"", "application/octet-stream")},
                                    headers=as_(world.gp1_author))
    assert nothing.status_code == 200 and "Select the PDF" in nothing.text and "Choose whether" in nothing.text


async def test_too_large_a_file_comes_back_to_the_form_with_the_limit(database, world):
    async with running(database, ingest_max_bytes=1024 * 1024) as api:
        within_slack = await api.client.post(f"/reports/{world.inv_gp1}/upload", data={"mode": "merge"},
                                             files={"file": ("big.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 10), "application/pdf")}, headers=as_(world.gp1_author))
        assert within_slack.status_code == 200 and "larger than the 1 MB allowed" in within_slack.text
        refused = await api.client.post(f"/reports/{world.inv_gp1}/upload", data={"mode": "merge"},
                                        files={"file": ("big.pdf", b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024), "application/pdf")}, headers=as_(world.gp1_author))
        assert refused.status_code == 303 and refused.headers["location"] == f"/reports/{world.inv_gp1}/upload?refused=too-large"
        form = await api.client.get(refused.headers["location"], headers=as_(world.gp1_author))
    assert form.status_code == 200 and "larger than the 1 MB allowed" in form.text and 'href="#file"' in form.text


async def test_the_review_shows_sections_pages_other_information_and_settles_placements(api, world):
    uploaded = await post_pdf(api, world, pdfs.letter().data)
    assert uploaded.status_code == 303
    review = uploaded.headers["location"]
    assert re.fullmatch(rf"/reports/{world.inv_gp1}/uploads/\d+", review)
    page = await api.client.get(review, headers=as_(world.gp1_author))
    assert page.status_code == 200 and "Check what letter.pdf put in your draft" in page.text
    assert "Other information" in page.text and ATTEND in page.text and "Page 1" in page.text
    items = re.findall(r'name="item" value="(\d+)"', page.text)
    assert items, page.text
    moved = await api.client.post(f"{review}/placements", data={"item": items[0], "section": "horoscope"}, headers=as_(world.gp1_author))
    assert moved.status_code == 200 and "horoscope" in moved.text and f'href="#section-{items[0]}"' in moved.text
    missing = await api.client.post(f"{review}/placements", data={"item": "999", "section": "worries"}, headers=as_(world.gp1_author))
    assert missing.status_code == 200 and "not on the list" in missing.text
    kept = await api.client.post(f"{review}/placements", data={"item": items[0], "section": "about_author"}, headers=as_(world.gp1_author))
    assert kept.status_code == 303 and kept.headers["location"].endswith("?done=checked#check")
    accepted = await api.client.post(f"{review}/accept", headers=as_(world.gp1_author))
    assert accepted.status_code == 303 and accepted.headers["location"] == f"{review}?done=accepted"
    after = await api.client.get(accepted.headers["location"], headers=as_(world.gp1_author))
    assert "nothing left to check" in after.text and "Go on to your report" in after.text and 'name="item"' not in after.text


@pytest.mark.parametrize("person", ["gp2_author", "chair_b", "chair_a"])
async def test_others_get_not_found_on_the_upload_and_review_pages(api, world, person):
    review = (await post_pdf(api, world, pdfs.letter().data)).headers["location"]
    stranger = getattr(world, person)
    for response in (
        await api.client.get(f"/reports/{world.inv_gp1}/upload", headers=as_(stranger)),
        await post_pdf(api, world, pdfs.letter().data, person=stranger),
        await api.client.get(review, headers=as_(stranger)),
        await api.client.post(f"{review}/placements", data={"item": "0", "section": "worries"}, headers=as_(stranger)),
        await api.client.post(f"{review}/accept", headers=as_(stranger)),
    ):
        assert response.status_code == 404, (person, response.url)
        assert "Riverside" not in response.text and ATTEND not in response.text
    other_upload = review.replace(f"/reports/{world.inv_gp1}/", f"/reports/{world.inv_school}/")
    assert (await api.client.get(other_upload, headers=as_(world.school_author))).status_code == 404
