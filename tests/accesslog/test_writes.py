"""Every change commits together with its access-log row, or not at all."""

from tests.support.access_log import drafts, log_refusing_rows, logged
from tests.support.uploading import post_letter_form, running

SAVE = 'mutation {name} {{ saveDraft(input: {{invitationId: "{invitation}", sections: [{{sectionId: "worries", text: "Missed appointments."}}]}}) {{ contribution {{ id }} errors {{ message }} }} }}'


async def test_a_very_long_operation_name_still_commits_with_its_log_row_and_no_sql_error(api, world, database):
    name = "Save" + "x" * 300
    response = await api.raw(SAVE.format(name=name, invitation=world.id("inv_gp1")), as_=world.gp1_author)
    body = response.json()
    assert "errors" not in body, body
    assert body["data"]["saveDraft"]["errors"] == []
    [entry] = await logged(database)
    assert (entry.operation_type, entry.operation_name, entry.fields) == ("mutation", name[:200], ["saveDraft"])
    assert await drafts(database) == [{"worries": "Missed appointments."}]


async def test_when_the_log_row_cannot_be_written_nothing_commits_and_the_error_is_plain(api, world, database):
    async with log_refusing_rows(database):
        response = await api.raw(SAVE.format(name="Save", invitation=world.id("inv_gp1")), as_=world.gp1_author)
    body = response.json()
    assert body["data"] is None or body["data"]["saveDraft"] is None
    [error] = body["errors"]
    assert "log unavailable" not in error["message"] and "SQL" not in error["message"]
    assert "not saved" in error["message"]
    assert await drafts(database) == []


async def test_the_upload_form_post_writes_a_log_row(database, world):
    async with running(database) as api:
        response = await post_letter_form(api, world.inv_gp1, as_=world.gp1_author)
    assert response.status_code == 303
    writes = [e for e in await logged(database) if e.person_id == world.gp1_author]
    assert [e.action for e in writes] == ["write"]
    assert "upload" in (writes[0].operation_name + " ".join(writes[0].fields)).lower()


async def test_an_upload_that_cannot_be_logged_stores_nothing(database, world):
    async with log_refusing_rows(database), running(database) as api:
        response = await post_letter_form(api, world.inv_gp1, as_=world.gp1_author)
    assert response.status_code == 503 and "not saved" in response.json()["errors"][0]["message"]
    assert await drafts(database) == []


async def test_a_refused_change_is_logged_as_refused_and_writes_nothing(api, world, database):
    payload = await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": []}, "contribution { id }", as_=world.gp2_author)
    assert payload["errors"] and payload["contribution"] is None
    [entry] = await logged(database)
    assert (entry.person_id, entry.action, entry.operation_type, entry.fields) == (world.gp2_author, "refused", "mutation", ["saveDraft"])
    assert await drafts(database) == []


async def test_a_committed_change_is_logged_as_a_write(api, world, database):
    await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": []}, "contribution { id }", as_=world.gp1_author)
    [entry] = await logged(database)
    assert (entry.person_id, entry.action, entry.fields) == (world.gp1_author, "write", ["saveDraft"])


async def test_a_change_names_the_childrens_records_and_reports_it_wrote(api, world, database):
    saved = await api.mutate("saveDraft", {"invitationId": world.id("inv_gp1"), "sections": [{"sectionId": "worries", "text": "Missed appointments."}]},
                             "contribution { id }", as_=world.gp1_author)
    view = await api.mutate("recordCarePlanView", {"proceedingsId": world.id("proceedings_a"), "childId": world.id("child_a1"), "view": "Agreed."},
                            "carePlanView { id }", as_=world.chair_a)
    refused = await api.mutate("recordCarePlanView", {"proceedingsId": world.id("proceedings_a"), "childId": world.id("child_a1"), "view": " "},
                               "carePlanView { id }", as_=world.chair_a)
    assert view["errors"] == [] and refused["errors"]
    rows = [(e.action, e.fields, e.child_ids, e.contribution_ids) for e in await logged(database) if e.operation_type == "mutation"]
    assert rows == [
        ("write", ["saveDraft"], [], [int(saved["contribution"]["id"])]),
        ("write", ["recordCarePlanView"], [world.child_a1], []),
        ("refused", ["recordCarePlanView"], [], []),
    ]
