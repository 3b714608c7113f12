"""The LA administrator's journey in Chromium against a real `portal serve`, with and without
JavaScript: invite someone (refused without a role, then with one), change their roles, add a GP
practice (refused with a wrong ODS code, then right), create an API token for the council's social
care (the secret shown once) and revoke it, search the access log for a child and verify it."""

import re

import pytest
from playwright.async_api import Locator, Page

from tests.support.administration import la_administrators
from tests.support.browser import check_page, tab


async def follow(page: Page, target: Locator) -> None:
    async with page.expect_navigation():
        await target.click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_the_administrator_manages_people_organisations_tokens_and_reads_the_log(browser, site, world, database, javascript):
    await la_administrators(database, world)
    async with tab(browser, site, javascript=javascript) as found:
        page = found.page
        main = page.locator("main")
        await page.goto("/")
        await follow(page, page.get_by_role("button", name="Act as Admin A", exact=True))
        await follow(page, page.locator("header").get_by_role("link", name="Administration"))
        assert "Gp1 Author" in await main.inner_text() and "Chair B" not in await main.inner_text()
        await check_page(found)

        # Invite someone: a role is needed.
        await follow(page, page.get_by_role("button", name="Invite someone"))
        await page.get_by_label("Full name").fill("Nadia Okafor")
        await page.get_by_label("Email address").fill("nadia.okafor@example.org")
        await page.get_by_label("Organisation they work for").select_option(label="Riverside Surgery (GP1)")
        await follow(page, page.get_by_role("button", name="Send invitation"))
        assert (await page.title()).startswith("Error: ") and await page.get_by_label("Full name").input_value() == "Nadia Okafor"
        await check_page(found)
        await page.get_by_label("Contributor (writes the organisation’s reports)").check()
        await follow(page, page.get_by_role("button", name="Send invitation"))
        assert await page.get_by_role("heading", name="Nadia Okafor", exact=True).count() == 1
        await page.get_by_label("Organisation administrator (its API tokens)").check()
        await follow(page, page.get_by_role("button", name="Save roles"))
        assert "Roles saved." in await page.locator(".govuk-notification-banner").inner_text()
        assert await page.get_by_label("Organisation administrator (its API tokens)").is_checked()
        await check_page(found)

        # Add a GP practice: the ODS code is checked.
        await follow(page, page.get_by_role("navigation", name="Administration").get_by_role("link", name="Organisations and API tokens"))
        await follow(page, page.get_by_role("button", name="Add an organisation"))
        await page.get_by_label("A GP practice").check()
        await page.get_by_label("Name").fill("Castle Green Surgery")
        await page.get_by_label("Code").fill("81009")
        await follow(page, page.get_by_role("button", name="Add organisation"))
        assert "ODS code" in await page.locator(".govuk-error-summary").inner_text()
        await check_page(found)
        await page.get_by_label("Code").fill("B81009")
        await follow(page, page.get_by_role("button", name="Add organisation"))
        assert "Castle Green Surgery" in await main.inner_text()

        # An API token for the council's own social care: its secret is shown once.
        await follow(page, page.get_by_role("link", name="Manage API tokens for Easterby Children's Social Care"))
        await page.get_by_label("Which system will use it").fill("Case management system")
        await page.get_by_label("Read the organisation’s invitations and the conferences they are for").check()
        await follow(page, page.get_by_role("button", name="Create token"))
        secret = await page.locator("#secret").inner_text()
        assert secret.startswith("ptk_")
        await check_page(found)
        await follow(page, page.get_by_role("button", name="Revoke Case management system"))
        assert "revoked" in await page.locator(".govuk-notification-banner").inner_text()
        assert secret not in await main.inner_text()

        # The access log: what the administrator's own pages read is there too; then verify.
        await follow(page, page.get_by_role("navigation", name="Administration").get_by_role("link", name="Access log"))
        await page.get_by_label("Person’s name or email address").fill("Admin A")
        await follow(page, page.get_by_role("button", name="Search the log"))
        assert "Admin A" in await page.locator("table").inner_text()
        await follow(page, page.get_by_role("button", name="Verify the log has not been tampered with"))
        assert re.search(r"All \d+ rows are as they were written", await page.locator(".govuk-notification-banner").inner_text())
        await check_page(found)
