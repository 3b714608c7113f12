import dataclasses
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from portal.readiness import Status
from portal.reminders import Invitee, Reminder, ReminderKind, compose, plan_chair_alert, plan_invitee_reminders
from portal.timescales import RULES_DIR, load_rules

RULES = load_rules(RULES_DIR)["default"]
LONDON = ZoneInfo("Europe/London")
DUE = datetime(2026, 10, 5, 16, 0, tzinfo=UTC)


def _reminders() -> list[Reminder]:
    invitee = Invitee("55", "Riverside Surgery", "safeguarding@riverside.example", DUE, False)
    planned = plan_invitee_reminders(invitee, RULES, RULES.calendar(), datetime(2026, 9, 1, tzinfo=UTC))
    alert = plan_chair_alert("31", "chair@brackenridge.example", Status.AT_RISK,
                             datetime(2026, 10, 8, 9, 0, tzinfo=UTC), RULES, RULES.calendar(),
                             datetime(2026, 10, 7, 9, 0, tzinfo=UTC))
    return [*planned, alert]


def test_what_reminders_can_carry_is_an_allow_list() -> None:
    # Adding a field here means deciding it cannot identify a child.
    assert [f.name for f in dataclasses.fields(Invitee)] == [
        "invitation_id", "organisation_name", "email", "report_due_at", "submitted"]
    assert [f.name for f in dataclasses.fields(Reminder)] == [
        "key", "kind", "send_at", "to", "organisation_name", "due_at", "link_path"]


def test_before_due_email_holds_only_link_due_time_and_organisation() -> None:
    message = compose(_reminders()[0], "https://portal.brackenridge.example/", "noreply@portal.example", LONDON)
    assert message["Subject"] == "Conference report due Monday 5 October 2026 at 17:00"
    assert message["To"] == "safeguarding@riverside.example"
    assert message.get_content() == (
        "A conference report from Riverside Surgery is due by Monday 5 October 2026 at 17:00.\n\n"
        "Sign in to write or submit it:\nhttps://portal.brackenridge.example/invitations/55\n\n"
        "This message was sent automatically by the conference portal. "
        "It contains no personal details; everything is behind the link.\n"
    )


@pytest.mark.parametrize("index", [0, 1, 2, 3])
def test_no_email_mentions_a_child_or_the_family(index: int) -> None:
    message = compose(_reminders()[index], "https://portal.example", "noreply@portal.example", LONDON)
    text = message.as_string().lower()
    for word in ("child", "children", "family", "mother", "father", "parent", "born", "nhs number", "address"):
        assert word not in text, word
    assert "https://portal.example/" in text


def test_overdue_and_at_risk_wording() -> None:
    reminders = _reminders()
    assert reminders[2].kind is ReminderKind.OVERDUE
    overdue = compose(reminders[2], "https://portal.example", "noreply@portal.example", LONDON)
    assert overdue["Subject"] == "Conference report overdue"
    assert "has not been submitted" in overdue.get_content()
    alert = compose(reminders[3], "https://portal.example", "noreply@portal.example", LONDON)
    assert alert["To"] == "chair@brackenridge.example"
    assert "https://portal.example/conferences/31/readiness" in alert.get_content()
    assert "Thursday 8 October 2026 at 10:00" in alert.get_content()


def test_key_travels_in_a_header_for_tracing() -> None:
    reminder = _reminders()[0]
    assert compose(reminder, "https://portal.example", "noreply@portal.example", LONDON)["X-Reminder-Key"] == reminder.key
