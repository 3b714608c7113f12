"""The guardian's journey in Chromium against a real `portal serve`, with and without JavaScript: act
as the guardian through the demo picker, read the IRO's current view, mark it read, see it change when
the IRO records a new version, read what changed, and print the copy for the court bundle without the
portal's navigation."""

import re

import httpx
import pytest
from playwright.async_api import Locator, Page

from portal.demo_identity import HEADER
from tests.support.browser import check_page, tab
from tests.support.guardians import FIRST_VIEW

RECORD = """mutation($input: RecordCarePlanViewInput!) { recordCarePlanView(input: $input) { errors { message } } }"""
SECOND = "The IRO supports the plan for Maisie to stay with her grandmother and asks for contact twice a week."


async def follow(page: Page, target: Locator) -> None:
    async with page.expect_navigation():
        await target.click()


async def iro_records(site: str, world, view: str) -> None:
    async with httpx.AsyncClient(base_url=site, timeout=20) as client:
        response = await client.post("/graphql", headers={HEADER: str(world.chair_a)}, json={"query": RECORD, "variables": {
            "input": {"proceedingsId": world.id("proceedings_a"), "childId": world.id("child_a1"), "view": view}}})
    assert response.json()["data"]["recordCarePlanView"]["errors"] == []


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_the_guardian_reads_marks_follows_a_change_and_prints_the_view(browser, site, world, javascript):
    async with tab(browser, site, javascript=javascript) as found:
        page = found.page
        await page.goto("/")
        await follow(page, page.get_by_role("button", name="Act as Guardian 1", exact=True))
        await follow(page, page.locator("header").get_by_role("link", name="Your proceedings"))
        card = page.locator(f"#child-{world.proceedings_a}-{world.child_a1}")
        assert FIRST_VIEW in await card.inner_text() and "New: not read yet" in await card.inner_text()
        await check_page(found)

        await follow(page, card.get_by_role("button", name="Mark the view for Maisie Ashdown as read"))
        assert "Marked as read" in await page.locator(".govuk-notification-banner").inner_text()
        assert "No change since you read it" in await card.inner_text()
        await check_page(found)

        await iro_records(site, world, SECOND)
        await page.reload()
        assert "Changed since you last looked" in await card.inner_text() and "contact twice a week" in await card.inner_text()
        await follow(page, card.get_by_role("link", name=re.compile("^What changed since you last looked")))
        assert await page.get_by_role("heading", name="What changed since you last looked").count() == 1
        added = " ".join(await page.locator(".app-diff ins").first.all_inner_texts())
        assert "[added:" in added and "contact twice a week" in added
        await check_page(found)
        await follow(page, page.get_by_role("button", name="Mark as read"))
        assert "No change since you read it" in await page.locator("main").inner_text()

        await follow(page, page.get_by_role("link", name="Printable copy for the court bundle"))
        await check_page(found)
        await page.emulate_media(media="print")
        assert not await page.locator(".govuk-service-navigation").is_visible()
        assert not await page.locator(".govuk-back-link").is_visible()
        assert await page.get_by_role("heading", name="The current view").is_visible()
        assert "Earlier versions" in await page.locator("main").inner_text()
        await page.emulate_media(media="screen")
