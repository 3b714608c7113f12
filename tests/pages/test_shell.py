"""Every page shares one GOV.UK shell: its assets come from the portal under names that change with
their content, it works without JavaScript, and axe finds nothing wrong with it in Chromium."""

import re

import httpx
import pytest

from tests.support.browser import check_page, tab

SHELL_PAGES = ["/", "/accessibility", "/privacy", "/sign-in", "/sign-in/email"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_shell_pages_are_accessible_with_and_without_javascript(browser, site, javascript):
    async with tab(browser, site, javascript=javascript) as found:
        for path in SHELL_PAGES:
            response = await found.page.goto(path)
            assert response is not None and response.status == 200, path
            await check_page(found)
        classes = await found.page.evaluate("document.body.className")
        assert ("js-enabled" in classes) is javascript


async def test_the_picker_leads_to_the_pages_and_the_header_names_the_person(browser, site, world):
    async with tab(browser, site) as found:
        await found.page.goto("/")
        async with found.page.expect_navigation():
            await found.page.get_by_role("button", name="Act as Gp1 Author").click()
        assert found.page.url == f"{site}/", await found.page.content()
        header = found.page.locator("header")
        assert "Signed in as Gp1 Author" in re.sub(r"\s+", " ", await header.inner_text())
        assert await header.get_by_role("link", name="Your reports").count() == 1
        assert await found.page.get_by_role("link", name="GraphiQL").count() == 1
        await check_page(found)


async def test_assets_have_content_names_and_are_cached_for_a_year(site):
    async with httpx.AsyncClient(base_url=site) as client:
        page = (await client.get("/accessibility")).text
        urls = re.findall(r'(?:href|src)="(/static/assets/[^"]+)"', page)
        assert {re.sub(r"-[0-9a-f]{12}\.", ".", u).rsplit("/", 1)[1] for u in urls} >= {"govuk-frontend.min.css", "pages.css", "pages.js", "js-enabled.js"}
        for url in urls:
            response = await client.get(url)
            assert response.status_code == 200 and "immutable" in response.headers["cache-control"], url
        stylesheet = (await client.get(next(u for u in urls if "govuk-frontend.min" in u))).text
        assert "@font-face" not in stylesheet and "url(/assets/" not in stylesheet
        assert re.search(r"url\(/static/assets/govuk-crest-[0-9a-f]{12}\.svg\)", stylesheet)
        assert (await client.get("/static/assets/govuk-frontend.min.css")).status_code == 404
