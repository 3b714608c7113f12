from datetime import UTC, datetime

from portal.readiness import Status
from portal.reminders import Invitee, ReminderKind, due_now, plan_chair_alert, plan_invitee_reminders
from portal.timescales import RULES_DIR, load_rules

RULES = load_rules(RULES_DIR)
DEFAULT, BRACKENRIDGE, HOLMCASTLE = RULES["default"], RULES["brackenridge"], RULES["holmcastle"]
DUE = datetime(2026, 10, 5, 16, 0, tzinfo=UTC)  # Mon 5 Oct 2026, 17:00 in London
EARLY = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def _invitee(due: datetime = DUE, submitted: bool = False) -> Invitee:
    return Invitee("55", "Riverside Surgery", "safeguarding@riverside.example", due, submitted)


def test_before_due_and_overdue_times() -> None:
    planned = plan_invitee_reminders(_invitee(), DEFAULT, DEFAULT.calendar(), EARLY)
    assert [(r.kind, r.send_at) for r in planned] == [
        (ReminderKind.BEFORE_DUE, datetime(2026, 9, 30, 8, 0, tzinfo=UTC)),  # 09:00 BST, 3 working days before
        (ReminderKind.BEFORE_DUE, datetime(2026, 10, 2, 8, 0, tzinfo=UTC)),
        (ReminderKind.OVERDUE, DUE),
    ]
    assert {r.to for r in planned} == {"safeguarding@riverside.example"}
    assert {r.link_path for r in planned} == {"/invitations/55"}


def test_keys_are_stable_and_distinct() -> None:
    first = plan_invitee_reminders(_invitee(), DEFAULT, DEFAULT.calendar(), EARLY)
    again = plan_invitee_reminders(_invitee(), DEFAULT, DEFAULT.calendar(), datetime(2026, 10, 1, tzinfo=UTC))
    assert [r.key for r in first] == [r.key for r in again]
    assert len({r.key for r in first}) == 3
    assert first[0].key == "BEFORE_DUE:55:2026-10-05T17:00:00+01:00:3"


def test_a_new_due_time_gives_new_keys() -> None:
    moved = datetime(2026, 10, 6, 16, 0, tzinfo=UTC)
    old = {r.key for r in plan_invitee_reminders(_invitee(), DEFAULT, DEFAULT.calendar(), EARLY)}
    new = {r.key for r in plan_invitee_reminders(_invitee(moved), DEFAULT, DEFAULT.calendar(), EARLY)}
    assert not old & new


def test_nothing_once_submitted() -> None:
    assert plan_invitee_reminders(_invitee(submitted=True), DEFAULT, DEFAULT.calendar(), EARLY) == []


def test_past_the_due_time_only_the_overdue_reminder_remains() -> None:
    planned = plan_invitee_reminders(_invitee(), DEFAULT, DEFAULT.calendar(), datetime(2026, 10, 6, tzinfo=UTC))
    assert [r.kind for r in planned] == [ReminderKind.OVERDUE]


def test_reminders_skip_christmas_and_la_closure_days() -> None:
    due = datetime(2027, 1, 4, 17, 0, tzinfo=UTC)  # Mon 4 Jan 2027, 17:00 GMT
    plain = plan_invitee_reminders(_invitee(due), DEFAULT, DEFAULT.calendar(), EARLY)
    closed = plan_invitee_reminders(_invitee(due), BRACKENRIDGE, BRACKENRIDGE.calendar(), EARLY)
    assert [r.send_at.date().isoformat() for r in plain[:2]] == ["2026-12-29", "2026-12-31"]
    assert [r.send_at.date().isoformat() for r in closed[:2]] == ["2026-12-22", "2026-12-24"]


def test_la_reminder_settings_apply() -> None:
    planned = plan_invitee_reminders(_invitee(), HOLMCASTLE, HOLMCASTLE.calendar(), EARLY)
    assert [r.key.rsplit(":", 1)[-1] for r in planned if r.kind is ReminderKind.BEFORE_DUE] == ["5", "2", "1"]


def test_due_now_filters_and_orders() -> None:
    planned = plan_invitee_reminders(_invitee(), DEFAULT, DEFAULT.calendar(), EARLY)
    now = datetime(2026, 10, 2, 12, 0, tzinfo=UTC)
    assert [r.send_at for r in due_now(list(reversed(planned)), now)] == [planned[0].send_at, planned[1].send_at]


MEETING = datetime(2026, 10, 8, 9, 0, tzinfo=UTC)  # Thu 8 Oct 2026


def _alert(status: Status, now: datetime):
    return plan_chair_alert("31", "chair@brackenridge.example", status, MEETING, DEFAULT, DEFAULT.calendar(), now)


def test_chair_alert_in_the_window_once_a_day() -> None:
    tuesday = _alert(Status.AT_RISK, datetime(2026, 10, 6, 12, 0, tzinfo=UTC))
    later = _alert(Status.NOT_MET, datetime(2026, 10, 6, 15, 0, tzinfo=UTC))
    wednesday = _alert(Status.AT_RISK, datetime(2026, 10, 7, 7, 0, tzinfo=UTC))
    assert tuesday.key == later.key == "AT_RISK:31:2026-10-06"
    assert wednesday.key == "AT_RISK:31:2026-10-07"
    assert tuesday.link_path == "/conferences/31/readiness"


def test_no_chair_alert_when_ready_too_early_or_after_the_meeting() -> None:
    assert _alert(Status.MET, datetime(2026, 10, 6, 12, 0, tzinfo=UTC)) is None
    assert _alert(Status.AT_RISK, datetime(2026, 10, 5, 12, 0, tzinfo=UTC)) is None  # window opens Tue 6 Oct
    assert _alert(Status.AT_RISK, MEETING) is None
