"""The chair's outcome pages in-process: record that the conference was held, then its outcome (errors keep what was
typed), see the deadlines and whether each was met, record the outcome letter and minutes sent. Anyone but the
conference's chair gets "not found" and changes nothing."""

import re

from sqlalchemy import select

from portal.demo_identity import HEADER
from portal.outcomes.models import ConferenceOutcome

OUTSIDERS = ("chair_a2", "bs_a", "sw_a", "gp1_author", "chair_b", "bs_b", "guardian_1")


async def get(api, path: str, person: int):
    return await api.client.get(path, headers={HEADER: str(person), "accept": "text/html"})


async def post(api, path: str, person: int, data):
    return await api.client.post(path, data=data, headers={HEADER: str(person), "accept": "text/html"})


def error_links(page: str) -> list[str]:
    return re.findall(r'<a href="(#[\w-]+)">', page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]) if "govuk-error-summary" in page else []


async def test_the_chair_records_the_conference_held_then_its_outcome_and_the_minutes(api, world, database):
    base = f"/chair/conferences/{world.conf_a}"
    conference_page = await get(api, base, world.chair_a)
    assert f'href="{base}/outcome"' in conference_page.text
    first = await get(api, f"{base}/outcome", world.chair_a)
    assert first.status_code == 200 and "Record that the conference was held" in first.text
    held = await post(api, f"{base}/held", world.chair_a, {"held-on-day": "12", "held-on-month": "10", "held-on-year": "2026"})
    assert held.status_code == 303 and held.headers["location"] == f"{base}/outcome?done=held"

    held_page = await get(api, base, world.chair_a)
    assert held_page.status_code == 200 and "The outcome: decisions, minutes and deadlines" in held_page.text
    form = await get(api, f"{base}/outcome", world.chair_a)
    assert form.status_code == 200 and "The conference&#39;s decision for Maisie" in form.text and "Category of abuse" in form.text
    typed = {"decision-0": "CHILD_PROTECTION_PLAN", "initial-0": ["NEG", "EMO"], "decision-1": "CHILD_PROTECTION_PLAN",
             "core-group-day": "23", "core-group-month": "10", "core-group-year": "2026", "notes": "Father to be invited to core group.",
             "next-review-day": "31", "next-review-month": "13", "next-review-year": "2027"}
    bad = await post(api, f"{base}/outcome", world.chair_a, typed)
    assert bad.status_code == 200 and error_links(bad.text) == ["#next-review-day"] and "must be a real date" in bad.text
    assert 'value="13"' in bad.text and "Father to be invited to core group." in bad.text and 'value="EMO" checked' in bad.text
    refused = await post(api, f"{base}/outcome", world.chair_a, {**typed, "next-review-month": "1"})
    assert refused.status_code == 200 and error_links(refused.text) == ["#initial-1"]
    assert "Choose at least one category of abuse for the plan." in refused.text and 'value="31"' in refused.text
    async with database.session() as session:
        assert (await session.execute(select(ConferenceOutcome))).first() is None

    done = await post(api, f"{base}/outcome", world.chair_a, {**typed, "next-review-month": "1", "initial-1": "PHY"})
    assert done.status_code == 303 and done.headers["location"] == f"{base}/outcome?done=recorded"
    shown = await get(api, f"{base}/outcome?done=recorded", world.chair_a)
    assert "The outcome is recorded" in shown.text and "Multiple (neglect, emotional abuse)" in shown.text and "Physical abuse" in shown.text
    assert "26 October 2026" in shown.text and "2 November 2026" in shown.text and "13 October 2026" in shown.text
    assert shown.text.count("Not sent") == 2 and "Father to be invited to core group." in shown.text

    blank = await post(api, f"{base}/outcome/minutes", world.chair_a, {"minutes-sent-day": "", "minutes-sent-month": "", "minutes-sent-year": ""})
    assert blank.status_code == 200 and error_links(blank.text) == ["#minutes-sent-day"] and "Enter the date the minutes were sent" in blank.text
    future = await post(api, f"{base}/outcome/letter", world.chair_a, {"letter-sent-day": "14", "letter-sent-month": "10", "letter-sent-year": "2026"})
    assert future.status_code == 200 and "cannot be in the future" in future.text and 'value="14"' in future.text
    sent = await post(api, f"{base}/outcome/minutes", world.chair_a, {"minutes-sent-day": "12", "minutes-sent-month": "10", "minutes-sent-year": "2026"})
    assert sent.status_code == 303
    after = await get(api, f"{base}/outcome?done=minutes", world.chair_a)
    assert after.text.count("Not sent") == 1 and '<strong class="govuk-tag govuk-tag--green">Met</strong>' in after.text


async def test_nobody_but_the_conferences_chair_opens_or_posts_the_outcome_pages(api, world, database):
    base = f"/chair/conferences/{world.conf_a}"
    for name in OUTSIDERS:
        person = getattr(world, name)
        assert (await get(api, f"{base}/outcome", person)).status_code == 404, name
        assert (await post(api, f"{base}/held", person, {"held-on-day": "12", "held-on-month": "10", "held-on-year": "2026"})).status_code == 404, name
    await post(api, f"{base}/held", world.chair_a, {"held-on-day": "12", "held-on-month": "10", "held-on-year": "2026"})
    for name in OUTSIDERS:
        person = getattr(world, name)
        assert (await post(api, f"{base}/outcome", person, {"decision-0": "NO_PLAN", "decision-1": "NO_PLAN"})).status_code == 404, name
    async with database.session() as session:
        assert (await session.execute(select(ConferenceOutcome))).first() is None
    assert (await get(api, "/chair/conferences/999999/outcome", world.chair_a)).status_code == 404
