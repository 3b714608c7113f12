"""The regional audit through the API: rounds, sample, scores with evidence, levels, moderation, agreement, results."""

import pytest

from portal.contributions.models import WithholdingRequest
from portal.enums import WithholdingDecision
from tests.support.audit_rounds import create_round, items
from tests.support.audit_world import PER_COUNCIL, add_audit, period


@pytest.fixture
async def audit(database, world):
    async with database.session() as session:
        return await add_audit(session, world)


async def test_the_lead_draws_a_reproducible_stratified_sample_and_scores_it(api, audit):
    first = await create_round(api, audit)
    assert first["errors"] == []
    created = first["auditRound"]
    assert (created["seed"], created["rubricId"], created["perCouncil"], created["itemCount"]) == (42, "gp", 4, 8)
    nodes = await items(api, created["id"], audit.lead)
    councils = [n["council"]["slug"] for n in nodes]
    assert councils.count("easterby") == councils.count("westmarsh") == 4
    sampled = {n["contributionId"] for n in nodes}
    assert {audit.id("gp2_rcpc"), audit.id("school_icpc")}.isdisjoint(sampled)
    assert sampled <= {audit.id(f"{la}_gp{n}") for la in ("la_a", "la_b") for n in range(PER_COUNCIL)}
    assert all(len(n["criteria"]) == 19 and n["score"] is not None for n in nodes)
    again = await create_round(api, audit, name="Same seed")
    assert {n["contributionId"] for n in await items(api, again["auditRound"]["id"], audit.lead)} == sampled
    other = await create_round(api, audit, name="Other seed", seed=7, perCouncil=None, fraction=1.0)
    assert other["auditRound"]["itemCount"] == 2 * PER_COUNCIL


async def test_scores_carry_evidence_and_reasons(api, audit):
    created = (await create_round(api, audit, fraction=1.0, perCouncil=None))["auditRound"]
    nodes = {n["contributionId"]: n for n in await items(api, created["id"], audit.lead)}
    strong = {c["criterionId"]: c for c in nodes[audit.id("la_a_gp0")]["criteria"]}
    weak = {c["criterionId"]: c for c in nodes[audit.id("la_a_gp2")]["criteria"]}
    assert strong["immunisations"]["level"] == "MET"
    assert strong["immunisations"]["evidence"][0] == {"quote": "Immunisations are up to date apart from the pre-school booster, which is overdue.", "sectionId": "immunisations", "field": None}
    assert weak["danger_statement"]["level"] == "NOT_MET"
    assert "label" in weak["danger_statement"]["reason"]
    assert strong["safety_scale"]["level"] == "MET" and weak["safety_scale"]["level"] == "MET"
    assert nodes[audit.id("la_a_gp1")]["late"] is True and nodes[audit.id("la_a_gp0")]["late"] is False
    assert nodes[audit.id("la_a_gp1")]["neverShared"] is True and nodes[audit.id("la_a_gp0")]["neverShared"] is False
    assert nodes[audit.id("la_a_gp0")]["score"] > nodes[audit.id("la_a_gp2")]["score"]


async def test_bad_round_inputs_come_back_as_typed_errors_and_write_nothing(api, audit):
    start, end = period()
    reversed_period = await create_round(api, audit, periodStart=end, periodEnd=start)
    assert [(e["path"], e["code"]) for e in reversed_period["errors"]] == [(["input", "periodEnd"], "INVALID")]
    both = await create_round(api, audit, fraction=0.5)
    assert both["errors"][0]["path"] == ["input", "perCouncil"]
    unknown = await create_round(api, audit, rubricId="school")
    assert unknown["errors"][0]["path"] == ["input", "rubricId"]
    listed = await api("{ auditRounds { nodes { id } } }", as_=audit.lead)
    assert listed["auditRounds"]["nodes"] == []


async def test_auditors_record_levels_the_lead_moderates_and_agreement_is_reported(api, audit):
    created = (await create_round(api, audit, fraction=1.0, perCouncil=None))["auditRound"]
    nodes = {n["contributionId"]: n for n in await items(api, created["id"], audit.lead)}
    item = nodes[audit.id("la_a_gp0")]
    scorer = {c["criterionId"]: c["level"] for c in item["criteria"]}
    agree = [{"criterionId": c, "level": scorer[c]} for c in ("immunisations", "worries")]
    differ = {"criterionId": "child_voice", "level": "NOT_MET"}
    for person, extra in ((audit.auditor_a, differ), (audit.auditor_b, {"criterionId": "child_voice", "level": "PARTLY_MET"})):
        recorded = await api.mutate("recordAuditorLevels", {"itemId": item["id"], "levels": [*agree, extra]}, "item { id }", as_=person)
        assert recorded["errors"] == []
    query = """query($id: ID!) { auditRound(id: $id) { awaitingModeration { itemId criterionId }
      agreement { criterionId compared percent kappa disagreements { itemId criterionId scorer auditor } } } }"""
    before = (await api(query, {"id": created["id"]}, as_=audit.lead))["auditRound"]
    assert before["awaitingModeration"] == [{"itemId": item["id"], "criterionId": "child_voice"}]
    assert {a["criterionId"]: a["percent"] for a in before["agreement"]} == {"immunisations": 100.0, "worries": 100.0}

    refused = await api.mutate("moderate", {"itemId": item["id"], "levels": [differ]}, "item { id }", as_=audit.auditor_a)
    assert refused["errors"][0]["code"] == "FORBIDDEN"
    settled = await api.mutate("moderate", {"itemId": item["id"], "levels": [differ]}, "item { criteria { criterionId settledLevel moderatorDecision { level } } }", as_=audit.lead)
    voice = next(c for c in settled["item"]["criteria"] if c["criterionId"] == "child_voice")
    assert voice == {"criterionId": "child_voice", "settledLevel": "NOT_MET", "moderatorDecision": {"level": "NOT_MET"}}
    after = (await api(query, {"id": created["id"]}, as_=audit.auditor_b))["auditRound"]
    assert after["awaitingModeration"] == []
    voice_agreement = next(a for a in after["agreement"] if a["criterionId"] == "child_voice")
    assert voice_agreement["compared"] == 1
    assert voice_agreement["percent"] == (100.0 if scorer["child_voice"] == "NOT_MET" else 0.0)
    if scorer["child_voice"] != "NOT_MET":
        assert voice_agreement["disagreements"] == [{"itemId": item["id"], "criterionId": "child_voice", "scorer": scorer["child_voice"], "auditor": "NOT_MET"}]


async def test_recording_again_replaces_the_auditors_own_level(api, audit):
    created = (await create_round(api, audit))["auditRound"]
    item = (await items(api, created["id"], audit.lead))[0]
    for level in ("MET", "PARTLY_MET"):
        await api.mutate("recordAuditorLevels", {"itemId": item["id"], "levels": [{"criterionId": "worries", "level": level}]}, "item { id }", as_=audit.auditor_a)
    nodes = await items(api, created["id"], audit.auditor_a)
    worries = next(c for n in nodes if n["id"] == item["id"] for c in n["criteria"] if c["criterionId"] == "worries")
    assert [x["level"] for x in worries["auditorLevels"]] == ["PARTLY_MET"]


async def test_bad_levels_come_back_as_typed_errors(api, audit):
    created = (await create_round(api, audit))["auditRound"]
    item = (await items(api, created["id"], audit.lead))[0]
    levels = [{"criterionId": "no_such", "level": "MET"}, {"criterionId": "worries", "level": "NOT_APPLICABLE"},
              {"criterionId": "immunisations", "level": "MET"}, {"criterionId": "immunisations", "level": "MET"}]
    result = await api.mutate("recordAuditorLevels", {"itemId": item["id"], "levels": levels}, "item { id }", as_=audit.auditor_a)
    assert [(e["path"], e["code"]) for e in result["errors"]] == [
        (["input", "levels", "0", "criterionId"], "INVALID"),
        (["input", "levels", "1", "level"], "INVALID"),
        (["input", "levels", "3", "criterionId"], "INVALID"),
    ]
    assert result["item"] is None
    missing = await api.mutate("recordAuditorLevels", {"itemId": "999999", "levels": levels[2:3]}, "item { id }", as_=audit.auditor_a)
    assert missing["errors"][0]["code"] == "NOT_FOUND"


async def test_results_per_council_practice_and_over_time(api, audit):
    created = (await create_round(api, audit, fraction=1.0, perCouncil=None))["auditRound"]
    query = """query($id: ID!) { auditRound(id: $id) {
      council: results(groupBy: COUNCIL) { group contributions meanScore mostOftenNotMet { criterionId count } late neverShared }
      practice: results(groupBy: PRACTICE) { group contributions }
      quarter: results(groupBy: QUARTER) { group contributions } }
      auditResults(groupBy: COUNCIL) { group contributions } }"""
    data = await api(query, {"id": created["id"]}, as_=audit.auditor_a)
    council = {r["group"]: r for r in data["auditRound"]["council"]}
    assert set(council) == {"Easterby City Council", "Westmarsh Council"}
    easterby = council["Easterby City Council"]
    assert easterby["contributions"] == PER_COUNCIL
    assert easterby["late"] == PER_COUNCIL // 2
    assert easterby["neverShared"] == PER_COUNCIL - 2
    assert easterby["mostOftenNotMet"][0]["count"] >= 2
    assert {r["group"]: r["contributions"] for r in data["auditRound"]["practice"]} == {"GP1 Riverside Surgery": 6, "GP2 Millbrook Surgery": 6}
    assert sum(r["contributions"] for r in data["auditRound"]["quarter"]) == 12
    await create_round(api, audit, name="Second", seed=3)
    again = await api(query, {"id": created["id"]}, as_=audit.auditor_a)
    assert again["auditResults"] == data["auditResults"], "a contribution in two rounds counts once"


async def test_feedback_is_advice_for_the_authors_organisation_only_and_never_blocks_submit(api, world):
    from tests.support.contributions import REQUIRED_GP, draft

    saved = await draft(api, world, REQUIRED_GP)
    query = f'{{ contribution(id: "{saved["id"]}") {{ feedback {{ criterionId sectionId message suggestions }} }} }}'
    own = (await api(query, as_=world.gp1_colleague))["contribution"]["feedback"]
    by_criterion = {a["criterionId"]: a for a in own}
    assert by_criterion["child_voice"]["sectionId"] == "child_voice"
    assert "no mention" in by_criterion["child_voice"]["message"]
    assert by_criterion["child_voice"]["suggestions"]
    assert "immunisations" not in by_criterion
    submitted = await api.mutate("submitContribution", {"contributionId": saved["id"]}, "contribution { status }", as_=world.gp1_author)
    assert submitted == {"contribution": {"status": "SUBMITTED"}, "errors": []}
    for person in ("chair_a", "sw_a", "school_author"):
        assert (await api(query, as_=getattr(world, person)))["contribution"]["feedback"] == [], person


async def test_a_report_not_shared_because_the_chair_agreed_to_withhold_it_is_not_applicable(api, database, world):
    async with database.session() as session:
        audit = await add_audit(session, world)
        session.add(WithholdingRequest(contribution_id=audit.ids["la_a_gp2"], section_id="danger_statement", reason="Third party.",
                                       requested_by_id=audit.gp1_author, decision=WithholdingDecision.AGREED))
        await session.commit()
    created = (await create_round(api, audit, fraction=1.0, perCouncil=None))["auditRound"]
    nodes = {n["contributionId"]: n for n in await items(api, created["id"], audit.lead)}

    def shared(name: str) -> dict:
        return next(c for c in nodes[audit.id(name)]["criteria"] if c["criterionId"] == "shared_with_family")

    assert shared("la_a_gp2")["level"] == "NOT_APPLICABLE"
    assert shared("la_a_gp1")["level"] == "NOT_MET"  # not shared, and no withholding agreed
