"""Reading a report's text, or a child's record, leaves one log row per operation, whatever the route."""

from portal.accesslog import AccessLogEntry
from tests.support.access_log import log_refusing_rows, logged
from tests.support.contributions import REQUIRED_GP


async def report(api, world) -> str:
    sections = [{"sectionId": k, "text": v} for k, v in REQUIRED_GP.items()]
    saved = await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": sections}, "contribution { id }", as_=world.gp1_author)
    return saved["contribution"]["id"]


async def reads(database, person: int) -> list[AccessLogEntry]:
    return [e for e in await logged(database) if e.person_id == person and e.operation_type == "query"]


async def test_reading_a_contributions_sections_is_logged(api, world, database):
    contribution = await report(api, world)
    await api(f'query Report {{ contribution(id: "{contribution}") {{ sections {{ text {{ source }} }} }} }}', as_=world.gp1_colleague)
    [entry] = await reads(database, world.gp1_colleague)
    assert (entry.operation_name, entry.fields, entry.contribution_ids) == ("Report", ["contribution"], [int(contribution)])


async def test_reading_versions_is_logged(api, world, database):
    contribution = await report(api, world)
    await api(f'query Versions {{ contribution(id: "{contribution}") {{ versions {{ sections {{ text {{ html }} }} }} }} }}', as_=world.gp1_author)
    [entry] = await reads(database, world.gp1_author)
    assert entry.contribution_ids == [int(contribution)]


async def test_reading_the_conference_map_is_logged(api, world, database):
    contribution = await report(api, world)
    await api.mutate("submitContribution", {"contributionId": contribution}, "contribution { status }", as_=world.gp1_author)
    await api(f'query Map {{ conference(id: "{world.id("conf_a")}") {{ map {{ entries {{ text {{ source }} }} }} }} }}', as_=world.chair_a)
    [entry] = await reads(database, world.chair_a)
    assert (entry.operation_name, entry.contribution_ids) == ("Map", [int(contribution)])


async def test_reading_status_only_is_not_a_read_of_text(api, world, database):
    contribution = await report(api, world)
    await api(f'query Status {{ contribution(id: "{contribution}") {{ status version }} }}', as_=world.gp1_author)
    assert await reads(database, world.gp1_author) == []


async def test_a_care_plan_view_is_a_read_of_the_childs_record(api, world, database):
    query = "query Views { careProceedings { nodes { carePlanViews { view { source } } } } }"
    await api(query, as_=world.guardian_1)
    [entry] = [e for e in await logged(database) if e.person_id == world.guardian_1]
    assert entry.child_ids == [world.child_a1]


async def test_a_read_that_cannot_be_logged_returns_no_data(api, world, database):
    contribution = await report(api, world)
    async with log_refusing_rows(database):
        response = await api.raw(f'{{ contribution(id: "{contribution}") {{ sections {{ text {{ source }} }} }} }}', as_=world.gp1_author)
    body = response.json()
    assert body.get("data") is None
    [error] = body["errors"]
    assert "log unavailable" not in error["message"]
    assert "Bruising seen" not in response.text
