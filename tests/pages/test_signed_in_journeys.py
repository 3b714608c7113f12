"""Journeys in Chromium against a real `portal serve` without demo mode, over plain HTTP on loopback:
a GP follows the reminder email's link, signs in with a code read from the real SMTP inbox, writes,
saves, fills the draft from a PDF and accepts it, submits and amends; a chair signs in through the loopback OpenID Connect provider, sees the GP's submission reach the
list (live with JavaScript), decides a withholding request and prints the map. Chromium
keeps a `__Host-` cookie only when it is Secure, which plain HTTP cannot be: these journeys are the
proof that signing in works in a real browser (httpx does not enforce the prefix)."""

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.async_api import Locator, Page, expect

from portal.db import Database
from portal.reminders.worker import make_sender, run_pass
from portal.settings import Settings
from portal.timescales import RULES_DIR, load_rules
from tests.support import pdfs
from tests.support.browser import check_page, tab
from tests.support.contributions import REQUIRED_GP, sections
from tests.support.mail import Inbox, free_port
from tests.support.oidc import CLIENT_SECRET, SECRET_ENV, identity_file, loopback_provider, provider_now
from tests.support.servers import portal_server
from tests.support.signing_in import code_sent_to, session_cookie
from tests.support.world import World, build_world

GP = "gp1_author@example.org"
LINK = re.compile(r"http://\S+/invitations/\d+")
# Easterby reminds two working days before the report is due: the world's GP report is due on
# Monday 19 October, so its reminder goes on Thursday 15 October in the morning.
REMINDER_DAY = datetime(2026, 10, 15, 9, 30, tzinfo=ZoneInfo("Europe/London")).astimezone(UTC)
FIRST = {"about_author": "I am a salaried GP at Riverside Surgery and Maisie's named GP.",
         "worries": "On 3 September Maisie had a bruise on her cheek that nobody could explain."}
REST = {"registration_attendance": "Registered since birth; last seen on 2 October with her mother.",
        "danger_statement": "Maisie could be hurt again if her mother's partner stays in the home.",
        "immunisations": "Up to date apart from the pre-school booster.", "missed_appointments": "Two missed this year.",
        "parental_health": "Her mother has low mood and is waiting for talking therapy.",
        "working_well": "Her grandmother brings her to every appointment.", "next_steps": "A health review within four weeks."}
SAVE = "mutation($input: SaveDraftInput!) { saveDraft(input: $input) { contribution { id } errors { message } } }"
SUBMIT = "mutation($input: SubmitContributionInput!) { submitContribution(input: $input) { errors { message } } }"
ASK = "mutation($input: RequestWithholdingInput!) { requestWithholding(input: $input) { errors { message } } }"
WITHHELD = "Third-party health detail about the lodger."
DANGER = "At least one danger statement"  # met once the GP's report with one is submitted


async def follow(page: Page, target: Locator, to: str | None = None) -> None:
    """Click a link or a form's button and wait until the browser is at `to` (or anywhere else)."""
    leaving = page.url
    await target.click()
    await page.wait_for_url(to or (lambda url: url != leaving))


async def press(page: Page, name: str) -> None:
    async with page.expect_navigation():
        await page.get_by_role("button", name=name, exact=True).click()


async def reminder_link(database: Database, base: str, smtp_port: int, inbox: Inbox) -> str:
    """One pass of the reminder worker, sending through the real SMTP inbox; the link in the GP's email."""
    settings = Settings(database_url=database.url, smtp_host="127.0.0.1", smtp_port=smtp_port, base_url=base, smtp_sender="noreply@portal.test")
    await run_pass(database, make_sender(settings), settings, load_rules(RULES_DIR), "test")
    (message,) = [m for m in inbox.messages if m["To"] == GP and m["X-Reminder-Key"]]
    return LINK.search(message.get_payload(decode=True).decode()).group()


async def signed_in_gp(database: Database, base: str, world: World):
    """The GP acting through the served portal's API with a session of their own, as their browser would."""
    cookies = await session_cookie(database, world.gp1_author, https=False)

    async def run(query: str, variables: dict) -> dict:
        async with httpx.AsyncClient(base_url=base, cookies=cookies, timeout=20) as client:
            response = await client.post("/graphql", json={"query": query, "variables": variables})
        (payload,) = response.json()["data"].values()
        assert payload["errors"] == [], payload
        return payload

    return run


@pytest.fixture
def mailing_site(database_url: str, world: World, frozen, smtp_port: int, inbox: Inbox) -> Iterator[str]:
    """`portal serve` without demo mode on the morning the GP's reminder is due, mailing through the inbox."""
    frozen.move_to(REMINDER_DAY)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with portal_server(database_url, demo=False, port=port, base_url=base, smtp_host="127.0.0.1", smtp_port=str(smtp_port)) as served:
        yield served


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_a_gp_follows_the_reminder_signs_in_with_an_emailed_code_writes_uploads_submits_and_amends(
    browser, mailing_site, database, world, smtp_port, inbox, javascript,
):
    link = await reminder_link(database, mailing_site, smtp_port, inbox)
    assert link == f"{mailing_site}/invitations/{world.inv_gp1}"
    async with tab(browser, mailing_site, javascript=javascript) as found:
        page = found.page
        await page.goto(link)
        assert page.url == f"{mailing_site}/sign-in"
        await check_page(found)
        await follow(page, page.get_by_role("link", name="Get a sign-in code by email"))
        await check_page(found)
        await page.get_by_label("Your email address").fill(GP)
        await follow(page, page.get_by_role("button", name="Send me a code"), f"{mailing_site}/sign-in/code")
        await check_page(found)
        await page.get_by_label("Code").fill("12")
        await press(page, "Sign in")
        assert (await page.title()).startswith("Error: ")
        await check_page(found)
        await page.get_by_label("Code").fill(await code_sent_to(inbox, GP))
        await follow(page, page.get_by_role("button", name="Sign in"), f"{mailing_site}/")
        assert "You are signed in as Gp1 Author." in await page.locator("main").inner_text()
        await check_page(found)

        await follow(page, page.locator("header").get_by_role("link", name="Your reports"))
        await follow(page, page.get_by_role("link", name="Initial child protection conference for Maisie Ashdown and Theo Ashdown"))
        assert page.url == f"{mailing_site}/reports/{world.inv_gp1}"
        for section_id, text in FIRST.items():
            await page.locator(f"#section-{section_id}").fill(text)
        await page.locator(f"input[name='scale-{world.child_a1}'][value='3']").check()
        await press(page, "Save draft")
        assert "Your draft was saved (version 1)" in await page.locator(".govuk-notification-banner").inner_text()

        await page.goto(f"/reports/{world.inv_gp1}/upload")
        await page.locator("#file").set_input_files({"name": "letter.pdf", "mimeType": "application/pdf", "buffer": pdfs.letter().data})
        await press(page, "Upload and check")
        assert await page.locator("h1").inner_text() == "Check what letter.pdf put in your draft"
        await check_page(found)
        await press(page, "Accept into my draft")
        assert "Your draft holds what letter.pdf filled in." in await page.locator(".govuk-notification-banner").inner_text()
        await page.goto(f"/reports/{world.inv_gp1}")
        assert await page.locator("#section-worries").input_value() == FIRST["worries"]
        for section_id, text in REST.items():
            await page.locator(f"#section-{section_id}").fill(text)
        await press(page, "Save and check your answers")
        await press(page, "Submit report")
        assert await page.locator(".govuk-panel__title").inner_text() == "Report submitted"

        await follow(page, page.get_by_role("link", name="Amend your report", exact=True))
        await page.locator("#section-immunisations").fill("Up to date: the booster was given on 20 October.")
        await page.locator("#reason").fill("The booster has been given.")
        await press(page, "Submit amended report")
        assert await page.locator(".govuk-panel__title").inner_text() == "Report amended"
        assert "the booster was given on 20 October" in await page.locator(".govuk-summary-list").inner_text()


@pytest.fixture
async def world_at_provider_time(frozen, database: Database) -> World:
    """The test world built at the provider's instant, so its conferences are still to come there
    (the portal's clock must agree with the provider's for its ID tokens; see tests/support/oidc.py)."""
    frozen.move_to(provider_now())
    async with database.session() as session:
        return await build_world(session)


@pytest.fixture
def oidc_site(database_url: str, world_at_provider_time: World, tmp_path, monkeypatch) -> Iterator[str]:
    """`portal serve` without demo mode, signing in through the loopback OpenID Connect provider."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    monkeypatch.setenv(SECRET_ENV, CLIENT_SECRET)
    with loopback_provider(base) as provider, portal_server(
        database_url, demo=False, port=port, base_url=base, identity_file=str(identity_file(tmp_path, provider.issuer)),
    ) as served:
        yield served


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
async def test_a_chair_signs_in_through_openid_connect_follows_readiness_decides_withholding_and_prints_the_map(
    browser, oidc_site, database, world_at_provider_time, javascript,
):
    world = world_at_provider_time
    gp = await signed_in_gp(database, oidc_site, world)
    saved = await gp(SAVE, {"input": {"invitationId": world.id("inv_gp1"), "sections": sections({**REQUIRED_GP, "complicating_factors": WITHHELD}), "scales": []}})
    async with tab(browser, oidc_site, javascript=javascript) as found:
        page = found.page
        await page.goto("/chair/conferences")
        assert page.url == f"{oidc_site}/sign-in"
        await check_page(found)
        await follow(page, page.get_by_role("link", name="Loopback sign-in"))
        # The provider's own development login form, then its consent page.
        await page.locator("input[name=login]").fill("chair-a")
        await page.locator("input[name=password]").fill("any password")
        await follow(page, page.locator("button[type=submit]"))
        await follow(page, page.locator("button[type=submit]"), f"{oidc_site}/")
        assert "You are signed in as Chair A." in await page.locator("main").inner_text()
        found.console_errors.clear()  # whatever the provider's pages said is not the portal's
        await check_page(found)

        await follow(page, page.locator("header").get_by_role("link", name="Your conferences"), f"{oidc_site}/chair/conferences")
        row = page.locator(f"#conference-{world.conf_a}")
        assert DANGER in await row.locator("[data-unmet]").inner_text()
        await check_page(found)

        if javascript:
            await page.locator(f"#conference-{world.conf_a}[data-live=subscribed]").wait_for()
        await gp(SUBMIT, {"input": {"contributionId": saved["contribution"]["id"]}})
        if javascript:
            await expect(row.locator("[data-unmet]")).not_to_contain_text(DANGER)
        else:
            await page.reload()
            assert DANGER not in await row.locator("[data-unmet]").inner_text()
        await gp(ASK, {"input": {"contributionId": saved["contribution"]["id"], "sectionId": "complicating_factors", "reason": "The lodger's health."}})

        await follow(page, row.get_by_role("link"), f"{oidc_site}/chair/conferences/{world.conf_a}")
        assert await page.get_by_role("heading", name="Conference map").count() == 1
        await check_page(found)
        form = page.locator("#withholding form")
        await form.get_by_label("Yes, withhold it").check()
        await follow(page, form.get_by_role("button", name="Save decision"))
        assert "You agreed" in await page.locator(".govuk-notification-banner").inner_text()
        assert "There are no requests waiting for your decision." in await page.locator("#withholding").inner_text()
        await check_page(found)

        await page.emulate_media(media="print")
        assert not await page.locator(".govuk-service-navigation").is_visible()
        assert await page.get_by_role("heading", name="Conference map").is_visible()
        assert WITHHELD in await page.locator(".app-map").inner_text()
