"""A form posted after the person's sign-in has ended keeps what they typed: it is held for them,
they sign in again with an emailed code (a real SMTP server on loopback), the post goes on as them
and they are back on the page with a banner. Someone else signing in on that browser gets nothing."""

import re
from datetime import timedelta

from sqlalchemy import func, select

from portal.edge.cookies import cookie_name
from portal.held_forms.cookie import HELD_COOKIE
from portal.held_forms.models import HeldForm
from tests.support import pdfs
from tests.support.contributions import draft
from tests.support.signing_in import ask_for_code, browser, code_sent_to, enter_code

GP = "gp1_author@example.org"
COLLEAGUE = "gp1_colleague@example.org"
REQUESTS = "query($id: ID!) { contribution(id: $id) { withholdingRequests { sectionId reason } } }"
HTML = {"accept": "text/html"}


async def sign_in(client, inbox, email: str, seen: int = 0):
    await ask_for_code(client, email)
    return await enter_code(client, await code_sent_to(inbox, email, seen))


async def held_rows(database) -> int:
    async with database.session() as db:
        return (await db.execute(select(func.count()).select_from(HeldForm))).scalar_one()


async def post_after_the_session_ended(client, inbox, frozen, path: str, form: dict[str, str], email: str = GP, files=None):
    signed_in = await sign_in(client, inbox, email)
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/"
    assert (await client.get(path, headers=HTML)).status_code == 200
    frozen.advance(timedelta(minutes=31))  # idle past the session's limit while typing
    return await client.post(path, data=form, files=files, headers=HTML)


async def test_the_same_person_signing_in_again_gets_the_post_saved(database, world, api, inbox, smtp_port, frozen):
    contribution = await draft(api, world)
    path = f"/reports/{world.inv_gp1}/withholding"
    form = {"section": "parental_health", "reason": "Names the mother's new partner."}
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        held = await post_after_the_session_ended(client, inbox, frozen, path, form)
        assert held.status_code == 303 and held.headers["location"] == "/sign-in"
        assert HELD_COOKIE in held.headers["set-cookie"] and "HttpOnly" in held.headers["set-cookie"]
        assert await held_rows(database) == 1
        nothing_yet = await api(REQUESTS, {"id": contribution["id"]}, as_=world.gp1_author)
        assert nothing_yet["contribution"]["withholdingRequests"] == []
        again = await sign_in(client, inbox, GP, seen=1)
        assert again.status_code == 307 and again.headers["location"] == "/held/resume"
        sent = await client.post("/held/resume", data={"code": "as the browser repeats it"}, headers=HTML)
        assert sent.status_code == 303 and sent.headers["location"] == f"{path}?done=requested&held=saved"
        assert cookie_name(HELD_COOKIE, secure=True) not in client.cookies
        page = await client.get(sent.headers["location"], headers=HTML)
        assert "what you sent is saved" in page.text and "Waiting for the chair" in page.text
        twice = await client.post("/held/resume", headers=HTML)
        assert twice.status_code == 303 and twice.headers["location"] == "/"
    saved = await api(REQUESTS, {"id": contribution["id"]}, as_=world.gp1_author)
    assert saved["contribution"]["withholdingRequests"] == [{"sectionId": "parental_health", "reason": form["reason"]}]
    assert await held_rows(database) == 0


async def test_a_held_post_with_a_mistake_comes_back_with_what_was_typed(database, world, api, inbox, smtp_port, frozen):
    await api(
        "mutation($id: ID!) { submitContribution(input: {contributionId: $id}) { errors { message } } }",
        {"id": (await draft(api, world))["id"]}, as_=world.gp1_author)
    path = f"/reports/{world.inv_gp1}/sharing"
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        held = await post_after_the_session_ended(client, inbox, frozen, path, {"shared-on-day": "30", "shared-on-month": "2", "shared-on-year": "2026"})
        assert held.headers["location"] == "/sign-in"
        await sign_in(client, inbox, GP, seen=1)
        shown = await client.post("/held/resume", headers=HTML)
    assert shown.status_code == 200 and "<title>Error:" in shown.text
    assert "not saved yet" in shown.text and "must be a real date" in shown.text and 'value="30"' in shown.text


async def test_someone_else_signing_in_on_that_browser_gets_nothing_of_it(database, world, api, inbox, smtp_port, frozen):
    contribution = await draft(api, world)
    path = f"/reports/{world.inv_gp1}/withholding"
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        held = await post_after_the_session_ended(client, inbox, frozen, path, {"section": "worries", "reason": "A neighbour's account."})
        assert held.headers["location"] == "/sign-in"
        colleague = await sign_in(client, inbox, COLLEAGUE)
        assert colleague.status_code == 307
        resumed = await client.post("/held/resume", headers=HTML)
        assert resumed.status_code == 303 and resumed.headers["location"] == "/"
        page = await client.get(path, headers=HTML)
    assert "A neighbour" not in page.text and "Signed in again" not in page.text
    untouched = await api(REQUESTS, {"id": contribution["id"]}, as_=world.gp1_author)
    assert untouched["contribution"]["withholdingRequests"] == []
    assert await held_rows(database) == 0


async def test_a_post_with_no_session_at_all_is_not_held(database, world, api):
    await draft(api, world)
    async with browser(database) as client:
        refused = await client.post(f"/reports/{world.inv_gp1}/withholding", data={"section": "worries", "reason": "x"}, headers=HTML)
    assert refused.status_code == 303 and refused.headers["location"] == "/sign-in" and HELD_COOKIE not in refused.headers.get("set-cookie", "")
    assert await held_rows(database) == 0


async def test_a_draft_saved_after_the_sign_in_ended_is_saved_once_the_author_is_back(database, world, api, inbox, smtp_port, frozen):
    path = f"/reports/{world.inv_gp1}"
    form = {"section-worries": "Bruising seen on both arms at the asthma review.", "action": "save"}
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        held = await post_after_the_session_ended(client, inbox, frozen, path, form)
        assert held.status_code == 303 and held.headers["location"] == "/sign-in"
        assert await held_rows(database) == 1
        await sign_in(client, inbox, GP, seen=1)
        sent = await client.post("/held/resume", headers=HTML)
        assert sent.status_code == 303 and sent.headers["location"] == f"{path}?saved=1&held=saved"
    drafts = await api("{ myInvitations { nodes { id contribution { sections { id text { source } } } } } }", {}, as_=world.gp1_author)
    (mine,) = (n for n in drafts["myInvitations"]["nodes"] if n["id"] == str(world.inv_gp1))
    assert {"id": "worries", "text": {"source": form["section-worries"]}} in mine["contribution"]["sections"]
    assert await held_rows(database) == 0


async def test_an_upload_sent_after_the_sign_in_ended_is_held_with_its_file_and_uploaded_once_the_author_is_back(
    database, world, api, inbox, smtp_port, frozen,
):
    path = f"/reports/{world.inv_gp1}/upload"
    async with browser(database, smtp_port=smtp_port, smtp_host="127.0.0.1") as client:
        held = await post_after_the_session_ended(client, inbox, frozen, path, {"mode": "replace"},
                                                  files={"file": ("letter.pdf", pdfs.letter().data, "application/pdf")})
        assert held.status_code == 303 and held.headers["location"] == "/sign-in"
        assert await held_rows(database) == 1
        again = await sign_in(client, inbox, GP, seen=1)
        assert again.status_code == 307 and again.headers["location"] == "/held/resume"
        sent = await client.post("/held/resume", data={"code": "as the browser repeats it"}, headers=HTML)
        assert sent.status_code == 303 and re.fullmatch(rf"{path}s/\d+\?held=saved", sent.headers["location"])
        review = await client.get(sent.headers["location"], headers=HTML)
        assert "what you sent is saved" in review.text and "Check what letter.pdf put in your draft" in review.text
    uploads = await api("query($id: ID!) { invitation(id: $id) { contribution { uploads { fileName } } } }", {"id": world.id("inv_gp1")}, as_=world.gp1_author)
    assert uploads["invitation"]["contribution"]["uploads"] == [{"fileName": "letter.pdf"}]
    assert await held_rows(database) == 0
