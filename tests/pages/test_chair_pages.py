"""The chair's journey in Chromium against a real `portal serve`, with and without JavaScript: act as
the chair through the demo picker, see the list change live when the GP submits (with JavaScript),
filter it, open the conference, refuse a withholding request without a reason and then with one,
read the report with what changed between versions, and print the map without the navigation."""

import re

import httpx
import pytest
from playwright.async_api import Locator, Page, WebSocketRoute, expect

from portal.demo_identity import HEADER
from tests.support.browser import check_page, tab
from tests.support.contributions import REQUIRED_GP, sections

WITHHELD = "Third-party health detail about the lodger."
SAVE = """mutation($input: SaveDraftInput!) { saveDraft(input: $input) { contribution { id } errors { message } } }"""
SUBMIT = """mutation($input: SubmitContributionInput!) { submitContribution(input: $input) { errors { message } } }"""
AMEND = """mutation($input: AmendContributionInput!) { amendContribution(input: $input) { errors { message } } }"""
ASK = """mutation($input: RequestWithholdingInput!) { requestWithholding(input: $input) { errors { message } } }"""
READINESS = """query($id: ID!) { conference(id: $id) { readiness { status } } }"""
DANGER = "At least one danger statement"  # met once the GP's report with one is submitted
FILTER_FOR = {"AT_RISK": "At risk", "NOT_MET": "Not ready"}


async def as_gp(site: str, world, query: str, variables: dict) -> dict:
    async with httpx.AsyncClient(base_url=site, timeout=20) as client:
        response = await client.post("/graphql", json={"query": query, "variables": variables}, headers={HEADER: str(world.gp1_author)})
    (payload,) = response.json()["data"].values()
    assert payload["errors"] == [], payload
    return payload


async def readiness(site: str, world) -> str:
    async with httpx.AsyncClient(base_url=site, timeout=20) as client:
        response = await client.post("/graphql", json={"query": READINESS, "variables": {"id": world.id("conf_a")}}, headers={HEADER: str(world.chair_a)})
    return response.json()["data"]["conference"]["readiness"]["status"]


async def follow(page: Page, target: Locator) -> None:
    """Click a link or a form's button and wait for the page it leads to."""
    async with page.expect_navigation():
        await target.click()


def words(value: str) -> list[str]:
    return re.findall(r"[\w:\[\]]+", value)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_the_chair_follows_readiness_decides_withholding_reads_a_report_and_prints_the_map(browser, site, world, javascript):
    saved = await as_gp(site, world, SAVE, {"input": {"invitationId": world.id("inv_gp1"), "sections": sections({**REQUIRED_GP, "complicating_factors": WITHHELD}), "scales": []}})
    contribution = saved["contribution"]["id"]
    async with tab(browser, site, javascript=javascript) as found:
        page = found.page
        await page.goto("/")
        await follow(page, page.get_by_role("button", name="Act as Chair A", exact=True))
        await follow(page, page.locator("header").get_by_role("link", name="Your conferences"))
        row = page.locator(f"#conference-{world.conf_a}")
        assert DANGER in await row.locator("[data-unmet]").inner_text()
        await check_page(found)

        # The GP submits: with JavaScript the row follows without a reload.
        if javascript:
            await page.locator(f"#conference-{world.conf_a}[data-live=subscribed]").wait_for()
            await page.evaluate("window.stillTheSamePage = true")
        await as_gp(site, world, SUBMIT, {"input": {"contributionId": contribution}})
        if javascript:
            await expect(row.locator("[data-unmet]")).not_to_contain_text(DANGER)
            assert await page.evaluate("window.stillTheSamePage") is True
            assert "checks not met" in await page.locator("[data-live-announcer]").inner_text()
        else:
            await page.reload()
            assert DANGER not in await row.locator("[data-unmet]").inner_text()
        await check_page(found)
        await as_gp(site, world, AMEND, {"input": {"contributionId": contribution, "reason": "Latest appointment.",
                                                   "sections": sections({"worries": "Bruising seen three times in October."})}})
        await as_gp(site, world, ASK, {"input": {"contributionId": contribution, "sectionId": "complicating_factors", "reason": "The lodger's health."}})

        # Filters are links: the meeting is 10 days away and readiness decides the other two.
        status = await readiness(site, world)
        filters = page.get_by_role("navigation", name="Show conferences")
        await follow(page, filters.get_by_role("link", name="This week"))
        assert await row.count() == 0 and "You chair no conferences in the next 7 days." in await page.locator("main").inner_text()
        await check_page(found)
        for status_name, label in FILTER_FOR.items():
            await follow(page, filters.get_by_role("link", name=label))
            assert await row.count() == (1 if status == status_name else 0), label
        await follow(page, filters.get_by_role("link", name="All upcoming"))
        assert await row.count() == 1

        # The conference: a refusal needs a reason.
        await follow(page, row.get_by_role("link"))
        assert await page.get_by_role("heading", name="Conference map").count() == 1
        assert WITHHELD in await page.locator(".app-map").inner_text()
        await check_page(found)
        form = page.locator("#withholding form")
        await form.get_by_label("No, it is shared with the family").check()
        await follow(page, form.get_by_role("button", name="Save decision"))
        assert (await page.title()).startswith("Error: ")
        summary = page.locator(".govuk-error-summary")
        assert await summary.count() == 1
        assert await form.get_by_label("No, it is shared with the family").is_checked()
        await check_page(found)
        await form.get_by_label("Your reason").fill("The family already know about the lodger.")
        await follow(page, form.get_by_role("button", name="Save decision"))
        assert "You refused" in await page.locator(".govuk-notification-banner").inner_text()
        assert "There are no requests waiting for your decision." in await page.locator("#withholding").inner_text()
        await check_page(found)

        # Printed, the map is there and the navigation and forms are not.
        await page.emulate_media(media="print")
        assert not await page.locator(".govuk-service-navigation").is_visible()
        assert not await page.locator("#withholding").is_visible()
        assert await page.get_by_role("heading", name="Conference map").is_visible()
        await page.emulate_media(media="screen")

        # The report, with what changed between versions.
        await follow(page, page.get_by_role("link", name=re.compile(r"^Riverside Surgery\s*: read the report$")))
        assert await page.get_by_role("heading", name="Riverside Surgery’s report").count() == 1
        diff = page.locator(".app-diff").first
        assert words(await diff.locator("del").first.inner_text()) == ["[removed:", "twice", "]"]
        assert words(await diff.locator("ins").first.inner_text()) == ["[added:", "three", "times", "]"]
        assert WITHHELD in await page.locator("main").inner_text()
        await check_page(found)


async def test_the_live_list_connects_again_after_the_connection_drops_and_says_so(browser, site, world):
    saved = await as_gp(site, world, SAVE, {"input": {"invitationId": world.id("inv_gp1"), "sections": sections(REQUIRED_GP), "scales": []}})
    sockets: list[WebSocketRoute] = []

    def through(socket: WebSocketRoute) -> None:
        """Every connection the page opens goes on to the portal; the test can drop it from here."""
        socket.connect_to_server()
        sockets.append(socket)

    async with tab(browser, site) as found:
        page = found.page
        await page.route_web_socket(re.compile(r"/graphql$"), through)
        await page.goto("/")
        await follow(page, page.get_by_role("button", name="Act as Chair A", exact=True))
        await follow(page, page.locator("header").get_by_role("link", name="Your conferences"))
        live = page.locator(f"#conference-{world.conf_a}[data-live=subscribed]")
        await live.wait_for()
        status = page.locator("[data-live-status]")
        assert await status.is_hidden()

        await sockets[0].close(code=1012, reason="Restarting")
        await expect(status).to_contain_text("Live updates have stopped: the connection to the portal was lost. Trying again in 1 second")
        assert "connection to the portal was lost" in await page.locator("[data-live-announcer]").inner_text()
        await check_page(found)
        await expect(status).to_have_text("Live updates are back on.")
        await live.wait_for()
        assert len(sockets) == 2

        # Subscribed again: the GP submits and the row follows without a reload.
        await as_gp(site, world, SUBMIT, {"input": {"contributionId": saved["contribution"]["id"]}})
        await expect(page.locator(f"#conference-{world.conf_a} [data-unmet]")).not_to_contain_text(DANGER)
        await check_page(found)
