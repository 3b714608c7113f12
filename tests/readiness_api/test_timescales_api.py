"""Timescales wired into the data: due times from each LA's rules, rescheduling, holding a conference."""

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from portal import clock
from portal.app import create_app
from portal.enums import ConferenceKind
from portal.settings import Settings
from portal.timescales import RULES_DIR, Anchors, RulesFileError, invitation_due_times, load_rules, next_review_latest, statutory_latest
from tests.support.world import soon

RULES = load_rules(RULES_DIR)
EASTERBY = RULES["easterby"]  # the world's la_a
INVITATION = "invitation { id reportDueAt familyDueAt }"
CONFERENCE = "conference { id status heldOn nextReviewDueBy statutoryDeadline reviewNumber }"


def parsed(value: str) -> datetime:
    return datetime.fromisoformat(value)


def expected_due(meeting: datetime) -> tuple[datetime, datetime | None]:
    due = invitation_due_times(ConferenceKind.ICPC, meeting, EASTERBY, EASTERBY.calendar())
    return due.report_due_at, due.family_due_at


async def test_an_invitation_without_a_due_time_takes_both_from_the_las_rules(api, world):
    payload = await api.mutate("inviteOrganisation", {"conferenceId": world.id("conf_a"), "organisationId": world.id("gp2")}, INVITATION, as_=world.bs_a)
    assert payload["errors"] == []
    report, family = expected_due(soon())
    assert parsed(payload["invitation"]["reportDueAt"]) == report
    assert parsed(payload["invitation"]["familyDueAt"]) == family
    # Easterby: reports to the chair one working day before an ICPC at 10:00, to the family two.
    assert report.astimezone(EASTERBY.zone).hour == 10
    assert EASTERBY.calendar().working_days_between(report.date(), soon().date()) == 1


async def test_a_given_due_time_is_kept(api, world):
    given = soon() - timedelta(days=4)
    payload = await api.mutate(
        "inviteOrganisation", {"conferenceId": world.id("conf_a"), "organisationId": world.id("gp2"), "reportDueAt": given.isoformat()}, INVITATION, as_=world.bs_a
    )
    assert parsed(payload["invitation"]["reportDueAt"]) == given
    assert payload["invitation"]["familyDueAt"] is None


async def test_an_unscheduled_conference_needs_a_due_time(api, world):
    created = await api.mutate(
        "createConference",
        {"laId": world.id("la_a"), "kind": "ICPC", "childIds": [world.id("child_a1")], "strategyDiscussionOn": clock.today().isoformat()},
        "conference { id }", as_=world.bs_a,
    )
    payload = await api.mutate(
        "inviteOrganisation", {"conferenceId": created["conference"]["id"], "organisationId": world.id("gp2")}, INVITATION, as_=world.bs_a
    )
    assert payload["invitation"] is None
    assert payload["errors"] == [{"path": ["input", "reportDueAt"], "message": "Schedule the meeting first, or give the time the report is due.", "code": "INVALID"}]


async def test_rescheduling_moves_every_invitations_due_times(api, world):
    later = soon(30)
    payload = await api.mutate(
        "scheduleConference", {"conferenceId": world.id("conf_a"), "scheduledAt": later.isoformat()},
        "conference { invitations { reportDueAt familyDueAt } }", as_=world.chair_a,
    )
    report, family = expected_due(later)
    invitations = payload["conference"]["invitations"]
    assert len(invitations) == 3
    assert all(parsed(i["reportDueAt"]) == report and parsed(i["familyDueAt"]) == family for i in invitations)


async def test_holding_a_conference_records_the_next_reviews_latest_date(api, world):
    held_on = clock.today()
    payload = await api.mutate("recordConferenceHeld", {"conferenceId": world.id("conf_a"), "heldOn": held_on.isoformat()}, CONFERENCE, as_=world.chair_a)
    assert payload["errors"] == []
    conference = payload["conference"]
    assert conference["status"] == "HELD"
    assert conference["heldOn"] == held_on.isoformat()
    assert conference["nextReviewDueBy"] == next_review_latest(ConferenceKind.ICPC, held_on, EASTERBY, EASTERBY.calendar()).isoformat()

    again = await api.mutate("recordConferenceHeld", {"conferenceId": world.id("conf_a"), "heldOn": held_on.isoformat()}, CONFERENCE, as_=world.chair_a)
    assert [e["code"] for e in again["errors"]] == ["CONFLICT"]


async def test_only_the_las_chair_or_business_support_record_a_conference_held(api, world):
    today = clock.today().isoformat()
    for person, code in ((world.sw_a, "FORBIDDEN"), (world.gp1_author, "FORBIDDEN"), (world.bs_b, "NOT_FOUND")):
        payload = await api.mutate("recordConferenceHeld", {"conferenceId": world.id("conf_a"), "heldOn": today}, CONFERENCE, as_=person)
        assert payload["conference"] is None
        assert [e["code"] for e in payload["errors"]] == [code]
    future = (clock.today() + timedelta(days=1)).isoformat()
    payload = await api.mutate("recordConferenceHeld", {"conferenceId": world.id("conf_a"), "heldOn": future}, CONFERENCE, as_=world.bs_a)
    assert [e["path"] for e in payload["errors"]] == [["input", "heldOn"]]


async def test_statutory_deadline_of_an_icpc_counts_from_the_strategy_discussion(api, world):
    data = await api(f'{{ conference(id: "{world.conf_a}") {{ statutoryDeadline }} }}', as_=world.chair_a)
    expected = statutory_latest(ConferenceKind.ICPC, Anchors(strategy_discussion=clock.today()), EASTERBY, EASTERBY.calendar())
    assert data["conference"]["statutoryDeadline"] == expected.isoformat()


async def test_a_review_follows_its_previous_conference(api, world):
    held = await api.mutate("recordConferenceHeld", {"conferenceId": world.id("conf_a"), "heldOn": clock.today().isoformat()}, CONFERENCE, as_=world.chair_a)
    first = await api.mutate(
        "createConference",
        {"laId": world.id("la_a"), "kind": "RCPC", "childIds": [world.id("child_a1")], "previousConferenceId": world.id("conf_a")},
        CONFERENCE, as_=world.bs_a,
    )
    assert first["conference"]["reviewNumber"] == 1
    # The first RCPC's latest date is the one worked out when the ICPC was held.
    assert first["conference"]["statutoryDeadline"] == held["conference"]["nextReviewDueBy"]
    await api.mutate("scheduleConference", {"conferenceId": first["conference"]["id"], "scheduledAt": soon(20).isoformat()}, "conference { id }", as_=world.bs_a)
    first_held = await api.mutate("recordConferenceHeld", {"conferenceId": first["conference"]["id"], "heldOn": clock.today().isoformat()}, CONFERENCE, as_=world.bs_a)
    second = await api.mutate(
        "createConference",
        {"laId": world.id("la_a"), "kind": "RCPC", "childIds": [world.id("child_a1")], "previousConferenceId": first["conference"]["id"]},
        CONFERENCE, as_=world.bs_a,
    )
    assert second["conference"]["reviewNumber"] == 2
    assert second["conference"]["statutoryDeadline"] == first_held["conference"]["nextReviewDueBy"]
    assert first_held["conference"]["nextReviewDueBy"] == next_review_latest(ConferenceKind.RCPC, clock.today(), EASTERBY, EASTERBY.calendar()).isoformat()


async def test_a_review_cannot_follow_a_conference_of_the_wrong_kind_or_la(api, world):
    wrong_kind = await api.mutate(
        "createConference",
        {"laId": world.id("la_a"), "kind": "LAC_REVIEW", "childIds": [world.id("child_a1")], "becameLookedAfterOn": "2026-09-01",
         "previousConferenceId": world.id("conf_a")},
        CONFERENCE, as_=world.bs_a,
    )
    assert [e["path"] for e in wrong_kind["errors"]] == [["input", "previousConferenceId"]]
    other_la = await api.mutate(
        "createConference",
        {"laId": world.id("la_a"), "kind": "RCPC", "childIds": [world.id("child_a1")], "previousConferenceId": world.id("conf_b")},
        CONFERENCE, as_=world.bs_a,
    )
    assert [e["code"] for e in other_la["errors"]] == ["NOT_FOUND"]


def bad_rules(directory: Path) -> Path:
    (directory / "default.toml").write_text((RULES_DIR / "default.toml").read_text())
    (directory / "easterby.toml").write_text('name = "Easterby"\n[reports.ICPC]\nchair_working_days_before = 0\nadmin_cutoff = 10:00:00\n')
    return directory


def test_the_app_refuses_to_start_with_a_bad_rules_file(tmp_path):
    with pytest.raises(RulesFileError, match="easterby.toml: reports.ICPC.chair_working_days_before: is 0"):
        create_app(Settings(database_url=f"sqlite:///{tmp_path / 'p.db'}", timescales_dir=bad_rules(tmp_path)))


def test_portal_serve_names_the_bad_rules_file_and_stops(tmp_path):
    env = {**os.environ, "PORTAL_TIMESCALES_DIR": str(bad_rules(tmp_path)), "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"}
    done = subprocess.run([str(Path(sys.executable).parent / "portal"), "serve"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Cannot start: timescale rules" in done.stderr
    assert "easterby.toml: reports.ICPC.chair_working_days_before" in done.stderr
