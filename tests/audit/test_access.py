"""Audit access, default deny: auditors see audit data and not the case; everyone else sees no audit data.
Auditors from another council read sampled contributions pseudonymised, in the API and in exports."""

import csv
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from portal import access
from portal.accesslog import AccessLogEntry
from portal.children.models import Child
from portal.conferences.models import Conference
from portal.identity import load_actor
from tests.support.access_log import log_refusing_rows
from tests.support.audit_rounds import ITEMS, create_round, items
from tests.support.audit_world import add_audit
from tests.support.people import EVERYONE

AUDITORS = ["lead", "auditor_a", "auditor_b"]


@pytest.fixture
async def audit(database, world):
    async with database.session() as session:
        await add_audit(session, world)
    return world


@pytest.fixture
async def round_id(api, audit):
    return (await create_round(api, audit, fraction=1.0, perCouncil=None))["auditRound"]["id"]


async def test_only_auditors_see_audit_rounds(api, audit, round_id):
    for person in EVERYONE + AUDITORS:
        listed = await api("{ auditRounds { nodes { id } } auditResults(groupBy: COUNCIL) { group } }", as_=getattr(audit, person))
        one = await api(f'{{ auditRound(id: "{round_id}") {{ id }} }}', as_=getattr(audit, person))
        can = person in AUDITORS
        assert [n["id"] for n in listed["auditRounds"]["nodes"]] == ([round_id] if can else []), person
        assert bool(listed["auditResults"]) == can, person
        assert (one["auditRound"] is not None) == can, person


async def test_only_the_regional_lead_creates_rounds(api, audit):
    for person in EVERYONE + ["auditor_a", "auditor_b"]:
        attempt = await create_round(api, audit, as_=getattr(audit, person))
        assert attempt["auditRound"] is None and attempt["errors"][0]["code"] == "FORBIDDEN", person
    assert (await create_round(api, audit))["errors"] == []


async def test_only_auditors_record_levels_and_only_the_lead_moderates(api, audit, round_id):
    item = (await items(api, round_id, audit.lead, first=1))[0]
    levels = {"itemId": item["id"], "levels": [{"criterionId": "worries", "level": "MET"}]}
    for person in EVERYONE + AUDITORS:
        recorded = await api.mutate("recordAuditorLevels", levels, "item { id }", as_=getattr(audit, person))
        moderated = await api.mutate("moderate", levels, "item { id }", as_=getattr(audit, person))
        assert (recorded["errors"] == []) == (person in AUDITORS), person
        assert (moderated["errors"] == []) == (person == "lead"), person
        if person not in AUDITORS:
            assert recorded["errors"][0]["code"] == moderated["errors"][0]["code"] == "NOT_FOUND", person


async def test_auditors_see_nothing_of_the_case(api, audit, database):
    conference, child, contribution = audit.id("la_a_icpc0"), audit.id("la_a_child0"), audit.id("la_a_gp0")
    query = f"""{{ conferences {{ nodes {{ id }} }} conference(id: "{conference}") {{ id }} child(id: "{child}") {{ id }}
      contribution(id: "{contribution}") {{ id }} myInvitations {{ nodes {{ id }} }} careProceedings {{ nodes {{ id }} }} }}"""
    for person in AUDITORS:
        data = await api(query, as_=getattr(audit, person))
        assert data == {"conferences": {"nodes": []}, "conference": None, "child": None, "contribution": None,
                        "myInvitations": {"nodes": []}, "careProceedings": {"nodes": []}}, person
    async with database.session() as session:
        for person in AUDITORS:
            actor = await load_actor(session, getattr(audit, person))
            assert (await session.execute(select(Conference.id).where(access.scope(actor, "conference.read")))).all() == [], person
            assert (await session.execute(select(Child.id).where(access.scope(actor, "child.read")))).all() == [], person


def identifying(audit) -> list[str]:
    return ["Ruby", "Kettlewell", "04/05/2019", "999 000", "14 Mill Lane", "Graham", "Gray", "Shona", "Quigley", "Alfie", "Rosebank",
            "Mill Brow", "EB4 7QT", "07700 900", "@example.com"]


async def test_other_councils_contributions_are_pseudonymised(api, audit, round_id):
    target = audit.id("la_a_gp0")
    for person, expected in (("lead", False), ("auditor_a", False), ("auditor_b", True)):
        node = next(n for n in await items(api, round_id, getattr(audit, person)) if n["contributionId"] == target)
        assert node["pseudonymised"] is expected, person
        shown = str(node["contribution"]) + str(node["criteria"])
        for secret in identifying(audit):
            assert (secret in shown) == (not expected), (person, secret)
        child = node["contribution"]["children"][0]
        assert child == ({"label": "child 1", "dateOfBirth": None, "safetyScale": 4} if expected
                         else {"label": "Ruby Kettlewell", "dateOfBirth": "2019-05-04", "safetyScale": 4}), person
    own = next(n for n in await items(api, round_id, audit.auditor_b) if n["contributionId"] == audit.id("la_b_gp0"))
    assert own["pseudonymised"] is False and "Iris Blenkinsop" in str(own["contribution"])


async def test_reading_sampled_contributions_is_in_the_access_log(api, audit, round_id, database):
    await api(ITEMS, {"id": round_id, "first": 2}, as_=audit.auditor_b)
    async with database.session() as session:
        entry = (await session.execute(select(AccessLogEntry).order_by(AccessLogEntry.id.desc()).limit(1))).scalar_one()
    assert entry.person_id == audit.auditor_b and entry.fields == ["auditRound"] and len(entry.child_ids) == 2


async def export(api, round_id, kind, person):
    headers = {"x-portal-demo-person": str(person)} if person is not None else {}
    return await api.client.get(f"/audit/rounds/{round_id}/export.{kind}", headers=headers)


async def test_exports_follow_the_same_rules(api, audit, round_id, database):
    assert (await export(api, round_id, "csv", None)).status_code == 401
    for person in EVERYONE:
        assert (await export(api, round_id, "csv", getattr(audit, person))).status_code == 404, person
    assert (await export(api, "999999", "csv", audit.lead)).status_code == 404

    full = await export(api, round_id, "csv", audit.auditor_a)
    assert full.status_code == 200 and full.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(full.text)))
    assert len(rows) == 12 * 19
    assert {r["criterion"] for r in rows} >= {"worries", "danger_statement", "submitted_on_time"}
    assert "Kettlewell" in full.text and "Blenkinsop" not in full.text
    assert all(secret in full.text for secret in identifying(audit))


    book = await export(api, round_id, "xlsx", audit.auditor_b)
    assert book.status_code == 200
    sheets = load_workbook(io.BytesIO(book.content), read_only=True)
    assert sheets.sheetnames == ["Scores", "Criteria"]
    cells = " ".join(str(c) for row in sheets["Criteria"].iter_rows(values_only=True) for c in row)
    assert "Blenkinsop" in cells and "Kettlewell" not in cells
    # Council B's own children share the dates, NHS prefix and street of the invented text; the rest is council A's only.
    assert [secret for secret in identifying(audit)[5:] if secret in cells] == []
    async with database.session() as session:
        logged = (await session.execute(select(AccessLogEntry).where(AccessLogEntry.operation_name == "AuditRoundExport"))).scalars().all()
    assert [e.person_id for e in logged] == [audit.auditor_a, audit.auditor_b]
    assert all(len(e.child_ids) == len(e.contribution_ids) == 12 for e in logged)


async def test_an_export_that_cannot_be_logged_is_not_given_out(api, audit, round_id, database):
    async with log_refusing_rows(database):
        refused = await export(api, round_id, "csv", audit.auditor_a)
    assert refused.status_code == 503 and "access log" in refused.json()["errors"][0]["message"]
    assert "Kettlewell" not in refused.text
