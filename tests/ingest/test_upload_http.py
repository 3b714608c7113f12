import asyncio
import json

import anyio
from sqlalchemy import select

from portal.demo_identity import HEADER
from portal.ingest.models import UploadedReport
from tests.support import ingest_jobs as jobs
from tests.support import pdfs
from tests.support.uploading import draft, multipart, post_letter_form, running, texts, upload


async def test_a_simple_query_is_answered_while_a_parse_is_running(database, world, tmp_path):
    """The parse cannot finish until the query has been answered, so the order proves the app kept serving."""
    release = tmp_path / "release"
    events: list[str] = []
    async with running(database, job=jobs.announce_then_wait_for_file) as api:

        async def uploading() -> None:
            payload = await upload(api, world.inv_gp1, jobs.envelope(release), as_=world.gp1_author)
            events.append(f"upload: {texts(payload['contribution'])['other_information']}")

        async def querying() -> None:
            while not release.with_suffix(".started").exists():
                await asyncio.sleep(0.01)
            me = await api("{ me { name } }", as_=world.gp1_colleague)
            events.append(f"query: {me['me']['name']}")
            release.touch()

        with anyio.fail_after(60):
            await asyncio.gather(uploading(), querying())
    assert events == ["query: Gp1 Colleague", "upload: done"]


async def test_the_form_post_fills_the_draft_and_redirects(database, world):
    async with running(database) as api:
        response = await post_letter_form(api, world.inv_gp1, as_=world.gp1_author)
        after = await draft(api, world.conf_a, world.inv_gp1, as_=world.gp1_author)
    assert response.status_code == 303 and response.headers["location"] == f"/invitations/{world.inv_gp1}"
    assert "Yours sincerely," in texts(after)["other_information"]
    assert [u["fileName"] for u in after["uploads"]] == ["letter.pdf"]


async def test_the_form_post_returns_the_same_errors_as_json(database, world):
    async with running(database) as api:
        not_pdf = await api.client.post(
            f"/invitations/{world.inv_gp1}/upload", files={"file": ("report.pdf", b"plain text, not a PDF", "application/pdf")},
            headers={HEADER: str(world.gp1_author)},
        )
        other_org = await api.client.post(
            f"/invitations/{world.inv_gp1}/upload", files={"file": ("letter.pdf", pdfs.letter().data, "application/pdf")},
            headers={HEADER: str(world.gp2_author)},
        )
        nobody = await api.client.post(f"/invitations/{world.inv_gp1}/upload", files={"file": ("letter.pdf", pdfs.letter().data)})
    assert not_pdf.status_code == 422
    assert [(e["code"], e["ingestCode"]) for e in not_pdf.json()["errors"]] == [("INVALID", "NOT_PDF")]
    assert other_org.status_code == 404 and other_org.json()["errors"][0]["code"] == "NOT_FOUND"
    assert nobody.status_code == 401


async def test_the_form_post_refuses_other_sites(database, world):
    async with running(database) as api:
        await api.act_as(world.gp1_author)
        response = await api.client.post(
            f"/invitations/{world.inv_gp1}/upload", files={"file": ("letter.pdf", pdfs.letter().data, "application/pdf")},
            headers={"origin": "https://elsewhere.example"},
        )
    assert response.status_code == 403
    async with database.session() as session:
        assert (await session.execute(select(UploadedReport))).first() is None


async def test_a_multipart_graphql_request_needs_a_header_another_site_could_not_send(database, world):
    async with running(database) as api:
        await api.act_as(world.gp1_author)
        response = await api.client.post(
            "/graphql", data=multipart(world.inv_gp1), files={"0": ("letter.pdf", pdfs.letter().data, "application/pdf")}
        )
    assert response.status_code == 400
    assert HEADER in json.dumps(response.json())
    async with database.session() as session:
        assert (await session.execute(select(UploadedReport))).first() is None


async def test_a_body_far_over_the_limit_is_refused_before_it_is_read(database, world):
    oversized = b"%PDF-1.7\n" + b"0" * 3_000_000 + b"\n%%EOF\n"
    async with running(database, ingest_max_bytes=1024 * 1024) as api:
        graphql = await api.client.post(
            "/graphql", data=multipart(world.inv_gp1), files={"0": ("big.pdf", oversized, "application/pdf")},
            headers={HEADER: str(world.gp1_author)},
        )
        form = await api.client.post(
            f"/invitations/{world.inv_gp1}/upload", files={"file": ("big.pdf", oversized, "application/pdf")},
            headers={HEADER: str(world.gp1_author)},
        )
    assert graphql.status_code == 413 and "1 MB" in graphql.json()["errors"][0]["message"]
    assert form.status_code == 413 and form.json()["errors"][0]["ingestCode"] == "TOO_LARGE"


async def test_the_invitation_page_lists_what_the_author_should_check(database, world):
    async with running(database) as api:
        await post_letter_form(api, world.inv_gp1, as_=world.gp1_author)
        own = await api.client.get(f"/invitations/{world.inv_gp1}", headers={HEADER: str(world.gp1_author)})
        chair = await api.client.get(f"/invitations/{world.inv_gp1}", headers={HEADER: str(world.chair_a)})
    assert own.status_code == 200
    assert "Check where these parts of letter.pdf went" in own.text
    assert "I am not able to attend on 5 October" in own.text and "Other information" in own.text
    assert chair.status_code == 200 and "Check where" not in chair.text


async def test_the_browser_says_whether_a_form_came_from_the_portal_even_when_it_hides_the_origin(database, world):
    async with running(database) as api:
        await api.act_as(world.gp1_author)
        other_site = await api.client.post("/demo/act-as", data={"person": str(world.gp1_author)}, headers={"sec-fetch-site": "cross-site", "origin": "null"})
        own_page = await api.client.post("/demo/act-as", data={"person": str(world.gp1_author)}, headers={"sec-fetch-site": "same-origin", "origin": "null"})
    assert other_site.status_code == 403
    assert own_page.status_code == 303


async def test_a_browser_form_post_is_sent_on_to_the_upload_page_and_answered_with_a_page(database, world):
    """Browsers ask for HTML: they get the upload page's answer, not the JSON scripts get."""
    html = {HEADER: str(world.gp1_author), "accept": "text/html"}
    async with running(database) as api:
        invitation = await api.client.get(f"/invitations/{world.inv_gp1}", headers=html)
        assert f'action="/reports/{world.inv_gp1}/upload"' in invitation.text
        not_pdf = {"file": ("report.pdf", b"plain text, not a PDF", "application/pdf")}
        sent_on = await api.client.post(f"/invitations/{world.inv_gp1}/upload", files=not_pdf, data={"mode": "merge"}, headers=html)
        assert sent_on.status_code == 307 and sent_on.headers["location"] == f"/reports/{world.inv_gp1}/upload"
        page = await api.client.post(sent_on.headers["location"], files=not_pdf, data={"mode": "merge"}, headers=html)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<title>Error: " in page.text and 'href="#file"' in page.text
