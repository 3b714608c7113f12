"""A "not met" raises an IRO alert or challenge in one step (raiseChallengeFromCheck and the checklist page's form),
with the item's reason, once per item, by the meeting's chair only."""

from sqlalchemy import select

from portal.challenges.models import Challenge, ChallengeReason
from portal.demo_identity import HEADER
from portal.enums import Role
from portal.monitoring.models import MonitoringAnswer
from portal.people.models import Person, PersonRole
from tests.history.conftest import add_managers
from tests.support.people import EVERYONE

SELECTION = "challengeId"
UNMET = {"item": "child_consulted", "answer": "NOT_MET", "note": "Maisie has not been seen since the strategy discussion."}


async def team_manager(database, world) -> int:
    async with database.session() as session:
        person = Person(organisation_id=world.social_a, name="Tamsin Manager", email="tm_a@example.org")
        session.add(person)
        await session.flush()
        session.add(PersonRole(person_id=person.id, role=Role.TEAM_MANAGER, la_id=world.la_a))
        await session.commit()
        return person.id  # type: ignore[return-value]


async def unmet(api, world) -> None:
    saved = await api.mutate("recordMonitoringCheck", {"conferenceId": world.id("conf_a"), "answers": [
        UNMET, {"item": "report_quality", "answer": "MET"}]}, "checklist { complete }", as_=world.chair_a)
    assert saved["errors"] == []


def raising(world, **changes):
    return {"conferenceId": world.id("conf_a"), "item": "child_consulted", "childId": world.id("child_a1"), "kind": "ALERT",
            "resolutionSought": "See Maisie before the conference.", **changes}


async def test_the_chair_raises_an_alert_from_an_item_not_met_once(api, world, database):
    manager = await team_manager(database, world)
    await unmet(api, world)
    raised = await api.mutate("raiseChallengeFromCheck", raising(world), SELECTION, as_=world.chair_a)
    assert raised["errors"] == [] and raised["challengeId"]
    async with database.session() as session:
        challenge = await session.get(Challenge, int(raised["challengeId"]))
        reasons = (await session.execute(select(ChallengeReason.reason).where(ChallengeReason.challenge_id == challenge.id))).scalars().all()
        linked = (await session.execute(select(MonitoringAnswer.challenge_id).where(MonitoringAnswer.item == "child_consulted"))).scalar_one()
    assert (challenge.child_id, challenge.conference_id, challenge.kind, challenge.raised_by_id) == (world.child_a1, world.conf_a, "ALERT", world.chair_a)
    assert list(reasons) == ["child_not_consulted"] and linked == challenge.id
    checklist = (await api("query($c: ID!) { monitoringChecklist(conferenceId: $c) { items { id challengeId } } }", {"c": world.id("conf_a")},
                           as_=world.chair_a))["monitoringChecklist"]
    assert {i["id"]: i["challengeId"] for i in checklist["items"]}["child_consulted"] == raised["challengeId"]
    again = await api.mutate("raiseChallengeFromCheck", raising(world), SELECTION, as_=world.chair_a)
    assert again["challengeId"] is None and again["errors"][0]["path"] == ["input", "item"] and "already raised" in again["errors"][0]["message"]
    assert manager


async def test_a_challenge_needs_an_item_not_met_and_the_meetings_chair(api, world, database):
    await team_manager(database, world)
    people = await add_managers(database, world)
    await unmet(api, world)
    met = await api.mutate("raiseChallengeFromCheck", raising(world, item="report_quality"), SELECTION, as_=world.chair_a)
    assert met["errors"][0]["path"] == ["input", "item"]
    unanswered = await api.mutate("raiseChallengeFromCheck", raising(world, item="decisions_actioned"), SELECTION, as_=world.chair_a)
    assert unanswered["errors"][0]["path"] == ["input", "item"]
    no_kind = await api.mutate("raiseChallengeFromCheck", raising(world, kind="LOUD", resolutionSought=""), SELECTION, as_=world.chair_a)
    assert {tuple(e["path"]) for e in no_kind["errors"]} == {("input", "kind"), ("input", "resolutionSought")}
    other_child = await api.mutate("raiseChallengeFromCheck", raising(world, childId=world.id("child_b1")), SELECTION, as_=world.chair_a)
    assert other_child["errors"][0]["code"] == "NOT_FOUND"
    for name in [n for n in EVERYONE if n != "chair_a"] + ["hos_a", "irom_a", "hos_b"]:
        person = people.get(name) or getattr(world, name)
        refused = await api.mutate("raiseChallengeFromCheck", raising(world), SELECTION, as_=person)
        assert refused["challengeId"] is None and refused["errors"][0]["code"] in ("FORBIDDEN", "NOT_FOUND"), name
    async with database.session() as session:
        assert (await session.execute(select(Challenge.id))).first() is None


async def test_the_checklist_page_raises_it_in_one_form(api, world, database):
    await team_manager(database, world)
    await unmet(api, world)
    headers = {HEADER: str(world.chair_a), "accept": "text/html"}
    path = f"/chair/conferences/{world.conf_a}/monitoring/child_consulted/challenge"
    checklist = await api.client.get(f"/chair/conferences/{world.conf_a}/monitoring", headers=headers)
    assert f'href="{path}"' in checklist.text and checklist.text.count("/challenge\"") == 1
    form = await api.client.get(path, headers=headers)
    assert form.status_code == 200 and "Not met: The child consulted before the review" in form.text and "Tamsin Manager will be asked to answer" in form.text
    missing = await api.client.post(path, data={"child": world.id("child_a1"), "resolution": "See Maisie first."}, headers=headers)
    assert missing.status_code == 200 and 'href="#kind"' in missing.text and "See Maisie first." in missing.text
    done = await api.client.post(path, data={"child": world.id("child_a1"), "kind": "FORMAL", "resolution": "See Maisie first."}, headers=headers)
    assert done.status_code == 303
    after = await api.client.get(done.headers["location"], headers=headers)
    assert "Challenge raised" in after.text and f'href="{path}"' not in after.text
    assert (await api.client.get(path, headers=headers)).status_code == 404
    for name in ("chair_a2", "chair_b", "sw_a", "gp1_author"):
        assert (await api.client.get(f"/chair/conferences/{world.conf_a}/monitoring/report_quality/challenge",
                                     headers={HEADER: str(getattr(world, name)), "accept": "text/html"})).status_code == 404, name
