"""The outcome letter's and the minutes' deadlines in the LA rules files ([after_meeting])."""

from pathlib import Path

import pytest

from portal.timescales import LARules, RulesFileError, load_rules


def test_defaults_give_the_outcome_in_1_working_day_and_the_minutes_in_15_and_an_la_may_differ(all_rules: dict[str, LARules]) -> None:
    default = all_rules["default"].after_meeting
    assert (default.outcome_working_days_after_meeting, default.minutes_working_days_after_meeting) == (1, 15)
    assert all_rules["easterby"].after_meeting == default
    assert all_rules["holmcastle"].after_meeting.minutes_working_days_after_meeting == 10
    assert all_rules["holmcastle"].after_meeting.outcome_working_days_after_meeting == 1


@pytest.mark.parametrize(("text", "message"), [
    ("minutes_working_days_after_meeting = 0", r"after_meeting\.minutes_working_days_after_meeting: Input should be greater than or equal to 1"),
    ("outcome_working_days_after_meeting = -1", r"after_meeting\.outcome_working_days_after_meeting: Input should be greater than or equal to 0"),
    ("outcome_working_days_after_meeting = 5\nminutes_working_days_after_meeting = 3",
     r"after_meeting: .*minutes_working_days_after_meeting 3 is before outcome_working_days_after_meeting 5"),
    ("minutes_in = 3", r"after_meeting\.minutes_in: Extra inputs are not permitted"),
])
def test_a_bad_after_meeting_value_is_refused_naming_the_file_and_field(rules_dir: Path, text: str, message: str) -> None:
    (rules_dir / "fenby.toml").write_text(f'name = "Fenby"\n[after_meeting]\n{text}\n', encoding="utf-8")
    with pytest.raises(RulesFileError, match=rf"fenby\.toml: {message}"):
        load_rules(rules_dir)
