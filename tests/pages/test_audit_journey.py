"""The audit in Chromium: the lead (with JavaScript) draws a round, meets a form error with everything
kept, moderates a disagreement and reads results and agreement; a council auditor (without
JavaScript) scores reports one at a time, their own council's in full and another's pseudonymised.
Every page is checked (axe, narrow screens, console) in each state it reaches."""

import pytest
from playwright.async_api import Page

from tests.support.audit_rounds import create_round, items
from tests.support.audit_world import add_audit, period
from tests.support.browser import check_page, tab


@pytest.fixture
async def audit(database, world):
    async with database.session() as session:
        return await add_audit(session, world)


async def press(page: Page, name: str) -> None:
    async with page.expect_navigation():
        await page.get_by_role("button", name=name, exact=True).click()


async def follow(page: Page, name: str) -> None:
    async with page.expect_navigation():
        await page.get_by_role("link", name=name, exact=True).first.click()


async def date(page: Page, prefix: str, iso: str) -> None:
    year, month, day = iso.split("-")
    for part, value in (("day", day), ("month", month), ("year", year)):
        await page.locator(f"#{prefix}-{part}").fill(value)


async def test_the_lead_draws_a_round_moderates_and_reads_the_results(browser, site, api, audit):
    async with tab(browser, site, javascript=True) as found:
        page = found.page
        await page.goto("/")
        await press(page, "Act as Lead")
        await follow(page, "Regional audit")
        assert await page.title() == "Regional GP audit – Conference contribution portal"
        await check_page(found)
        await press(page, "Draw a new round")
        start, end = period()
        await page.locator("#name").fill("Autumn GP reports")
        await date(page, "period-start", end)
        await date(page, "period-end", start)
        await press(page, "Draw and score the sample")
        assert (await page.title()).startswith("Error: ")
        summary = page.locator(".govuk-error-summary")
        assert "Enter how many reports to draw from each council" in await summary.inner_text()
        assert "The period must not end before it starts." not in await summary.inner_text()  # asked of the API once the form is whole
        assert await page.locator("#name").input_value() == "Autumn GP reports"
        await check_page(found)
        await page.locator("#per-council").fill("3")
        await press(page, "Draw and score the sample")
        assert "The period must not end before it starts." in await summary.inner_text()
        assert "The period must not end before it starts." in await page.locator("#period-end-error").inner_text()
        assert await page.locator("#per-council").input_value() == "3"
        await date(page, "period-start", start)
        await date(page, "period-end", end)
        await page.locator("#seed").fill("42")
        await press(page, "Draw and score the sample")
        assert "Its seed is 42." in await page.locator(".govuk-notification-banner").inner_text()
        await check_page(found)

        round_id = page.url.split("/")[-1].split("?")[0]
        item = (await items(api, round_id, audit.lead))[0]["id"]
        for person, level in ((audit.auditor_a, "NOT_MET"), (audit.auditor_b, "PARTLY_MET")):
            recorded = await api.mutate("recordAuditorLevels", {"itemId": item, "levels": [{"criterionId": "child_voice", "level": level, "note": f"Thinks {level}"}]},
                                        "item { id }", as_=person)
            assert recorded["errors"] == []
        await page.reload()
        await follow(page, f"Moderate report {item}")
        assert "Thinks PARTLY_MET" in await page.locator("main").inner_text()
        await check_page(found)
        await page.get_by_role("group", name="The settled level for The child's voice").get_by_label("Not met").check()
        await press(page, "Save your decision")
        assert "settles those criteria" in await page.locator(".govuk-notification-banner").inner_text()
        assert "There are no disagreements waiting for you." in await page.locator("#moderation ~ p").first.inner_text()

        await follow(page, "Results")
        assert await page.locator("svg[role=img]").count() == 3
        await check_page(found)
        await follow(page, "Agreement")
        assert await page.locator("table").count() == 1
        await check_page(found)


async def test_a_council_auditor_scores_reports_one_at_a_time_without_javascript(browser, site, api, audit):
    round_id = (await create_round(api, audit, perCouncil=2))["auditRound"]["id"]
    async with tab(browser, site, javascript=False) as found:
        page = found.page
        await page.goto("/")
        await press(page, "Act as Auditor A")
        await follow(page, "Regional audit")
        await follow(page, "ICPC GP contributions, autumn 2026")
        assert "Draw a new round" not in await page.locator("main").inner_text()
        await check_page(found)
        await press(page, "Score the next report you have not scored")
        assert "from another council" not in await page.locator("main").inner_text()
        await check_page(found)
        first = page.url
        await page.locator("#note-worries").fill("Clear and specific.")
        await press(page, "Save your levels")
        assert (await page.title()).startswith("Error: ")
        assert await page.locator("#note-worries").input_value() == "Clear and specific."
        await check_page(found)
        await page.get_by_role("group", name="Your level for Worries").get_by_label("Met", exact=True).check()
        await press(page, "Save your levels")
        assert page.url != first and page.url.endswith("?saved=1")
        assert "This is the next report you have not scored." in await page.locator(".govuk-notification-banner").inner_text()
        await page.goto(f"/audit/rounds/{round_id}")
        westmarsh = [n["id"] for n in await items(api, round_id, audit.lead) if n["council"]["slug"] == "westmarsh"]
        await follow(page, f"Report {westmarsh[0]}")
        assert "from another council" in await page.locator("main").inner_text()
        assert "[child 1]" in await page.locator("main").inner_text()
        await check_page(found)
