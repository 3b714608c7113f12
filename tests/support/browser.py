"""Debian's Chromium driven by Playwright, and the checks every page must pass in it: axe-core finds
no WCAG 2.2 AA violation, nothing scrolls sideways at 320 px or at 200% zoom, and the content
security policy refuses nothing the page itself needs."""

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from playwright.async_api import Browser, BrowserContext, ConsoleMessage, Page, async_playwright

from portal.settings import ROOT

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCRIPT = re.compile(r"\.m?js(\?.*)?$")
# A 1280 px screen at 200% zoom lays pages out 640 CSS pixels wide.
WIDTHS = {"320 px": 320, "200% zoom": 640}


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            await browser.close()


@dataclass
class Tab:
    """One browser context and its page, collecting what the console reported."""

    context: BrowserContext
    page: Page
    console_errors: list[str] = field(default_factory=list)


@asynccontextmanager
async def tab(browser: Browser, base_url: str, *, javascript: bool = True, width: int = 1024) -> AsyncIterator[Tab]:
    """Without JavaScript means none of the portal's scripts load. The content security policy
    allows no inline script, so that is a browser with JavaScript off, as far as the pages can tell,
    while axe and Playwright can still look at the page."""
    context = await browser.new_context(base_url=base_url, viewport={"width": width, "height": 800})
    context.set_default_timeout(20_000)
    if not javascript:
        await context.route(SCRIPT, lambda route: route.abort())
    page = await context.new_page()
    found = Tab(context, page)
    blocked = "Failed to load resource" if not javascript else None

    def noted(message: ConsoleMessage) -> None:
        if message.type == "error" and not (blocked and message.text.startswith(blocked)):
            found.console_errors.append(message.text)

    page.on("console", noted)
    try:
        yield found
    finally:
        await context.close()


async def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.2 AA violations on the page as it is now, one line each. axe runs through
    the DevTools protocol, so the page's own content security policy stays as it is."""
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        await page.evaluate(AXE)
    results = await page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)
    return [f"{v['id']}: {v['help']} at {', '.join(n['target'][0] for n in v['nodes'][:3])}" for v in results["violations"]]


async def sideways_scroll(page: Page) -> dict[str, int]:
    """For each narrow width, how many pixels the page is wider than the window (0 is right)."""
    wider: dict[str, int] = {}
    size = page.viewport_size
    for name, width in WIDTHS.items():
        await page.set_viewport_size({"width": width, "height": 800})
        wider[name] = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if size:
        await page.set_viewport_size(size)
    return {name: extra for name, extra in wider.items() if extra > 0}


async def check_page(found: Tab) -> None:
    """Everything every page must be, in whatever state it is in now."""
    url = found.page.url
    assert await axe_violations(found.page) == [], url
    assert await sideways_scroll(found.page) == {}, url
    assert found.console_errors == [], (url, found.console_errors)
