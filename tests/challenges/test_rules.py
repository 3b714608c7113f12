"""The issues resolution process in the LA rules files: the default stages and limit, an LA file
changing only what it names, and a file that contradicts itself refused with the file and field named."""

from datetime import date

import pytest

from portal.challenges.process import later_stages, over_limit, overall_due
from portal.enums import Role
from portal.timescales import RulesFileError, load_rules
from tests.support.challenges import RULES

STAGES = """
[[challenges.stages]]
id = "{first}"
name = "First"
{role}
response_working_days = {days}
"""


def test_the_default_process_has_five_stages_in_the_la_then_cafcass_and_twenty_working_days():
    process = RULES["default"].challenges
    assert [s.id for s in process.stages] == ["informal", "team_manager", "service_manager", "head_of_service", "director", "cafcass"]
    assert [s.responder_role for s in process.stages] == [Role.TEAM_MANAGER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE,
                                                          Role.DIRECTOR, None]
    assert process.overall_working_days == 20 and process.stages[-1].external
    assert [s.id for s in later_stages(process, "service_manager")] == ["head_of_service", "director", "cafcass"]
    assert later_stages(process, "cafcass") == ()


def test_an_la_file_changes_the_limit_and_keeps_the_default_stages():
    holmcastle = RULES["holmcastle"]
    assert holmcastle.challenges.overall_working_days == 15
    assert holmcastle.challenges.stages == RULES["default"].challenges.stages
    # From Friday 18 December 2026: Christmas Day, Boxing Day (kept on Monday 28th) and New Year's Day are not working days.
    assert overall_due(date(2026, 12, 18), holmcastle.challenges, holmcastle.calendar()) == date(2027, 1, 13)


def test_an_la_file_may_give_its_own_stages(rules_dir):
    (rules_dir / "fenby.toml").write_text('name = "Fenby"\n' + STAGES.format(first="duty", role='responder_role = "SERVICE_MANAGER"', days=3))
    process = load_rules(rules_dir)["fenby"].challenges
    assert [(s.id, s.responder_role, s.response_working_days) for s in process.stages] == [("duty", Role.SERVICE_MANAGER, 3)]
    assert process.overall_working_days == 20


@pytest.mark.parametrize(("text", "message"), [
    (STAGES.format(first="duty", role='responder_role = "GUARDIAN"', days=3), r"challenges\.stages\[0\]\.responder_role: .*GUARDIAN does not answer"),
    (STAGES.format(first="duty", role="", days=3), r"challenges: .*the first stage must be answered within the local authority"),
    (STAGES.format(first="duty", role='responder_role = "DIRECTOR"', days=0), r"challenges\.stages\[0\]\.response_working_days"),
    (STAGES.format(first="Duty Desk", role='responder_role = "DIRECTOR"', days=3), r"challenges\.stages\[0\]\.id: 'Duty Desk' must be lower-case"),
    (STAGES.format(first="duty", role='responder_role = "DIRECTOR"', days=3) * 2, r"challenges: .*duty appear more than once"),
    ("[challenges]\noverall_working_days = 0\n", r"challenges\.overall_working_days"),
])
def test_a_contradictory_process_is_refused_naming_the_file_and_field(rules_dir, text, message):
    (rules_dir / "fenby.toml").write_text('name = "Fenby"\n' + text)
    with pytest.raises(RulesFileError, match=r"fenby\.toml: " + message):
        load_rules(rules_dir)


def test_over_the_limit_while_open_past_its_last_day_or_closed_after_it():
    last = date(2026, 11, 9)
    assert not over_limit(last, None, date(2026, 11, 9))
    assert over_limit(last, None, date(2026, 11, 10))
    assert not over_limit(last, date(2026, 11, 6), date(2026, 12, 1))
    assert over_limit(last, date(2026, 11, 10), date(2026, 11, 10))
