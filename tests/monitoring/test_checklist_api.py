"""recordMonitoringCheck and monitoringChecklist: the meeting's chair answers the checklist before it; the
LA's IRO manager and head of service read it; nobody else does either, and a bad answer changes nothing."""

from datetime import UTC, datetime

from sqlalchemy import func, select

from portal.monitoring.models import MonitoringAnswer, MonitoringCheck
from tests.history.conftest import add_managers
from tests.monitoring.conftest import ITEMS, all_met
from tests.support.people import EVERYONE

PAGE = """query($conference: ID!) { monitoringChecklist(conferenceId: $conference) {
  conferenceId meetingOn complete completedAt completedBeforeMeeting items { id theme answer note } } }"""
SELECTION = "checklist { conferenceId complete completedAt completedBeforeMeeting items { id answer note } }"


async def answers(database) -> int:
    async with database.session() as session:
        return (await session.execute(select(func.count()).select_from(MonitoringAnswer))).scalar_one()


async def test_the_chair_answers_part_then_the_rest_and_the_checklist_is_complete_before_the_meeting(api, world, database, frozen):
    first = await api.mutate("recordMonitoringCheck", {"conferenceId": world.id("conf_a"), "answers": [
        {"item": "child_consulted", "answer": "NOT_MET", "note": "Maisie has not been seen since the strategy discussion."},
        {"item": "plan_reviewed_at_core_groups", "answer": "NOT_APPLICABLE"},
    ]}, SELECTION, as_=world.chair_a)
    assert first["errors"] == [] and first["checklist"]["complete"] is False and first["checklist"]["completedAt"] is None
    given = {i["id"]: i for i in first["checklist"]["items"]}
    assert len(given) == 9 and given["child_consulted"]["answer"] == "NOT_MET" and given["report_quality"]["answer"] is None
    frozen.move_to(datetime(2026, 10, 13, 15, tzinfo=UTC))
    rest = [a for a in all_met() if a["item"] not in ("child_consulted", "plan_reviewed_at_core_groups")]
    second = await api.mutate("recordMonitoringCheck", {"conferenceId": world.id("conf_a"), "answers": rest}, SELECTION, as_=world.chair_a)
    assert second["errors"] == []
    assert second["checklist"]["complete"] is True and second["checklist"]["completedBeforeMeeting"] is True
    assert second["checklist"]["completedAt"] == "2026-10-13T15:00:00+00:00"
    frozen.move_to(datetime(2026, 10, 14, 9, tzinfo=UTC))
    changed = await api.mutate("recordMonitoringCheck", {"conferenceId": world.id("conf_a"), "answers": [
        {"item": "child_consulted", "answer": "MET", "note": "Seen at school on 13 October."}]}, SELECTION, as_=world.chair_a)
    assert {i["id"]: i["answer"] for i in changed["checklist"]["items"]}["child_consulted"] == "MET"
    assert changed["checklist"]["completedAt"] == "2026-10-13T15:00:00+00:00"  # complete once, when the last item was first answered
    assert await answers(database) == 9


async def test_a_wrong_answer_is_refused_with_its_field_and_nothing_is_saved(api, world, database):
    cases = [
        ([{"item": "no_such_item", "answer": "MET"}], ["input", "answers", "0", "item"], "is not an item of this council's checklist"),
        ([{"item": "report_quality", "answer": "NOT_MET", "note": "  "}], ["input", "answers", "0", "note"], "Say what was not met"),
        ([{"item": "report_quality", "answer": "MET", "note": "x" * 2001}], ["input", "answers", "0", "note"], "the limit is 2,000"),
        ([{"item": "report_quality", "answer": "MET"}, {"item": "report_quality", "answer": "MET"}], ["input", "answers", "1", "item"], "answered twice"),
        ([], ["input", "answers"], "Answer at least one item"),
    ]
    for given, path, message in cases:
        refused = await api.mutate("recordMonitoringCheck", {"conferenceId": world.id("conf_a"), "answers": [*given]}, SELECTION, as_=world.chair_a)
        assert refused["checklist"] is None
        assert (refused["errors"][-1]["path"], message in refused["errors"][-1]["message"]) == (path, True), refused["errors"]
    mixed = await api.mutate("recordMonitoringCheck", {"conferenceId": world.id("conf_a"), "answers": [
        {"item": "child_consulted", "answer": "MET"}, {"item": "report_quality", "answer": "NOT_MET"}]}, SELECTION, as_=world.chair_a)
    assert [e["path"] for e in mixed["errors"]] == [["input", "answers", "1", "note"]]
    assert await answers(database) == 0
    async with database.session() as session:
        assert (await session.execute(select(func.count()).select_from(MonitoringCheck))).scalar_one() == 0


async def test_only_the_meetings_chair_answers_it_and_another_las_chair_is_told_it_does_not_exist(api, world, database):
    people = await add_managers(database, world)
    for name in [n for n in EVERYONE if n != "chair_a"] + ["hos_a", "irom_a", "hos_b"]:
        person = people.get(name) or getattr(world, name)
        refused = await api.mutate("recordMonitoringCheck", {"conferenceId": world.id("conf_a"), "answers": all_met()}, SELECTION, as_=person)
        assert refused["checklist"] is None and refused["errors"], name
        assert refused["errors"][0]["code"] in ("FORBIDDEN", "NOT_FOUND"), name
    other_la = await api.mutate("recordMonitoringCheck", {"conferenceId": world.id("conf_a"), "answers": all_met()}, SELECTION, as_=world.chair_b)
    assert other_la["errors"][0]["code"] == "NOT_FOUND"
    assert await answers(database) == 0


async def test_the_chair_and_the_las_managers_read_the_checklist_and_no_one_else(api, world, database):
    people = await add_managers(database, world)
    await api.mutate("recordMonitoringCheck", {"conferenceId": world.id("conf_a"), "answers": all_met("Fine.")}, SELECTION, as_=world.chair_a)
    for person in (world.chair_a, people["hos_a"], people["irom_a"]):
        found = (await api(PAGE, {"conference": world.id("conf_a")}, as_=person))["monitoringChecklist"]
        assert found["complete"] is True and [i["id"] for i in found["items"]] == ITEMS and found["items"][0]["note"] == "Fine."
    for name in [n for n in EVERYONE if n != "chair_a"]:
        assert (await api(PAGE, {"conference": world.id("conf_a")}, as_=getattr(world, name)))["monitoringChecklist"] is None, name
    assert (await api(PAGE, {"conference": world.id("conf_a")}, as_=people["hos_b"]))["monitoringChecklist"] is None
    assert (await api(PAGE, {"conference": "nonsense"}, as_=world.chair_a))["monitoringChecklist"] is None
