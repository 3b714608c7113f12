"""Over the demo's Brackenridge, in Chromium without JavaScript, each page of the IRO service opens for
the people it is for and passes the checks every page must (axe, no sideways scroll at 320 px, no
console errors): a chair's outcome, monitoring checklist and challenges; a team manager's challenges
awaiting an answer; the head of service's annual report, challenge overview, drift watchlist,
monitoring findings and what families told us."""

import re

from playwright.async_api import Page
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from portal.conferences.models import Conference
from portal.demo import seed_demo
from portal.demo_identity import HEADER
from portal.enums import Role
from portal.monitoring.models import MonitoringCheck
from portal.outcomes.models import ConferenceOutcome
from portal.people.models import LocalAuthority, PersonRole
from portal.settings import sync_url
from tests.support.browser import check_page, tab
from tests.support.servers import portal_server


def _brackenridge(database_url: str) -> dict[str, int]:
    engine = create_engine(sync_url(database_url))
    with Session(engine) as session:
        seed_demo(session)
        la = session.execute(select(LocalAuthority.id).where(LocalAuthority.slug == "brackenridge")).scalar_one()

        def holder(role: Role) -> int:
            return session.execute(select(PersonRole.person_id).where(PersonRole.role == role, PersonRole.la_id == la)
                                   .order_by(PersonRole.person_id)).scalars().first()

        def with_(record: type, key: object) -> tuple[int, int]:
            return tuple(session.execute(select(Conference.id, Conference.chair_id).join(record, key == Conference.id)
                                         .where(Conference.la_id == la).order_by(Conference.id)).first())

        found = {"head": holder(Role.HEAD_OF_SERVICE), "team_manager": holder(Role.TEAM_MANAGER)}
        found["outcome"], found["outcome_chair"] = with_(ConferenceOutcome, ConferenceOutcome.conference_id)
        found["checked"], found["checked_chair"] = with_(MonitoringCheck, MonitoringCheck.conference_id)
    engine.dispose()
    return found


async def opens(page: Page, path: str, heading: str | re.Pattern[str]) -> str:
    response = await page.goto(path)
    assert response is not None and response.status == 200, (path, response and response.status)
    assert await page.get_by_role("heading", level=1, name=heading).count() == 1, (path, await page.locator("h1").all_inner_texts())
    return await page.content()


async def test_the_iro_services_pages_over_the_demo_pass_every_pages_checks(database_url, browser):
    people = _brackenridge(database_url)
    with portal_server(database_url) as site:
        async with tab(browser, site, javascript=False) as found:
            page = found.page

            await page.set_extra_http_headers({HEADER: str(people["outcome_chair"])})
            await opens(page, f"/chair/conferences/{people['outcome']}/outcome", re.compile("outcome", re.I))
            await check_page(found)
            await page.set_extra_http_headers({HEADER: str(people["checked_chair"])})
            await opens(page, f"/chair/conferences/{people['checked']}/monitoring", re.compile("monitoring", re.I))
            await check_page(found)
            listing = await opens(page, "/challenges", re.compile("challenges", re.I))
            await check_page(found)
            (first, *_) = sorted(set(re.findall(r'href="(/challenges/\d+)"', listing)))
            await opens(page, first, re.compile(".", re.S))
            await check_page(found)

            await page.set_extra_http_headers({HEADER: str(people["team_manager"])})
            waiting = await opens(page, "/challenges", re.compile("challenges", re.I))
            assert re.search(r'href="/challenges/\d+"', waiting), "the demo's team manager has a challenge to answer"
            await check_page(found)

            await page.set_extra_http_headers({HEADER: str(people["head"])})
            for path, heading in (("/annual-report", re.compile("annual report", re.I)),
                                  ("/challenges/overview", re.compile("challenges", re.I)),
                                  ("/watchlist", re.compile("watchlist", re.I)),
                                  ("/monitoring/summary", re.compile("monitoring", re.I)),
                                  ("/what-families-told-us", re.compile("told us", re.I))):
                await opens(page, path, heading)
                await check_page(found)
