"""A GP's whole journey in Chromium, with and without JavaScript: choose themselves on the demo
picker, open the task list, write, save, meet a validation error with everything kept, fix it, check
the answers (and the required sections still missing), submit, amend with a reason, withdraw.
Every page is checked (axe, narrow screens, console) in each state it reaches."""

import pytest
from playwright.async_api import Page

from tests.support.browser import check_page, tab

FIRST = {"about_author": "I am a salaried GP at Riverside Surgery and Maisie's named GP.",
         "worries": "On 3 September Maisie had a bruise on her cheek that nobody could explain.",
         "registration_attendance": "Registered since birth; last seen on 2 October with her mother."}
LATER = {"immunisations": "Up to date apart from the pre-school booster.", "missed_appointments": "Two missed this year.",
         "parental_health": "Her mother has low mood and is waiting for talking therapy.",
         "working_well": "Her grandmother brings her to every appointment.", "next_steps": "A health review within four weeks."}
DANGER = "Maisie could be hurt again if her mother's partner stays in the home."


async def fields(page: Page, texts: dict[str, str]) -> None:
    for section_id, text in texts.items():
        await page.locator(f"#section-{section_id}").fill(text)


async def press(page: Page, name: str) -> None:
    async with page.expect_navigation():
        await page.get_by_role("button", name=name, exact=True).click()


async def follow(page: Page, name: str) -> None:
    async with page.expect_navigation():
        await page.get_by_role("link", name=name, exact=True).first.click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_a_gp_writes_checks_submits_amends_and_withdraws(browser, site, world, javascript):
    maisie, theo = world.child_a1, world.child_a2
    async with tab(browser, site, javascript=javascript) as found:
        page = found.page
        await page.goto("/")
        await press(page, "Act as Gp1 Author")
        await follow(page, "Your reports")
        assert await page.title() == "Your reports – Conference contribution portal"
        assert await page.locator(".govuk-task-list__status").first.inner_text() == "Not started"
        await check_page(found)

        await follow(page, "Initial child protection conference for Maisie Ashdown and Theo Ashdown")
        assert await page.locator("textarea").count() == 17
        assert "Drafting advice" in await page.locator("aside").inner_text()
        await check_page(found)

        await fields(page, FIRST | {"danger_statement": "x" * 5001})
        await page.locator(f"input[name='scale-{maisie}'][value='3']").check()
        await press(page, "Save draft")
        assert (await page.title()).startswith("Error: Write your report")
        summary = page.locator(".govuk-error-summary")
        assert await summary.get_by_role("link").get_attribute("href") == "#section-danger_statement"
        assert "the limit is 5,000" in await summary.inner_text()
        for section_id, text in FIRST.items():
            assert await page.locator(f"#section-{section_id}").input_value() == text
        assert await page.locator("#section-danger_statement").input_value() == "x" * 5001
        assert await page.locator(f"input[name='scale-{maisie}'][value='3']").is_checked()
        await check_page(found)

        await page.locator("#section-danger_statement").fill(DANGER)
        await page.locator(f"input[name='scale-{theo}'][value='5']").check()
        await press(page, "Save draft")
        assert "Your draft was saved (version 1)" in await page.locator(".govuk-notification-banner").inner_text()
        assert await page.locator("#section-danger_statement").input_value() == DANGER
        await check_page(found)

        await press(page, "Save and check your answers")
        assert await page.title() == "Check your report before you submit it – Conference contribution portal"
        answers = page.locator(".govuk-summary-list")
        assert "3 out of 10" in await answers.inner_text() and "5 out of 10" in await answers.inner_text()
        assert await answers.get_by_role("link", name="Change Immunisations").get_attribute("href") == f"/reports/{world.id('inv_gp1')}#section-immunisations"
        await check_page(found)
        await press(page, "Submit report")
        assert (await page.title()).startswith("Error: Check your report")
        assert await page.locator(".govuk-error-summary a").count() == len(LATER)
        await check_page(found)

        await follow(page, "'Immunisations' is required before the report can be submitted.")
        assert page.url.endswith("#section-immunisations")
        await fields(page, LATER)
        await press(page, "Save and check your answers")
        await press(page, "Submit report")
        assert await page.locator(".govuk-panel__title").inner_text() == "Report submitted"
        assert "What happens next" in await page.locator("main").inner_text()
        await check_page(found)

        await follow(page, "Amend your report")
        await page.locator("#section-immunisations").fill("Up to date: the booster was given on 20 October.")
        await press(page, "Submit amended report")
        assert (await page.title()).startswith("Error: Amend your report")
        assert await page.locator(".govuk-error-summary a").get_attribute("href") == "#reason"
        assert await page.locator("#section-immunisations").input_value() == "Up to date: the booster was given on 20 October."
        await check_page(found)
        await page.locator("#reason").fill("The booster has been given.")
        await press(page, "Submit amended report")
        assert await page.locator(".govuk-panel__title").inner_text() == "Report amended"
        assert "the booster was given on 20 October" in await page.locator(".govuk-summary-list").inner_text()
        await check_page(found)

        await follow(page, "withdraw it")
        await check_page(found)
        await press(page, "Withdraw report")
        assert (await page.title()).startswith("Error: Withdraw your report")
        await check_page(found)
        await page.locator("#reason").fill("Sent for the wrong conference.")
        await press(page, "Withdraw report")
        assert await page.locator("h1").inner_text() == "Report withdrawn"
        await check_page(found)
        await follow(page, "Your reports")
        assert await page.locator(".govuk-task-list__status").first.inner_text() == "Withdrawn"
