"""Audit views quote nothing withheld from the family, and a withdrawn report leaves every audit view.

A section whose withholding is pending or agreed is scored (a round's score is one for every reader), but
no auditor, of any council, reads it: not as a section, an evidence quote, a reason or an exported cell."""

import csv
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from portal.contributions.models import Contribution, WithholdingRequest
from portal.enums import WithholdingDecision
from tests.support.audit_rounds import create_round, items
from tests.support.audit_world import add_audit

AUDITORS = ["lead", "auditor_a", "auditor_b"]
HELD_BACK = {  # contribution: (section, text, decision)
    "la_a_gp0": ("parental_health", "Father misuses alcohol; his partner has a conviction for arson in 2019.", WithholdingDecision.PENDING),
    "la_a_gp3": ("child_voice", "Jude said the lodger hurts the dog when nobody is home.", WithholdingDecision.AGREED),
    "la_a_gp2": ("danger_statement", "Domestic violence", WithholdingDecision.AGREED),
    "la_b_gp0": ("parental_health", "Father misuses alcohol; his partner has a conviction for burglary.", WithholdingDecision.REFUSED),
}
SECRETS = ["conviction for arson", "hurts the dog", "Domestic violence"]


@pytest.fixture
async def withheld_round(api, database, world):
    async with database.session() as session:
        await add_audit(session, world)
        for name, (section, text, _) in HELD_BACK.items():
            contribution = await session.get(Contribution, world.ids[name])
            contribution.sections = {**contribution.sections, section: text}
        await session.commit()
    round_id = (await create_round(api, world, fraction=1.0, perCouncil=None))["auditRound"]["id"]
    # Asked for after the round was scored: what is shown follows the requests as they stand.
    async with database.session() as session:
        for name, (section, _, decision) in HELD_BACK.items():
            session.add(WithholdingRequest(contribution_id=world.ids[name], section_id=section, reason="Third party.",
                                           requested_by_id=world.gp1_author, decision=decision))
        await session.commit()
    return round_id


async def test_no_auditor_reads_a_withheld_section_in_the_round(api, world, withheld_round):
    for person in AUDITORS:
        nodes = await items(api, withheld_round, getattr(world, person))
        assert len(nodes) == 12, person
        shown = str(nodes)
        for secret in SECRETS:
            assert secret not in shown, (person, secret)
        assert "conviction for burglary" in shown, person  # a refused request withholds nothing
        held = next(n for n in nodes if n["contributionId"] == world.id("la_a_gp0"))
        assert "parental_health" not in [s["id"] for s in held["contribution"]["sections"]], person
        cited = [c for c in held["criteria"] if any(e["sectionId"] == "parental_health" for e in c["evidence"])]
        assert cited, person  # still scored, and the evidence still names the section
        for criterion in cited:
            assert all(e["quote"] == "" for e in criterion["evidence"] if e["sectionId"] == "parental_health"), person
            assert "withheld" in criterion["reason"], person


async def export(api, round_id, kind, person):
    return await api.client.get(f"/audit/rounds/{round_id}/export.{kind}", headers={"x-portal-demo-person": str(person)})


async def test_exports_quote_no_withheld_section(api, world, withheld_round):
    for person in AUDITORS:
        text = (await export(api, withheld_round, "csv", getattr(world, person))).text
        book = load_workbook(io.BytesIO((await export(api, withheld_round, "xlsx", getattr(world, person))).content), read_only=True)
        cells = " ".join(str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row)
        for secret in SECRETS:
            assert secret not in text and secret not in cells, (person, secret)
        assert "conviction for burglary" in text and "conviction for burglary" in cells, person
        rows = [r for r in csv.DictReader(io.StringIO(text)) if r["contribution_id"] == world.id("la_a_gp0") and "parental_health" in r["section"]]
        assert rows and all("withheld" in r["reason"] for r in rows), person


LEVELS = {"levels": [{"criterionId": "worries", "level": "NOT_MET"}]}
SUMMARY = """query($id: ID!) { auditRound(id: $id) { itemCount results(groupBy: COUNCIL) { group contributions }
  agreement { criterionId compared } } auditResults(groupBy: COUNCIL) { group contributions } }"""


async def test_a_withdrawn_report_leaves_every_audit_view_and_results_recompute(api, database, world):
    async with database.session() as session:
        await add_audit(session, world)
    round_id = (await create_round(api, world, fraction=1.0, perCouncil=None))["auditRound"]["id"]
    gone = next(n for n in await items(api, round_id, world.lead) if n["contributionId"] == world.id("la_a_gp0"))
    assert (await api.mutate("recordAuditorLevels", {"itemId": gone["id"], **LEVELS}, "item { id }", as_=world.auditor_a))["errors"] == []
    before = (await api(SUMMARY, {"id": round_id}, as_=world.lead))
    assert before["auditRound"]["itemCount"] == 12
    assert {r["group"]: r["contributions"] for r in before["auditRound"]["results"]}["Easterby City Council"] == 6
    assert next(a for a in before["auditRound"]["agreement"] if a["criterionId"] == "worries")["compared"] == 1

    withdrawn = await api.mutate("withdrawContribution", {"contributionId": world.id("la_a_gp0"), "reason": "Sent for the wrong child."},
                                 "contribution { status }", as_=world.gp1_author)
    assert withdrawn["errors"] == []

    for person in AUDITORS:
        after = await api(SUMMARY, {"id": round_id}, as_=getattr(world, person))
        assert after["auditRound"]["itemCount"] == 11, person
        assert {r["group"]: r["contributions"] for r in after["auditRound"]["results"]}["Easterby City Council"] == 5, person
        assert {r["group"]: r["contributions"] for r in after["auditResults"]}["Easterby City Council"] == 5, person
        assert all(a["compared"] == 0 for a in after["auditRound"]["agreement"]), person
        nodes = await items(api, round_id, getattr(world, person))
        assert world.id("la_a_gp0") not in [n["contributionId"] for n in nodes], person
        text = (await export(api, round_id, "csv", getattr(world, person))).text
        assert world.id("la_a_gp0") not in {r["contribution_id"] for r in csv.DictReader(io.StringIO(text))}, person
    for name in ("recordAuditorLevels", "moderate"):
        attempt = await api.mutate(name, {"itemId": gone["id"], **LEVELS}, "item { id }", as_=world.lead)
        missing = await api.mutate(name, {"itemId": "987654", **LEVELS}, "item { id }", as_=world.lead)
        assert attempt == missing and attempt["errors"][0]["code"] == "NOT_FOUND", name
    async with database.session() as session:
        assert (await session.execute(select(Contribution.status).where(Contribution.id == world.ids["la_a_gp0"]))).scalar_one() == "WITHDRAWN"
