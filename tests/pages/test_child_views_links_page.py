"""The social worker withdraws a link sent for a child's views on the family access page, in Chromium
against a real `portal serve`: the page with a live link, and after withdrawing it (the result message and
the link shown withdrawn), each checked (axe, 320 px and 200% zoom, console)."""

import httpx
from playwright.async_api import expect

from portal.demo_identity import HEADER
from tests.support.browser import check_page, tab
from tests.support.child_views import SEND


async def test_the_social_worker_withdraws_a_link_for_a_childs_views(browser, site, world):
    async with httpx.AsyncClient(base_url=site, timeout=20) as client:
        response = await client.post("/graphql", headers={HEADER: str(world.sw_a)}, json={
            "query": f"mutation($input: SendChildViewsLinkInput!) {{ sendChildViewsLink(input: $input) {{ {SEND} errors {{ message }} }} }}",
            "variables": {"input": {"conferenceId": world.id("conf_a"), "childId": world.id("child_a1"), "email": "young.person@example.org"}}})
    assert response.json()["data"]["sendChildViewsLink"]["errors"] == []
    async with tab(browser, site) as found:
        page = found.page
        await page.goto("/")
        async with page.expect_navigation():
            await page.get_by_role("button", name="Act as Sw A", exact=True).click()
        await page.goto(f"/conferences/{world.conf_a}/family")
        await check_page(found)
        async with page.expect_navigation():
            await page.get_by_role("button", name="Withdraw link sent to young.person@example.org for Maisie").click()
        await expect(page.locator(".govuk-notification-banner")).to_contain_text("Link withdrawn. It no longer opens")
        await expect(page.locator("#child-views ~ ul")).to_contain_text("Withdrawn by Sw A on")
        assert await page.get_by_role("button", name="Withdraw link sent to young.person@example.org for Maisie").count() == 0
        await check_page(found)
