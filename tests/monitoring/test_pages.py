"""The monitoring pages in-process: the chair's checklist from the conference page (errors keep what was typed),
the drift watchlist and the quarterly findings; everyone else gets "not found" and changes nothing."""

from datetime import date

from sqlalchemy import func, select

from portal.demo_identity import HEADER
from portal.history.models import ProtectionPlan
from portal.monitoring.models import MonitoringAnswer
from tests.history.conftest import add_managers
from tests.monitoring.conftest import ITEMS
from tests.support.people import EVERYONE


async def get(api, path: str, person: int):
    return await api.client.get(path, headers={HEADER: str(person), "accept": "text/html"})


async def post(api, path: str, person: int, data: dict[str, str]):
    return await api.client.post(path, data=data, headers={HEADER: str(person), "accept": "text/html"})


async def saved(database) -> int:
    async with database.session() as session:
        return (await session.execute(select(func.count()).select_from(MonitoringAnswer))).scalar_one()


async def test_the_chair_fills_the_checklist_from_the_conference_page(api, world, database):
    path = f"/chair/conferences/{world.conf_a}/monitoring"
    conference = await get(api, f"/chair/conferences/{world.conf_a}", world.chair_a)
    assert f'href="{path}"' in conference.text
    page = await get(api, path, world.chair_a)
    assert page.status_code == 200
    assert "Monitoring checklist" in page.text and "Was the child consulted before the review or conference?" in page.text
    assert page.text.count('type="radio"') == 27 and "0 of 9 items answered" in page.text
    empty = await post(api, path, world.chair_a, {})
    assert empty.status_code == 200 and "There is a problem" in empty.text and f'href="#answer-{ITEMS[0]}"' in empty.text
    typed = {"answer-child_consulted": "NOT_MET", "note-child_consulted": "", "answer-report_quality": "MET", "note-report_quality": "Clear and current."}
    refused = await post(api, path, world.chair_a, typed)
    assert refused.status_code == 200 and "Say what was not met for" in refused.text and 'href="#note-child_consulted"' in refused.text
    assert "Clear and current." in refused.text and 'value="NOT_MET" checked' in refused.text
    assert await saved(database) == 0
    typed["note-child_consulted"] = "Maisie has not been seen since the strategy discussion."
    done = await post(api, path, world.chair_a, typed)
    assert done.status_code == 303 and done.headers["location"] == f"{path}?saved=1"
    after = await get(api, f"{path}?saved=1", world.chair_a)
    assert "Your answers are saved." in after.text and "2 of 9 items answered" in after.text and "Maisie has not been seen" in after.text
    everything = {f"answer-{item}": "MET" for item in ITEMS}
    assert (await post(api, path, world.chair_a, everything)).status_code == 303
    assert "Complete" in (await get(api, path, world.chair_a)).text and await saved(database) == 9


async def test_no_one_but_the_meetings_chair_opens_or_posts_the_checklist(api, world, database):
    people = await add_managers(database, world)
    path = f"/chair/conferences/{world.conf_a}/monitoring"
    for name in [n for n in EVERYONE if n != "chair_a"] + ["hos_a", "irom_a", "hos_b"]:
        person = people.get(name) or getattr(world, name)
        assert (await get(api, path, person)).status_code == 404, name
        assert (await post(api, path, person, {f"answer-{ITEMS[0]}": "MET"})).status_code == 404, name
    assert (await get(api, "/chair/conferences/nonsense/monitoring", world.chair_a)).status_code == 404
    assert await saved(database) == 0


async def test_the_watchlist_page_for_the_las_iros_and_managers_only(api, world, database):
    people = await add_managers(database, world)
    async with database.session() as session:
        session.add(ProtectionPlan(la_id=world.la_a, la_child_id="EA0001", started_on=date(2025, 6, 1), latest_category="NEG"))
        session.add(ProtectionPlan(la_id=world.la_b, la_child_id="WM0009", started_on=date(2024, 6, 1), latest_category="NEG"))
        await session.commit()
    for person in (world.chair_a, people["hos_a"], people["irom_a"]):
        page = await get(api, "/watchlist", person)
        assert page.status_code == 200 and 'href="/watchlist"' in page.text
        assert "EA0001" in page.text and "Protection plan 15 months or more" in page.text and "Plan begun 1 June 2025" in page.text
        assert "WM0009" not in page.text
    other = await get(api, "/watchlist", people["hos_b"])
    assert other.status_code == 200 and "WM0009" in other.text and "EA0001" not in other.text
    for name in [n for n in EVERYONE if n not in ("chair_a", "chair_a2", "chair_b")]:
        refused = await get(api, "/watchlist", getattr(world, name))
        assert refused.status_code == 404 and 'href="/watchlist"' not in refused.text, name


async def test_the_findings_page_for_the_las_managers_only(api, world, database):
    people = await add_managers(database, world)
    everything = {f"answer-{item}": "MET" for item in ITEMS}
    await post(api, f"/chair/conferences/{world.conf_a}/monitoring", world.chair_a, everything)
    page = await get(api, "/monitoring/summary", people["hos_a"])
    assert page.status_code == 200 and "Monitoring findings 2026-27" in page.text and 'href="/monitoring/summary"' in page.text
    assert "October to December 2026" in page.text and "1 of 1 checklists complete before the meeting (100.0%)" in page.text
    assert (await get(api, "/monitoring/summary?year=2025-26", people["irom_a"])).status_code == 200
    for year in ("2027-28", "2015-16", "2026", "<b>"):
        assert (await get(api, f"/monitoring/summary?year={year}", people["hos_a"])).status_code == 404, year
    for name in EVERYONE:
        refused = await get(api, "/monitoring/summary", getattr(world, name))
        assert refused.status_code == 404 and 'href="/monitoring/summary"' not in refused.text, name
