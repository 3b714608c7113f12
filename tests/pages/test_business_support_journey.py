"""Business support's journey in Chromium against a real `portal serve`, with and without JavaScript:
act as business support through the demo picker, create a conference for two siblings, schedule it
past its statutory latest date (warned, then confirmed), invite a GP practice found by name, change its
due time (refused without a reason), record a phone chase from the chasing view, and record the
world's conference held with the next review's latest date shown. axe, 320 px, 200% zoom and the
console are checked on every page and error state."""

import re

import pytest
from playwright.async_api import Locator, Page

from tests.support.browser import check_page, tab


async def follow(page: Page, target: Locator) -> None:
    async with page.expect_navigation():
        await target.click()


async def fill_date(page: Page, prefix: str, day: str, month: str, year: str, time: str | None = None) -> None:
    await page.locator(f"#{prefix}-day").fill(day)
    await page.locator(f"#{prefix}-month").fill(month)
    await page.locator(f"#{prefix}-year").fill(year)
    if time is not None:
        await page.locator(f"#{prefix}-time").fill(time)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_business_support_create_schedule_invite_override_chase_and_record_held(browser, site, world, javascript):
    async with tab(browser, site, javascript=javascript) as found:
        page = found.page
        main = page.locator("main")
        await page.goto("/")
        await follow(page, page.get_by_role("button", name="Act as Bs A", exact=True))
        await follow(page, page.locator("header").get_by_role("link", name="Arrange conferences"))
        await check_page(found)

        await follow(page, page.get_by_role("button", name="Create a conference"))
        await page.get_by_label("Find a child by name").fill("Ashdown")
        await follow(page, page.get_by_role("button", name="Find"))
        await page.get_by_label("Maisie Ashdown").check()
        await page.get_by_label("Theo Ashdown").check()
        await page.get_by_label("Initial child protection conference", exact=True).check()
        await follow(page, page.get_by_role("button", name="Create and schedule"))
        assert await page.locator(".govuk-error-summary").count() == 1
        await check_page(found)
        await fill_date(page, "strategy", "12", "10", "2026")
        await follow(page, page.get_by_role("button", name="Create and schedule"))
        assert "The latest date the law allows is 2 November 2026." in await main.inner_text()
        await check_page(found)

        await fill_date(page, "when", "5", "11", "2026", "10am")
        await follow(page, page.get_by_role("button", name="Schedule the meeting"))
        assert "This is after the latest date the law allows" in await main.inner_text()
        await check_page(found)
        await page.get_by_label("Schedule it on this date anyway, after the latest date").check()
        await follow(page, page.get_by_role("button", name="Schedule the meeting"))
        assert "after the latest date the law allows for it, 2 November 2026" in await main.inner_text()
        await check_page(found)

        await follow(page, page.get_by_role("button", name="Invite organisations"))
        await page.get_by_label("Organisation name or ODS code").fill("riverside")
        await follow(page, page.get_by_role("button", name="Find"))
        await check_page(found)
        await follow(page, page.get_by_role("button", name="Invite Riverside Surgery"))
        assert "Riverside Surgery is invited" in await page.locator(".govuk-notification-banner").inner_text()
        await check_page(found)

        await follow(page, page.get_by_role("link", name="Change due time for Riverside Surgery"))
        await fill_date(page, "report-due", "3", "11", "2026", "4pm")
        await follow(page, page.get_by_role("button", name="Change the due time"))
        assert "Enter why the due time is changing" in await page.locator(".govuk-error-summary").inner_text()
        await check_page(found)
        await page.get_by_label("Why is it changing?").fill("The practice asked for the afternoon")
        await follow(page, page.get_by_role("button", name="Change the due time"))
        row = await page.locator("tr", has_text="Riverside Surgery").inner_text()
        assert "4pm on Tuesday 3 November 2026" in row and "Changed by hand" in row and "The practice asked for the afternoon" in row

        await follow(page, page.locator("header").get_by_role("link", name="Chase reports"))
        await check_page(found)
        group = page.locator(f"#chase-{world.inv_gp1}")
        await follow(page, group.get_by_role("link", name=re.compile("^Record a phone call")))
        await page.get_by_label("Who did you speak to?").fill("Practice manager")
        await page.get_by_label("Note (optional)").fill("Will send it on Friday")
        await follow(page, page.get_by_role("button", name="Record the call"))
        assert "The phone call is recorded." in await page.locator(".govuk-notification-banner").inner_text()
        assert "Practice manager" in await main.inner_text()
        await check_page(found)

        await page.goto(f"/business-support/conferences/{world.conf_a}")
        await follow(page, page.get_by_role("link", name="Record that the conference was held"))
        await fill_date(page, "held-on", "12", "10", "2026")
        await follow(page, page.get_by_role("button", name="Record it as held"))
        text = await main.inner_text()
        assert "The conference is recorded as held." in text and "Next review by" in text and "12 January 2027" in text
        await check_page(found)
