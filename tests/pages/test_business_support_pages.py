"""Business support's pages in-process: the LA's business support create, schedule and reschedule a
conference (warned past its statutory latest date), invite organisations found by name or ODS code,
change a due time with a reason, chase reports and record a phone call, and record a conference held.
Anyone else (business support of another LA, the conference's chair, a social worker, a GP, a
guardian) gets "not found" and changes nothing."""

import re
from datetime import datetime

from sqlalchemy import func, select

from portal import clock
from portal.chasing.models import PhoneChase
from portal.conferences.models import Conference, Invitation
from portal.demo_identity import HEADER

OUTSIDERS = ("bs_b", "chair_a", "sw_a", "gp1_author", "guardian_1")
LA_PAGES = ("/business-support", "/business-support/chasing", "/business-support/conferences/new")


async def get(api, path: str, person: int):
    return await api.client.get(path, headers={HEADER: str(person), "accept": "text/html"})


async def post(api, path: str, person: int, data):
    return await api.client.post(path, data=data, headers={HEADER: str(person), "accept": "text/html"})


def error_links(page: str) -> list[str]:
    return re.findall(r'<a href="(#[\w-]+)">', page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]) if "govuk-error-summary" in page else []


async def test_business_support_create_a_sibling_conference_and_schedule_it_warned_past_its_latest_date(api, world, database):
    listing = await get(api, "/business-support", world.bs_a)
    assert listing.status_code == 200 and f'href="/business-support/conferences/{world.conf_a}"' in listing.text
    assert f"/business-support/conferences/{world.conf_b}" not in listing.text
    found = await get(api, "/business-support/conferences/new?search=ashdown", world.bs_a)
    assert found.status_code == 200 and "Maisie Ashdown" in found.text and "Theo Ashdown" in found.text and "Esme" not in found.text

    unchosen = await post(api, "/business-support/conferences/new", world.bs_a, {"kind": "ICPC"})
    assert unchosen.status_code == 200 and error_links(unchosen.text) == ["#children", "#strategy-day"]
    created = await post(api, "/business-support/conferences/new", world.bs_a, {
        "kind": "ICPC", "children": [world.id("child_a1"), world.id("child_a2")], "strategy-day": "12", "strategy-month": "10", "strategy-year": "2026"})
    assert created.status_code == 303
    schedule = created.headers["location"]
    number = re.search(r"/conferences/(\d+)/schedule", schedule)[1]
    form = await get(api, schedule, world.bs_a)
    # 15 working days after Monday 12 October 2026.
    assert form.status_code == 200 and "The latest date the law allows is 2 November 2026." in form.text

    when = {"when-day": "5", "when-month": "11", "when-year": "2026", "when-time": "10am", "chair": world.id("chair_a")}
    warned = await post(api, f"/business-support/conferences/{number}/schedule", world.bs_a, when)
    assert warned.status_code == 200 and error_links(warned.text) == ["#confirm-late"] and "after the latest date the law allows" in warned.text
    assert 'value="5"' in warned.text and 'value="10am"' in warned.text
    async with database.session() as session:
        assert (await session.get(Conference, int(number))).scheduled_at is None
    confirmed = await post(api, f"/business-support/conferences/{number}/schedule", world.bs_a, {**when, "confirm-late": "yes"})
    assert confirmed.status_code == 303
    page = await get(api, f"/business-support/conferences/{number}", world.bs_a)
    assert "10am on Thursday 5 November 2026" in page.text and "after the latest date the law allows for it, 2 November 2026" in page.text

    moved = await post(api, f"/business-support/conferences/{number}/schedule", world.bs_a, {**when, "when-day": "30", "when-month": "10", "when-time": "2:30pm"})
    assert moved.status_code == 303
    page = await get(api, f"/business-support/conferences/{number}", world.bs_a)
    assert "2:30pm on Friday 30 October 2026" in page.text and "after the latest date" not in page.text


async def test_scheduling_refuses_an_impossible_time_and_keeps_what_was_typed(api, world):
    path = f"/business-support/conferences/{world.conf_a}/schedule"
    bad = await post(api, path, world.bs_a, {"when-day": "22", "when-month": "10", "when-year": "2026", "when-time": "25 o'clock"})
    assert bad.status_code == 200 and error_links(bad.text) == ["#when-time"] and "must be a real time" in bad.text and "25 o&#39;clock" in bad.text
    past = await post(api, path, world.bs_a, {"when-day": "1", "when-month": "10", "when-year": "2026", "when-time": "10:00"})
    assert past.status_code == 200 and error_links(past.text) == ["#when-day"] and "in the future" in past.text


async def test_business_support_invite_by_name_or_ods_code_and_see_the_rules_due_times(api, world):
    base = f"/business-support/conferences/{world.conf_a}"
    by_code = await get(api, f"{base}/invite?search=gp2", world.bs_a)
    assert by_code.status_code == 200 and "Millbrook Surgery" in by_code.text and "1 organisation found" in by_code.text
    by_name = await get(api, f"{base}/invite?search=riverside", world.bs_a)
    assert "Riverside Surgery" in by_name.text and "Already invited" in by_name.text
    invited = await post(api, f"{base}/invite", world.bs_a, {"organisation": world.id("gp2"), "search": "gp2"})
    assert invited.status_code == 303 and "done=invited" in invited.headers["location"]
    page = await get(api, invited.headers["location"], world.bs_a)
    # Easterby: reports to the chair by 10am one working day before the meeting, to the family two.
    assert "Millbrook Surgery is invited" in page.text
    row = page.text.split('id="invitation-', 1)[1]
    assert re.search(r"Millbrook Surgery.*10am on Wednesday 21 October 2026.*10am on Tuesday 20 October 2026", page.text, re.S), row[:400]
    again = await post(api, f"{base}/invite", world.bs_a, {"organisation": world.id("gp2"), "search": "gp2"})
    assert again.status_code == 200 and "already invited" in again.text


async def test_business_support_change_a_due_time_with_a_reason_shown_beside_the_rules(api, world, database):
    path = f"/business-support/invitations/{world.inv_gp1}/due"
    form = await get(api, path, world.bs_a)
    assert form.status_code == 200 and "10am on Wednesday 21 October 2026" in form.text  # the rules' time
    typed = {"report-due-day": "20", "report-due-month": "10", "report-due-year": "2026", "report-due-time": "5pm", "reason": ""}
    unexplained = await post(api, path, world.bs_a, typed)
    assert unexplained.status_code == 200 and error_links(unexplained.text) == ["#reason"] and 'value="5pm"' in unexplained.text
    late = await post(api, path, world.bs_a, {**typed, "report-due-day": "23", "reason": "GP on leave"})
    assert late.status_code == 200 and error_links(late.text) == ["#report-due-day"] and "before the meeting" in late.text
    changed = await post(api, path, world.bs_a, {**typed, "reason": "GP on leave <until the 20th>"})
    assert changed.status_code == 303
    page = await get(api, changed.headers["location"], world.bs_a)
    assert "5pm on Tuesday 20 October 2026" in page.text and "Changed by hand" in page.text
    assert "GP on leave &lt;until the 20th&gt;" in page.text and "Rules: 10am on Wednesday 21 October 2026" in page.text
    async with database.session() as session:
        assert (await session.get(Invitation, world.inv_gp1)).report_due_at == datetime(2026, 10, 20, 16, tzinfo=clock.UTC)


async def test_the_chasing_view_lists_reports_due_by_organisation_and_a_phone_call_is_recorded(api, world, database):
    soon = await get(api, "/business-support/chasing?days=5", world.bs_a)
    assert soon.status_code == 200
    headings = re.findall(r'<h2 class="govuk-heading-m" id="organisation-\d+">([^<]+)', soon.text)
    assert headings == ["Easterby Children&#39;s Social Care ", "Riverside Surgery ", "Oakfield Primary School "]
    assert "9am on Thursday 15 October 2026" in soon.text  # the next reminder: 9am, two working days before
    assert "Esme" not in soon.text
    assert "Nothing to chase." in (await get(api, "/business-support/chasing?days=4", world.bs_a)).text
    bad = await get(api, "/business-support/chasing?days=lots", world.bs_a)
    assert bad.status_code == 200 and error_links(bad.text) == ["#days"]

    path = f"/business-support/invitations/{world.inv_gp1}/chase"
    form = await get(api, path, world.bs_a)
    assert form.status_code == 200 and 'value="10:00"' in form.text and "to 2 people" in form.text
    blank = await post(api, path, world.bs_a, {"spoke-to": " ", "called-day": "12", "called-month": "10", "called-year": "2026", "called-time": "9:30am", "note": "x"})
    assert blank.status_code == 200 and error_links(blank.text) == ["#spoke-to"]
    future = await post(api, path, world.bs_a, {"spoke-to": "Practice manager", "called-day": "12", "called-month": "10", "called-year": "2026", "called-time": "11am"})
    assert future.status_code == 200 and error_links(future.text) == ["#called-day"] and "future" in future.text
    recorded = await post(api, path, world.bs_a, {"spoke-to": "Practice manager", "called-day": "12", "called-month": "10", "called-year": "2026",
                                                  "called-time": "9:30am", "note": "Will send it <Friday>"})
    assert recorded.status_code == 303
    page = await get(api, recorded.headers["location"], world.bs_a)
    assert "The phone call is recorded." in page.text and "Will send it &lt;Friday&gt;" in page.text
    listed = await get(api, "/business-support/chasing", world.bs_a)
    assert "9:30am on Monday 12 October 2026" in listed.text and "Practice manager: Will send it &lt;Friday&gt;" in listed.text


async def test_business_support_record_a_conference_held_and_see_the_next_reviews_latest_date(api, world, frozen):
    path = f"/business-support/conferences/{world.conf_a}/held"
    future = await post(api, path, world.bs_a, {"held-on-day": "22", "held-on-month": "10", "held-on-year": "2026"})
    assert future.status_code == 200 and error_links(future.text) == ["#held-on-day"] and "future" in future.text
    frozen.move_to(datetime(2026, 10, 22, 15, tzinfo=clock.UTC))
    held = await post(api, path, world.bs_a, {"held-on-day": "22", "held-on-month": "10", "held-on-year": "2026"})
    assert held.status_code == 303
    page = await get(api, held.headers["location"], world.bs_a)
    # The first RCPC within 3 months of the ICPC.
    assert "The conference is recorded as held." in page.text and "22 January 2027" in page.text
    review = await get(api, f"/business-support/conferences/new?previous={world.conf_a}", world.bs_a)
    assert review.status_code == 200 and "Review child protection conference after the initial child protection conference" in review.text
    created = await post(api, "/business-support/conferences/new", world.bs_a, {
        "previous": world.id("conf_a"), "children": [world.id("child_a1"), world.id("child_a2")]})
    assert created.status_code == 303
    form = await get(api, created.headers["location"], world.bs_a)
    assert "The latest date the law allows is 22 January 2027." in form.text


async def test_nobody_else_reaches_business_supports_pages_or_changes_anything(api, world, database):
    pages = ["/business-support", "/business-support/chasing", "/business-support/conferences/new",
             f"/business-support/conferences/{world.conf_a}", f"/business-support/conferences/{world.conf_a}/schedule",
             f"/business-support/conferences/{world.conf_a}/invite?search=gp", f"/business-support/conferences/{world.conf_a}/held",
             f"/business-support/invitations/{world.inv_gp1}/due", f"/business-support/invitations/{world.inv_gp1}/chase"]
    forms = {
        "/business-support/conferences/new": {"kind": "ICPC", "children": world.id("child_a1"), "strategy-day": "12", "strategy-month": "10", "strategy-year": "2026"},
        f"/business-support/conferences/{world.conf_a}/schedule": {"when-day": "29", "when-month": "10", "when-year": "2026", "when-time": "10am"},
        f"/business-support/conferences/{world.conf_a}/invite": {"organisation": world.id("gp2")},
        f"/business-support/conferences/{world.conf_a}/held": {"held-on-day": "12", "held-on-month": "10", "held-on-year": "2026"},
        f"/business-support/invitations/{world.inv_gp1}/due": {"report-due-day": "20", "report-due-month": "10", "report-due-year": "2026", "report-due-time": "5pm", "reason": "x"},
        f"/business-support/invitations/{world.inv_gp1}/chase": {"spoke-to": "x", "called-day": "12", "called-month": "10", "called-year": "2026", "called-time": "9am"},
    }
    async with database.session() as session:
        before = ((await session.execute(select(func.count()).select_from(Conference))).scalar_one(),
                  (await session.execute(select(func.count()).select_from(Invitation))).scalar_one())
    for name in OUTSIDERS:
        person = getattr(world, name)
        for path in pages:
            refused = await get(api, path, person)
            own = name == "bs_b" and path in LA_PAGES  # their own LA's, with nothing of Easterby's
            assert refused.status_code == (200 if own else 404) and "Maisie" not in refused.text and "Riverside" not in refused.text, (name, path)
        for path, data in forms.items():
            assert (await post(api, path, person, data)).status_code in ((200, 303) if name == "bs_b" and path in LA_PAGES else (404,)), (name, path)
        navigation = (await get(api, "/business-support/chasing", person)).text if name == "bs_b" else (await get(api, "/reports", person)).text
        assert ('href="/business-support/chasing"' in navigation) == (name == "bs_b"), name
    for path in (f"/business-support/conferences/{world.conf_b}", f"/business-support/invitations/{world.inv_gp2_b}/chase", "/business-support/conferences/x"):
        assert (await get(api, path, world.bs_a)).status_code == 404, path
    async with database.session() as session:
        after = ((await session.execute(select(func.count()).select_from(Conference))).scalar_one(),
                 (await session.execute(select(func.count()).select_from(Invitation))).scalar_one())
        assert after == before
        assert (await session.get(Conference, world.conf_a)).status == "SCHEDULED"
        assert (await session.get(Invitation, world.inv_gp1)).due_override_reason is None
        assert (await session.execute(select(PhoneChase))).first() is None
