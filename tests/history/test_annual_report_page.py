"""GET /annual-report: the head of service's and IRO manager's page of the annual report, each breakdown drawn as a bar
chart before its table; "not found" for anyone else."""

import re

from portal.demo_identity import HEADER
from portal.enums import Role
from portal.history.imports import import_ssda903
from portal.people.models import PersonRole
from tests.history.conftest import add_managers
from tests.support.browser import check_page, tab
from tests.support.dfe_returns import folder
from tests.support.people import EVERYONE
from tests.support.servers import portal_server


async def test_the_page_shows_the_figures_with_their_definitions_to_the_las_managers_only(api, world, database, frozen, tmp_path):
    people = await add_managers(database, world)
    async with database.session() as session:
        await import_ssda903(session, world.la_a, folder(tmp_path))
    page = await api.client.get("/annual-report?year=2018-19", headers={HEADER: str(people["hos_a"])})
    assert page.status_code == 200
    text = page.text
    assert "IRO annual report 2018-19" in text and 'href="/annual-report"' in text
    assert "Children who came into care" in text and "Children whose period of care began in the year" in text
    assert '<td class="govuk-table__cell">100% (3 of 3)</td>' in text  # LAC reviews in timescale
    assert "PN7<span" in text and "1 (33.3%)" in text
    charts = re.findall(r'<figure class="app-chart-figure"><svg [^>]*role="img" aria-labelledby="(chart-[\w-]+)-title \1-desc".*?</svg></figure>\s*<table',
                        text, re.S)
    assert charts == ["chart-participation-by-code", "chart-cp-plans-by-category", "chart-challenges-by-reason", "chart-challenges-by-highest-stage"]
    assert '<title id="chart-participation-by-code-title">How children took part in their LAC reviews, 2018-19 (% of 3)</title>' in text
    assert '<text x="0" y="92">PN1: Attended and spoke for</text>' in text and 'font-weight="bold">33.3%</text>' in text
    assert '<text x="0" y="22">NEG</text>' in text and "Team manager</text>" in text and "team_manager:" not in text
    assert " style=" not in text and "<style" not in text
    default = await api.client.get("/annual-report", headers={HEADER: str(people["irom_a"])})  # the last whole year before 12 October 2026
    assert default.status_code == 200 and "IRO annual report 2025-26" in default.text
    for name in EVERYONE:
        refused = await api.client.get("/annual-report?year=2018-19", headers={HEADER: str(getattr(world, name))})
        assert refused.status_code == 404, name
        assert 'href="/annual-report"' not in refused.text
    for year in ("2026-27", "2014-15", "2018", "<b>"):
        assert (await api.client.get(f"/annual-report?year={year}", headers={HEADER: str(people["hos_a"])})).status_code == 404, year
    other = await api.client.get("/annual-report?year=2018-19", headers={HEADER: str(people["hos_b"])})
    assert other.status_code == 200 and "100%" not in other.text


async def test_the_page_and_what_families_told_us_in_chromium_with_and_without_javascript(database_url, world, database, tmp_path, browser):
    """The charts, and the feedback page's council and year selects, date inputs and error summary, pass axe and fit
    at 320 px and 200% zoom, and the browser reports nothing (a blocked inline style would be a console error)."""
    people = await add_managers(database, world)
    async with database.session() as session:
        await import_ssda903(session, world.la_a, folder(tmp_path))
        session.add(PersonRole(person_id=people["hos_a"], role=Role.HEAD_OF_SERVICE, la_id=world.la_b))
        await session.commit()
    with portal_server(database_url) as base:
        for javascript in (True, False):
            async with tab(browser, base, javascript=javascript) as found:
                await found.context.set_extra_http_headers({HEADER: str(people["hos_a"])})
                await found.page.goto("/annual-report")
                await found.page.select_option("#year", "2018-19")
                await found.page.get_by_role("button", name="Show the year").click()
                await found.page.wait_for_url("**/annual-report?year=2018-19")
                assert await found.page.get_by_role("heading", name="IRO annual report 2018-19").is_visible()
                chart = found.page.get_by_role("img", name="How children took part in their LAC reviews, 2018-19 (% of 3)")
                assert await chart.is_visible() and (await chart.bounding_box())["width"] > 200
                assert await found.page.locator("svg.app-chart").count() == 4
                await check_page(found)

                page = found.page
                await page.goto("/what-families-told-us")
                await page.select_option("#la", label="Westmarsh Council")
                await page.select_option("#year", "2025-26")
                await page.get_by_role("button", name="Show the year").click()
                await page.wait_for_url(f"**/what-families-told-us?la={world.la_b}&year=2025-26")
                assert await page.get_by_role("heading", name="What families and children told us from 1 April 2025 to 31 March 2026").is_visible()
                await check_page(found)
                for name, value in (("from-day", "31"), ("from-month", "2"), ("from-year", "2026"), ("to-day", "1"), ("to-month", "3"), ("to-year", "2026")):
                    await page.fill(f"#{name}", value)
                await page.get_by_role("button", name="Show these dates").click()
                await page.wait_for_url("**/what-families-told-us?*from-day=31*")
                summary = page.locator(".govuk-error-summary")
                assert "The first day must be a real date" in await summary.inner_text() and await page.input_value("#from-day") == "31"
                if javascript:  # GOV.UK Frontend's error summary takes the focus
                    assert await page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
                await summary.get_by_role("link", name="The first day must be a real date").click()
                await check_page(found)
                await page.fill("#from-day", "1")
                await page.fill("#from-month", "4")
                await page.get_by_role("button", name="Show these dates").click()
                await page.wait_for_url("**/what-families-told-us?*from-day=1&*")
                assert "The end of the period must be the same as or after its start" in await page.locator(".govuk-error-summary").inner_text()
                await check_page(found)
