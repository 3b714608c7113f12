"""Drawing an audit round and reading its items through the API."""

from tests.support.audit_world import period

ROUND = "auditRound { id name seed rubricId rubricVersion perCouncil itemCount }"
ITEMS = """query($id: ID!, $first: Int) { auditRound(id: $id) { items(first: $first) { nodes {
  id contributionId contributionVersion score late neverShared pseudonymised council { slug } practice { name }
  contribution { id status sections { id text { source } } children { label dateOfBirth safetyScale } }
  criteria { criterionId title level reason evidence { quote sectionId field } auditorLevels { level auditor { name } }
             moderatorDecision { level } settledLevel } } pageInfo { hasNextPage } } } }"""


async def create_round(api, world, as_=None, **overrides):
    start, end = period()
    payload = {"name": "ICPC GP contributions, autumn 2026", "periodStart": start, "periodEnd": end, "perCouncil": 4, "seed": 42, **overrides}
    return await api.mutate("createAuditRound", payload, ROUND, as_=as_ or world.lead)


async def items(api, round_id, person, first=50):
    data = await api(ITEMS, {"id": round_id, "first": first}, as_=person)
    return data["auditRound"]["items"]["nodes"]
