"""A GP's pages beside writing, in Chromium with and without JavaScript: upload a PDF (first with no
file), review where it went, accept it into the draft, ask for a section to be withheld (first with
no reason), and record sharing with the family (first with an impossible date). Every page is
checked (axe, narrow screens, console) in each state it reaches."""

import httpx
import pytest
from playwright.async_api import Page

from portal.demo_identity import HEADER
from tests.support import pdfs
from tests.support.browser import check_page, tab
from tests.support.contributions import REQUIRED_GP, sections

SAVE = "mutation($input: SaveDraftInput!) { saveDraft(input: $input) { contribution { id } errors { message } } }"
SUBMIT = "mutation($id: ID!) { submitContribution(input: {contributionId: $id}) { errors { message } } }"


async def press(page: Page, name: str) -> None:
    async with page.expect_navigation():
        await page.get_by_role("button", name=name, exact=True).click()


def submit_the_draft(site: str, world) -> None:
    """The rest of the report written and submitted through the API, so it can be shared."""
    headers = {HEADER: str(world.gp1_author)}
    saved = httpx.post(f"{site}/graphql", json={"query": SAVE, "variables": {"input": {"invitationId": world.id("inv_gp1"), "sections": sections(REQUIRED_GP)}}},
                       headers=headers).json()["data"]["saveDraft"]
    assert saved["errors"] == []
    submitted = httpx.post(f"{site}/graphql", json={"query": SUBMIT, "variables": {"id": saved["contribution"]["id"]}}, headers=headers).json()
    assert submitted["data"]["submitContribution"]["errors"] == []


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_a_gp_uploads_reviews_asks_for_withholding_and_records_sharing(browser, site, world, javascript):
    report = f"/reports/{world.inv_gp1}"
    async with tab(browser, site, javascript=javascript) as found:
        page = found.page
        await page.goto("/")
        await press(page, "Act as Gp1 Author")

        await page.goto(f"/invitations/{world.inv_gp1}")
        await check_page(found)
        await page.goto(f"{report}/upload")
        assert await page.title() == "Fill your report from a PDF – Conference contribution portal"
        await check_page(found)
        await press(page, "Upload and check")
        assert (await page.title()).startswith("Error: ")
        assert await page.locator(".govuk-error-summary a").get_attribute("href") == "#file"
        await check_page(found)

        await page.locator("#file").set_input_files({"name": "letter.pdf", "mimeType": "application/pdf", "buffer": pdfs.letter().data})
        await page.get_by_label("Replace it").check()
        await press(page, "Upload and check")
        assert await page.locator("h1").inner_text() == "Check what letter.pdf put in your draft"
        assert "I am not able to attend on 5 October" in await page.locator("main").inner_text()
        await check_page(found)
        review = page.url
        await page.goto(f"/invitations/{world.inv_gp1}")  # the page the reminder emails link to lists them too
        assert "Check where these parts of letter.pdf went" in await page.locator("main").inner_text()
        await check_page(found)
        await page.goto(review)
        first = page.locator("select").first
        await first.select_option(index=0)
        await press(page, "Save where it goes")
        await check_page(found)
        await press(page, "Accept into my draft")
        assert "Your draft holds what letter.pdf filled in." in await page.locator(".govuk-notification-banner").inner_text()
        await check_page(found)

        await page.goto(f"{report}/withholding")
        await check_page(found)
        await page.get_by_label("Parental and household health").check()
        await press(page, "Ask the chair")
        assert (await page.title()).startswith("Error: ")
        assert await page.locator(".govuk-error-summary a").get_attribute("href") == "#reason"
        assert await page.get_by_label("Parental and household health").is_checked()
        await check_page(found)
        await page.get_by_label("Why should it be withheld?").fill("It names the mother's new partner, who does not know of the referral.")
        await press(page, "Ask the chair")
        assert "Waiting for the chair" in await page.locator("main").inner_text()
        await check_page(found)

        submit_the_draft(site, world)
        await page.goto(f"{report}/sharing")
        await check_page(found)
        await page.get_by_label("Day").fill("31")
        await page.get_by_label("Month").fill("9")
        await page.get_by_label("Year").fill("2026")
        await press(page, "Record the date")
        assert (await page.title()).startswith("Error: ")
        assert "must be a real date" in await page.locator(".govuk-error-summary").inner_text()
        assert await page.get_by_label("Day").input_value() == "31"
        await check_page(found)
        await page.get_by_label("Day").fill("30")
        await press(page, "Record the date")
        assert "2026-09-30" in await page.locator(".govuk-notification-banner").inner_text()
        await check_page(found)
