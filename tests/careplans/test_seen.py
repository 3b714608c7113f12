"""What the guardian has looked at: only the assigned guardian records it and reads it back, in one
unit of work with its access-log row; one proceedings, by id, for those who may see it."""

from sqlalchemy import select

from portal.accesslog.models import AccessLogEntry
from tests.support.guardians import other_guardians_proceedings, record_view

SEEN = "seen { childId version seenAt }"
PROCEEDINGS = """query($id: ID!) { proceedings(id: $id) { caseNumber guardian { id } seenByMe { childId version } } }"""
EVERYONE = ("guardian_1", "guardian_2", "chair_a", "chair_a2", "chair_b", "bs_a", "sw_a", "gp1_author", "school_author")


async def test_the_assigned_guardian_records_the_latest_version_looked_at(api, world, database):
    first = await api.mutate("markCarePlanViewsSeen", {"viewIds": [world.id("view_a1")]}, SEEN, as_=world.guardian_1)
    assert first["errors"] == [] and first["seen"][0]["childId"] == world.id("child_a1") and first["seen"][0]["version"] == 1
    second = await record_view(api, world)
    both = await api.mutate("markCarePlanViewsSeen", {"viewIds": [second["id"], world.id("view_a1")]}, SEEN, as_=world.guardian_1)
    assert [s["version"] for s in both["seen"]] == [2]  # the older view does not take it back
    read = await api(PROCEEDINGS, {"id": world.id("proceedings_a")}, as_=world.guardian_1)
    assert read["proceedings"] == {"caseNumber": "EA26C0001", "guardian": {"id": world.id("guardian_1")},
                                   "seenByMe": [{"childId": world.id("child_a1"), "version": 2}]}
    async with database.session() as session:
        rows = [(r.person_id, r.action) for r in (await session.execute(select(AccessLogEntry))).scalars() if r.fields == ["markCarePlanViewsSeen"]]
    assert rows == [(world.guardian_1, "write")] * 2


async def test_nobody_else_records_or_reads_what_the_guardian_looked_at(api, world, database):
    other = await other_guardians_proceedings(database, world)
    await api.mutate("markCarePlanViewsSeen", {"viewIds": [world.id("view_a1")]}, SEEN, as_=world.guardian_1)
    for name in EVERYONE[1:]:
        refused = await api.mutate("markCarePlanViewsSeen", {"viewIds": [world.id("view_a1")]}, SEEN, as_=getattr(world, name))
        assert refused["seen"] == [] and [e["code"] for e in refused["errors"]] == ["NOT_FOUND"], name
        read = (await api(PROCEEDINGS, {"id": world.id("proceedings_a")}, as_=getattr(world, name)))["proceedings"]
        assert read is None or read["seenByMe"] == [], name  # the LA's IROs see the proceedings, never what the guardian read
    for name in EVERYONE:
        found = (await api(PROCEEDINGS, {"id": str(other)}, as_=getattr(world, name)))["proceedings"]
        assert (found is not None) == (name in ("guardian_2", "chair_b")), name
    for bad in (["x"], ["0"], [str(10**12)], [world.id("view_a1")] * 101):
        refused = await api.mutate("markCarePlanViewsSeen", {"viewIds": bad}, SEEN, as_=world.guardian_1)
        assert refused["errors"] and refused["seen"] == [], bad
