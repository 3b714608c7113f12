"""What the audit's pages read through the API: one item of a round, how many items have auditors'
levels, which criteria may be not applicable, and results over the whole round with the share of
criteria met. Auditors only, like the rest of the audit."""

from collections import Counter

import pytest

from tests.support.audit_rounds import create_round, items
from tests.support.audit_world import PER_COUNCIL, add_audit
from tests.support.people import EVERYONE

ITEM = """query($round: ID!, $item: ID!) { auditRound(id: $round) { levelledItemCount
  item(id: $item) { id contributionId pseudonymised criteria { criterionId } } } }"""


@pytest.fixture
async def audit(database, world):
    async with database.session() as session:
        return await add_audit(session, world)


async def test_one_item_by_id_for_auditors_only(api, audit):
    first = (await create_round(api, audit, fraction=1.0, perCouncil=None))["auditRound"]["id"]
    second = (await create_round(api, audit, name="Second", perCouncil=1))["auditRound"]["id"]
    nodes = await items(api, first, audit.lead)
    own = next(n for n in nodes if n["contributionId"] == audit.id("la_a_gp0"))
    found = (await api(ITEM, {"round": first, "item": own["id"]}, as_=audit.auditor_b))["auditRound"]
    assert found["item"]["contributionId"] == own["contributionId"] and found["item"]["pseudonymised"] is True
    assert len(found["item"]["criteria"]) == 19
    assert (await api(ITEM, {"round": first, "item": own["id"]}, as_=audit.auditor_a))["auditRound"]["item"]["pseudonymised"] is False
    for elsewhere in ({"round": second, "item": own["id"]}, {"round": first, "item": "x"}, {"round": first, "item": "999999"}):
        assert (await api(ITEM, elsewhere, as_=audit.lead))["auditRound"]["item"] is None, elsewhere
    for person in EVERYONE:
        assert (await api(ITEM, {"round": first, "item": own["id"]}, as_=getattr(audit, person)))["auditRound"] is None, person


async def test_levelled_items_are_counted_once_however_many_auditors(api, audit):
    round_id = (await create_round(api, audit))["auditRound"]["id"]
    nodes = await items(api, round_id, audit.lead)
    assert (await api(ITEM, {"round": round_id, "item": nodes[0]["id"]}, as_=audit.lead))["auditRound"]["levelledItemCount"] == 0
    for person, item in ((audit.auditor_a, nodes[0]), (audit.auditor_b, nodes[0]), (audit.auditor_b, nodes[1])):
        levels = [{"criterionId": "worries", "level": "MET"}]
        assert (await api.mutate("recordAuditorLevels", {"itemId": item["id"], "levels": levels}, "item { id }", as_=person))["errors"] == []
    assert (await api(ITEM, {"round": round_id, "item": nodes[0]["id"]}, as_=audit.auditor_a))["auditRound"]["levelledItemCount"] == 2


async def test_the_whole_round_as_one_group_with_the_share_of_criteria_met(api, audit):
    round_id = (await create_round(api, audit, fraction=1.0, perCouncil=None))["auditRound"]["id"]
    query = """query($id: ID!, $top: Int!) { auditRound(id: $id) {
      criteria { id allowsNotApplicable }
      whole: results(groupBy: ALL, top: $top) { group contributions criteriaMet criteriaApplicable mostOftenNotMet { criterionId count } }
      councils: results(groupBy: COUNCIL) { criteriaMet criteriaApplicable mostOftenNotMet { criterionId } } }
      auditResults(groupBy: ALL, top: $top) { contributions criteriaMet } }"""
    data = await api(query, {"id": round_id, "top": 10}, as_=audit.auditor_a)
    (whole,) = data["auditRound"]["whole"]
    assert (whole["group"], whole["contributions"]) == ("All", 2 * PER_COUNCIL)
    nodes = await items(api, round_id, audit.lead)
    levels = [c["level"] for n in nodes for c in n["criteria"]]
    assert whole["criteriaMet"] == levels.count("MET") > 0
    assert whole["criteriaApplicable"] == len(levels) - levels.count("NOT_APPLICABLE")
    assert whole["criteriaMet"] == sum(c["criteriaMet"] for c in data["auditRound"]["councils"])
    assert 3 < len(whole["mostOftenNotMet"]) <= 10 and all(len(c["mostOftenNotMet"]) <= 3 for c in data["auditRound"]["councils"])
    not_met = Counter(c["criterionId"] for n in nodes for c in n["criteria"] if c["level"] == "NOT_MET")
    assert [(c["criterionId"], c["count"]) for c in whole["mostOftenNotMet"]] == sorted(not_met.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    assert data["auditResults"] == [{"contributions": 2 * PER_COUNCIL, "criteriaMet": whole["criteriaMet"]}]
    allows = {c["id"]: c["allowsNotApplicable"] for c in data["auditRound"]["criteria"]}
    assert allows["shared_with_family"] is True and allows["worries"] is False
    for top, listed in ((0, 1), (-5, 1), (10**6, len(not_met))):
        bounded = await api(query, {"id": round_id, "top": top}, as_=audit.auditor_a)
        assert len(bounded["auditRound"]["whole"][0]["mostOftenNotMet"]) == listed, top
