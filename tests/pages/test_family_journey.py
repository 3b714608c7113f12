"""A parent's journey in Chromium against a real `portal serve` without demo mode, with and without
JavaScript: sign in with a code read from the real SMTP inbox, see who is coming, read the report
shared with them and mark it read, open the family pack and download its PDF, and write to the
chair; and a child's, on a 320 px screen: open the emailed link, type the code, send their views in
words, a picture and a drawing, which the chair then reads. Every page is checked (axe, 320 px and
200% zoom, console) in each state it reaches."""

import re
from collections.abc import Iterator

import pytest

from tests.families.test_before_the_meeting import WITHHELD, shared_report
from tests.pages.test_signed_in_journeys import follow, press
from tests.support.api import Api
from tests.support.browser import check_page, tab
from tests.support.child_views import deliver_to, link_in, picture, send_link
from tests.support.families import separated_parents
from tests.support.mail import Inbox, free_port
from tests.support.servers import SECRET_KEY, portal_server
from tests.support.signing_in import code_sent_to, session_cookie
from tests.support.world import World

MOTHER = "jodie@example.net"


@pytest.fixture
def mailing_site(database_url: str, world: World, smtp_port: int, inbox: Inbox) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with portal_server(database_url, demo=False, port=port, base_url=base, smtp_host="127.0.0.1", smtp_port=str(smtp_port)) as served:
        yield served


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_a_parent_signs_in_sees_who_is_coming_reads_the_report_gets_the_pack_and_writes_to_the_chair(
    browser, api, database, world, inbox, mailing_site, javascript,
):
    await separated_parents(api, world, database)
    report = await shared_report(api, world)
    await api.mutate("recordAttendance", {"invitationId": world.id("inv_gp1"), "answer": "ATTENDING"}, "answer", as_=world.gp1_author)
    meeting = f"{mailing_site}/family/conferences/{world.conf_a}"
    async with tab(browser, mailing_site, javascript=javascript) as found:
        page = found.page
        await page.goto("/sign-in/email")
        await page.get_by_label("Your email address").fill(MOTHER)
        await follow(page, page.get_by_role("button", name="Send me a code"), f"{mailing_site}/sign-in/code")
        await page.get_by_label("Code").fill(await code_sent_to(inbox, MOTHER))
        await follow(page, page.get_by_role("button", name="Sign in"), f"{mailing_site}/")
        await follow(page, page.locator("header").get_by_role("link", name="Meetings about your children"), f"{mailing_site}/family")
        await check_page(found)

        await follow(page, page.get_by_role("link", name=re.compile("^Initial child protection conference on ")), meeting)
        main = await page.locator("main").inner_text()
        assert "Riverside Surgery" in main and "Coming" in main and "Not replied yet" in main and "New" in main
        await check_page(found)

        await follow(page, page.get_by_role("link", name="Riverside Surgery"), f"{meeting}/reports/{report}")
        text = await page.locator("main").inner_text()
        assert "Bruising seen twice" in text and WITHHELD not in text
        await check_page(found)
        await follow(page, page.get_by_role("button", name="I have read this report"))
        assert "New" not in await page.locator("#reports ~ ul").first.inner_text()

        await follow(page, page.get_by_role("link", name="Read the family pack"), f"{meeting}/pack")
        assert "What people are worried about" in await page.locator("main").inner_text()
        await check_page(found)
        async with page.expect_download() as downloading:
            await page.get_by_role("link", name="Download the family pack (PDF)").click()
        download = await downloading.value
        assert download.suggested_filename == f"family-pack-{world.conf_a}.pdf"
        await page.goto(meeting)

        await press(page, "Send to the chair")
        assert (await page.title()).startswith("Error: ")
        await check_page(found)
        await page.get_by_label("Your response to the reports, or your questions for the chair").fill("Who from the school is coming?")
        await press(page, "Send to the chair")
        assert "Your message was sent to the chair" in await page.locator(".govuk-notification-banner").inner_text()
        assert "Who from the school is coming?" in await page.locator("main").inner_text()
        await check_page(found)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_a_child_types_their_code_on_a_phone_sends_their_views_and_the_chair_reads_them(
    browser, database, world, inbox, smtp_port, mailing_site, tmp_path, javascript,
):
    async with Api.running(database, secret_key=SECRET_KEY) as staff:
        sent = await send_link(staff, world)
    await deliver_to(database, smtp_port, portal_url=mailing_site)
    (message,) = [m for m in inbox.messages if m["To"] == sent["link"]["sentTo"]]
    drawing = tmp_path / "my-drawing.jpg"
    drawing.write_bytes(picture(size=(300, 200)))
    views = f"{mailing_site}/views/{sent['link']['id']}"
    async with tab(browser, mailing_site, javascript=javascript, width=320) as found:
        page = found.page
        await page.goto(link_in(message))
        await check_page(found)
        await page.get_by_label("Code").fill("000000" if sent["code"] != "000000" else "111111")
        await press(page, "Start")
        assert "That code is not right" in await page.locator(".govuk-error-summary").inner_text()
        await check_page(found)
        await page.get_by_label("Code").fill(sent["code"])
        await follow(page, page.get_by_role("button", name="Start"), views)
        assert "Hello Maisie" in await page.locator("main").inner_text()
        await check_page(found)

        await press(page, "Send")
        assert (await page.title()).startswith("Error: ") and "Tell us something" in await page.locator(".govuk-error-summary").inner_text()
        await check_page(found)
        await page.get_by_label("What worries you?").fill("When it is loud at home.")
        await page.get_by_label("Who would you like to be at the meeting?").fill("My nan.")
        await page.get_by_text("Happy", exact=True).click()
        await page.get_by_label("Add a drawing").set_input_files(str(drawing))
        await follow(page, page.get_by_role("button", name="Send"), f"{views}/sent")
        assert "Thank you" in await page.locator("main").inner_text()
        await check_page(found)

    async with tab(browser, mailing_site, javascript=javascript) as found:
        cookies = await session_cookie(database, world.chair_a, https=False)
        await found.context.add_cookies([{"name": name, "value": value, "url": mailing_site} for name, value in cookies.items()])
        await found.page.goto(f"/chair/conferences/{world.conf_a}")
        said = await found.page.locator("#child-views ~ .govuk-inset-text").first.inner_text()
        assert "Maisie" in said and "When it is loud at home." in said and "My nan." in said and "Happy" in said and "PN6" in said
        assert await found.page.get_by_role("img", name="A drawing or photo Maisie sent").is_visible()
        await check_page(found)
