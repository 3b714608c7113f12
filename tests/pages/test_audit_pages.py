"""The audit's pages in-process: the lead draws a round and moderates; auditors score reports one at a
time (other councils' pseudonymised), and read results and agreement; everyone else gets "not found"."""

import re

import pytest

from portal.demo_identity import HEADER
from tests.support.audit_rounds import items
from tests.support.audit_world import add_audit, period


@pytest.fixture
async def audit(database, world):
    async with database.session() as session:
        return await add_audit(session, world)


async def get(api, path: str, person: int):
    return await api.client.get(path, headers={HEADER: str(person), "accept": "text/html"})


async def post(api, path: str, person: int, data: dict[str, str]):
    return await api.client.post(path, data=data, headers={HEADER: str(person), "accept": "text/html"})


def round_form(**changes: str) -> dict[str, str]:
    start, end = period()
    (sy, sm, sd), (ey, em, ed) = start.split("-"), end.split("-")
    form = {"name": "Autumn GP reports", "period-start-day": sd, "period-start-month": sm, "period-start-year": sy,
            "period-end-day": ed, "period-end-month": em, "period-end-year": ey, "per-council": "3", "seed": "42"}
    return form | changes


async def draw(api, audit, **changes: str) -> str:
    created = await post(api, "/audit/rounds/new", audit.lead, round_form(**changes))
    assert created.status_code == 303, created.text
    return re.fullmatch(r"/audit/rounds/(\d+)\?created=1", created.headers["location"]).group(1)


async def test_the_lead_draws_a_round_and_sees_its_seed_and_progress(api, audit):
    form = await get(api, "/audit/rounds/new", audit.lead)
    assert form.status_code == 200 and 'name="period-start-day"' in form.text
    empty = await post(api, "/audit/rounds/new", audit.lead, {"name": "", "per-council": "", "seed": "x"})
    assert empty.status_code == 200 and "<title>Error: " in empty.text
    for field in ("name", "period-start-day", "period-end-day", "per-council", "seed"):
        assert f'href="#{field}"' in empty.text, field
    reversed_period = await post(api, "/audit/rounds/new", audit.lead, round_form(**{"period-end-year": "2025", "name": "Kept <b>name</b>"}))
    assert reversed_period.status_code == 200 and 'href="#period-end-day"' in reversed_period.text
    assert "The period must not end before it starts." in reversed_period.text
    assert 'value="Kept &lt;b&gt;name&lt;/b&gt;"' in reversed_period.text and 'value="42"' in reversed_period.text
    round_id = await draw(api, audit, name="Autumn <script>alert(1)</script>")
    page = await get(api, f"/audit/rounds/{round_id}?created=1", audit.lead)
    assert page.status_code == 200 and "<script>alert" not in page.text and "Autumn &lt;script&gt;" in page.text
    assert "Its seed is 42." in page.text and "3 reports from each council" in page.text
    progress = re.findall(r'<strong class="govuk-!-font-size-36">(\d+)</strong> ([\w’ ]+)<', page.text)
    assert progress == [("6", "reports scored"), ("0", "with auditors’ levels recorded"), ("0", "disagreements to moderate")]
    assert page.text.count("Not started") == 6 and f'href="/audit/rounds/{round_id}/export.xlsx"' in page.text
    listing = await get(api, "/audit", audit.lead)
    assert f'href="/audit/rounds/{round_id}"' in listing.text and 'href="/audit/rounds/new"' in listing.text
    assert 'href="/audit/rounds/new"' not in (await get(api, "/audit", audit.auditor_a)).text


async def test_an_auditor_scores_one_report_at_a_time_and_keeps_what_they_chose(api, audit):
    round_id = await draw(api, audit, **{"per-council": "6"})
    nodes = await items(api, round_id, audit.lead)
    own = next(n for n in nodes if n["contributionId"] == audit.id("la_a_gp0"))
    other = next(n for n in nodes if n["contributionId"] == audit.id("la_b_gp0"))
    path = f"/audit/rounds/{round_id}/items/{own['id']}"
    page = await get(api, path, audit.auditor_a)
    assert page.status_code == 200 and "Ruby Kettlewell" in page.text and "from another council" not in page.text
    immunisations = next(c for c in own["criteria"] if c["criterionId"] == "immunisations")
    assert "Immunisations are up to date apart from the pre-school booster, which is overdue." in page.text
    assert immunisations["reason"].replace("'", "&#39;") in page.text
    assert 'name="level-immunisations"' in page.text and 'value="NOT_APPLICABLE"' not in page.text.split('id="criterion-danger_statement"')[1].split('id="criterion-')[0]
    pseudonymised = await get(api, f"/audit/rounds/{round_id}/items/{other['id']}", audit.auditor_a)
    assert "from another council" in pseudonymised.text and "Iris" not in pseudonymised.text and "Blenkinsop" not in pseudonymised.text
    assert "[child 1]" in pseudonymised.text

    nothing = await post(api, path, audit.auditor_a, {"note-worries": "Kept note"})
    assert nothing.status_code == 200 and "Choose a level for at least one criterion" in nothing.text and "Kept note" in nothing.text
    refused = await post(api, path, audit.auditor_a, {"level-worries": "MET", "level-danger_statement": "NOT_APPLICABLE", "note-worries": "Clear worries"})
    assert refused.status_code == 200 and 'href="#level-danger_statement"' in refused.text and "always applies" in refused.text
    assert re.search(r'id="level-worries" name="level-worries" type="radio" value="MET" checked', refused.text) and "Clear worries" in refused.text
    assert (await items(api, round_id, audit.auditor_a))[0]["criteria"][0]["auditorLevels"] == []  # nothing saved
    too_long = await post(api, path, audit.auditor_a, {"level-worries": "MET", "note-worries": "x" * 2001})
    assert too_long.status_code == 200 and 'href="#note-worries"' in too_long.text and "the limit is 2,000" in too_long.text

    saved = await post(api, path, audit.auditor_a, {"level-worries": "MET", "level-immunisations": "PARTLY_MET", "note-immunisations": "Booster overdue"})
    assert saved.status_code == 303
    following = saved.headers["location"]
    assert following.startswith(f"/audit/rounds/{round_id}/items/") and following.endswith("?saved=1") and f"/items/{own['id']}?" not in following
    assert "This is the next report you have not scored." in (await get(api, following, audit.auditor_a)).text
    again = await get(api, path, audit.auditor_a)
    assert re.search(r'id="level-immunisations-2" name="level-immunisations" type="radio" value="PARTLY_MET" checked', again.text)
    assert "Booster overdue" in again.text
    listing = await get(api, f"/audit/rounds/{round_id}", audit.auditor_a)
    assert "2 of 19" in listing.text and "<strong class=\"govuk-!-font-size-36\">1</strong> with auditors’ levels recorded" in listing.text


async def disagree(api, audit, round_id: str, item_id: str) -> None:
    for person, level in ((audit.auditor_a, "NOT_MET"), (audit.auditor_b, "PARTLY_MET")):
        assert (await post(api, f"/audit/rounds/{round_id}/items/{item_id}", person, {"level-child_voice": level, "note-child_voice": f"Said {level}"})).status_code == 303


async def test_the_lead_moderates_a_disagreement_and_council_auditors_cannot(api, audit):
    round_id = await draw(api, audit)
    item_id = (await items(api, round_id, audit.lead))[0]["id"]
    moderate = f"/audit/rounds/{round_id}/items/{item_id}/moderate"
    quiet = await get(api, moderate, audit.lead)
    assert quiet.status_code == 200 and "There is nothing to moderate on this report" in quiet.text
    await disagree(api, audit, round_id, item_id)
    progress = await get(api, f"/audit/rounds/{round_id}", audit.lead)
    assert f'href="{moderate}"' in progress.text and "<strong class=\"govuk-!-font-size-36\">1</strong> disagreements to moderate" in progress.text
    assert f'href="{moderate}"' not in (await get(api, f"/audit/rounds/{round_id}", audit.auditor_a)).text
    page = await get(api, moderate, audit.lead)
    assert page.status_code == 200 and "Said NOT_MET" in page.text and "Said PARTLY_MET" in page.text and 'name="level-child_voice"' in page.text
    assert 'name="level-worries"' not in page.text
    for person in (audit.auditor_a, audit.auditor_b):
        assert (await get(api, moderate, person)).status_code == 404
        assert (await post(api, moderate, person, {"level-child_voice": "MET"})).status_code == 404
    unchosen = await post(api, moderate, audit.lead, {"note-child_voice": "Read it twice"})
    assert unchosen.status_code == 200 and 'href="#level-child_voice"' in unchosen.text and "Read it twice" in unchosen.text
    settled = await post(api, moderate, audit.lead, {"level-child_voice": "NOT_MET", "note-child_voice": "No direct words"})
    assert settled.status_code == 303 and settled.headers["location"] == f"/audit/rounds/{round_id}?done=moderated#moderation"
    after = await get(api, f"/audit/rounds/{round_id}", audit.lead)
    assert "There are no disagreements waiting for you." in after.text
    assert "Settled as Not met" in (await get(api, moderate, audit.lead)).text


async def test_results_and_agreement_pages(api, audit):
    round_id = await draw(api, audit, **{"per-council": "6"})
    results = await get(api, f"/audit/rounds/{round_id}/results", audit.auditor_b)
    assert results.status_code == 200
    assert results.text.count('role="img"') == 3 and results.text.count("<caption") >= 4
    for title in ("Mean score by quarter, all rounds", "Share of criteria met, by council", "Criteria most often not met"):
        assert f"{title}</title>" in results.text, title
    assert "Easterby City Council" in results.text and "Riverside Surgery" in results.text and "12 reports" in results.text
    empty = await get(api, f"/audit/rounds/{round_id}/agreement", audit.lead)
    assert empty.status_code == 200 and "Nothing to compare yet" in empty.text
    nodes = await items(api, round_id, audit.lead)
    item = nodes[0]
    scorer = {c["criterionId"]: c["level"] for c in item["criteria"]}
    other = "MET" if scorer["child_voice"] != "MET" else "NOT_MET"
    for person in (audit.auditor_a, audit.auditor_b):
        form = {"level-immunisations": scorer["immunisations"], "level-child_voice": other}
        assert (await post(api, f"/audit/rounds/{round_id}/items/{item['id']}", person, form)).status_code == 303
    agreement = await get(api, f"/audit/rounds/{round_id}/agreement", audit.auditor_a)
    assert agreement.status_code == 200 and 'href="#disagree-child_voice"' in agreement.text
    assert f'href="/audit/rounds/{round_id}/items/{item["id"]}#criterion-child_voice"' in agreement.text
    assert re.search(r"Immunisations[^<]*</th>\s*<td[^>]*>1</td>\s*<td[^>]*>100%</td>", agreement.text)


OUTSIDERS = ("chair_a", "chair_b", "gp1_author", "gp2_author", "school_author", "guardian_1", "bs_a", "sw_a")


async def test_nobody_but_auditors_opens_an_audit_page(api, audit):
    round_id = await draw(api, audit)
    item_id = (await items(api, round_id, audit.lead))[0]["id"]
    base = f"/audit/rounds/{round_id}"
    pages = ("/audit", "/audit/rounds/new", base, f"{base}/items/{item_id}", f"{base}/items/{item_id}/moderate", f"{base}/results", f"{base}/agreement")
    for name in OUTSIDERS:
        person = getattr(audit, name)
        home = await get(api, "/reports" if name.startswith(("gp", "school", "guardian", "sw")) else "/chair/conferences", person)
        assert 'href="/audit"' not in home.text, name
        for path in pages:
            refused = await get(api, path, person)
            assert refused.status_code == 404 and "Ruby" not in refused.text and "Autumn" not in refused.text, (name, path)
        for path, form in (("/audit/rounds/new", round_form()), (f"{base}/items/{item_id}", {"level-worries": "MET"}),
                           (f"{base}/items/{item_id}/moderate", {"level-worries": "MET"})):
            assert (await post(api, path, person, form)).status_code == 404, (name, path)
    assert 'href="/audit"' in (await get(api, "/audit", audit.auditor_a)).text
    for path in ("/audit/rounds/new",):
        assert (await get(api, path, audit.auditor_a)).status_code == 404
        assert (await post(api, path, audit.auditor_a, round_form())).status_code == 404
    for path in ("/audit/rounds/x", f"{base}/items/0", f"/audit/rounds/{int(round_id) + 1}/items/{item_id}", f"/audit/rounds/{int(round_id) + 1}/results"):
        assert (await get(api, path, audit.lead)).status_code == 404, path
    assert (await api("{ auditRounds { nodes { id } } }", as_=audit.lead))["auditRounds"]["nodes"] == [{"id": round_id}]


async def test_auditors_open_no_page_about_the_case(api, audit):
    contribution = audit.id("la_a_gp0")
    for name in ("lead", "auditor_a", "auditor_b"):
        person = getattr(audit, name)
        home = await get(api, "/audit", person)
        assert 'href="/reports"' not in home.text and 'href="/chair/conferences"' not in home.text, name
        for path in (f"/chair/conferences/{audit.conf_a}", f"/chair/conferences/{audit.la_a_icpc0}", f"/chair/reports/{contribution}",
                     f"/reports/{audit.inv_gp1}", f"/reports/{audit.la_a_inv0}"):
            refused = await get(api, path, person)
            assert refused.status_code == 404 and "Ruby" not in refused.text, (name, path)
