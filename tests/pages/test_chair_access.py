"""The chair's pages in-process: the conference's chair reads them and decides withholding requests;
anyone else (another LA's chair, another chair of the same LA, the GP who wrote the report, another
invited agency, a guardian, business support) gets "not found", never the content."""

import re

from portal.demo_identity import HEADER
from tests.support.contributions import REQUIRED_GP, draft, sections

WITHHELD = "Third-party health detail about the lodger."
OTHERS = ("chair_b", "chair_a2", "gp1_author", "school_author", "guardian_1", "bs_a")


async def _report_with_a_pending_request(api, world) -> tuple[str, str]:
    saved = await draft(api, world, {**REQUIRED_GP, "complicating_factors": WITHHELD})
    await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { id }", as_=world.gp1_author)
    await api.mutate("amendContribution", {"contributionId": saved["id"], "reason": "Latest appointment.",
                                           "sections": sections({"worries": "Bruising seen three times in October."})}, "contribution { id }", as_=world.gp1_author)
    asked = await api.mutate("requestWithholding", {"contributionId": saved["id"], "sectionId": "complicating_factors", "reason": "The lodger's health."},
                             "withholdingRequest { id }", as_=world.gp1_author)
    return saved["id"], asked["withholdingRequest"]["id"]


async def get(api, path: str, person: int):
    return await api.client.get(path, headers={HEADER: str(person), "accept": "text/html"})


async def test_only_the_conferences_chair_reads_its_pages(api, world):
    contribution, request = await _report_with_a_pending_request(api, world)
    conference = f"/chair/conferences/{world.conf_a}"
    report = f"/chair/reports/{contribution}"
    listing = await get(api, "/chair/conferences", world.chair_a)
    assert listing.status_code == 200 and f'href="{conference}"' in listing.text
    page = await get(api, conference, world.chair_a)
    assert page.status_code == 200 and WITHHELD in page.text and "The lodger&#39;s health." in page.text
    read = await get(api, report, world.chair_a)
    assert read.status_code == 200 and WITHHELD in read.text
    assert re.search(r"<del><span class=\"govuk-visually-hidden\">\[removed: </span>twice", read.text)
    assert re.search(r"<ins><span class=\"govuk-visually-hidden\">\[added: </span>three times", read.text)
    for name in OTHERS:
        person = getattr(world, name)
        assert f'href="{conference}"' not in (await get(api, "/chair/conferences", person)).text, name
        for path in (conference, report):
            refused = await get(api, path, person)
            assert refused.status_code == 404 and WITHHELD not in refused.text and "Bruising" not in refused.text, (name, path)
        posted = await api.client.post(f"{conference}/withholding/{request}", data={"decision": "agree"}, headers={HEADER: str(person)})
        assert posted.status_code == 404, name
    for path in ("/chair/conferences/x", "/chair/reports/0", f"/chair/conferences/{world.conf_b}"):
        assert (await get(api, path, world.chair_a)).status_code == 404, path


async def test_refusing_needs_a_reason_and_a_decision_is_kept(api, world):
    _, request = await _report_with_a_pending_request(api, world)
    action = f"/chair/conferences/{world.conf_a}/withholding/{request}"
    headers = {HEADER: str(world.chair_a)}
    unchosen = await api.client.post(action, data={"note": ""}, headers=headers)
    assert unchosen.status_code == 200 and "<title>Error: " in unchosen.text and f'href="#decision-{request}"' in unchosen.text
    refused = await api.client.post(action, data={"decision": "refuse", "note": ""}, headers=headers)
    assert refused.status_code == 200 and "<title>Error: " in refused.text and f'href="#note-{request}"' in refused.text
    assert re.search(rf'<input class="govuk-radios__input" id="decision-{request}-2" name="decision" type="radio" value="refuse" checked', refused.text)
    decided = await api.client.post(action, data={"decision": "refuse", "note": "The family already know."}, headers=headers)
    assert decided.status_code == 303 and decided.headers["location"].startswith(f"/chair/conferences/{world.conf_a}?decided=refuse")
    after = await get(api, decided.headers["location"], world.chair_a)
    assert "There are no requests waiting for your decision." in after.text and "You refused" in after.text
    assert (await api.client.post(action, data={"decision": "agree"}, headers=headers)).status_code == 404  # no longer pending
