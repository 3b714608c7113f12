from datetime import date, time
from pathlib import Path

import pytest

from portal.enums import ConferenceKind
from portal.timescales import LARules, RulesFileError, UnknownLocalAuthority, load_rules, rules_for


def test_shipped_files_load_the_four_demo_las_with_statutory_defaults(all_rules: dict[str, LARules]) -> None:
    assert set(all_rules) == {"default", "brackenridge", "easterby", "holmcastle", "westmarsh"}
    s = all_rules["default"].statutory
    assert (s.icpc_working_days_after_strategy_discussion, s.core_group_working_days_after_icpc) == (15, 10)
    assert (s.first_rcpc_months_after_icpc, s.rcpc_interval_months) == (3, 6)
    assert (s.first_lac_review_working_days_after_looked_after, s.second_lac_review_months_after_first) == (20, 3)
    assert s.lac_review_interval_months == 6


def test_demo_las_differ_from_each_other(all_rules: dict[str, LARules]) -> None:
    demo = [all_rules[slug] for slug in ("brackenridge", "easterby", "holmcastle", "westmarsh")]
    fingerprints = {r.model_dump_json(exclude={"slug", "name"}) for r in demo}
    assert len(fingerprints) == 4


def test_la_file_overrides_only_what_it_names(all_rules: dict[str, LARules]) -> None:
    easterby = all_rules["easterby"]
    assert easterby.reports[ConferenceKind.ICPC].admin_cutoff == time(10, 0)
    assert easterby.reports[ConferenceKind.LAC_REVIEW] == all_rules["default"].reports[ConferenceKind.LAC_REVIEW]
    assert easterby.quorum.min_other_agencies == 2
    assert all_rules["holmcastle"].quorum.min_other_agencies == 3
    assert all_rules["westmarsh"].statutory.icpc_working_days_after_strategy_discussion == 10
    assert all_rules["westmarsh"].statutory.core_group_working_days_after_icpc == 10


def test_a_kind_table_replaces_the_default_whole(all_rules: dict[str, LARules]) -> None:
    assert all_rules["westmarsh"].reports[ConferenceKind.LAC_REVIEW].family_working_days_before is None


def test_closures_expand_to_days(all_rules: dict[str, LARules]) -> None:
    days = all_rules["brackenridge"].closure_days()
    assert date(2026, 12, 30) in days and date(2027, 12, 29) in days
    assert not all_rules["brackenridge"].calendar().is_working_day(date(2026, 12, 30))


def test_unknown_la_names_the_known_ones(all_rules: dict[str, LARules]) -> None:
    with pytest.raises(UnknownLocalAuthority, match="unknown local authority 'nowhere'.*easterby"):
        rules_for(all_rules, "nowhere")


def _write(directory: Path, name: str, text: str) -> None:
    (directory / name).write_text(text, encoding="utf-8")


def test_family_deadline_after_the_meeting_is_refused(rules_dir: Path) -> None:
    _write(rules_dir, "fenby.toml", 'name = "Fenby"\n[reports.ICPC]\nchair_working_days_before = 2\n'
           "family_working_days_before = -1\nadmin_cutoff = 17:00:00\n")
    with pytest.raises(RulesFileError, match=r"fenby\.toml: reports\.ICPC\.family_working_days_before: is -1: .*after the meeting"):
        load_rules(rules_dir)


def test_missing_value_in_a_kind_table_is_named(rules_dir: Path) -> None:
    _write(rules_dir, "fenby.toml", 'name = "Fenby"\n[reports.RCPC]\nchair_working_days_before = 2\n')
    with pytest.raises(RulesFileError, match=r"fenby\.toml: reports\.RCPC\.admin_cutoff: Field required"):
        load_rules(rules_dir)


def test_missing_name_is_named(rules_dir: Path) -> None:
    _write(rules_dir, "fenby.toml", "[quorum]\nmin_other_agencies = 1\n")
    with pytest.raises(RulesFileError, match=r"fenby\.toml: name: Field required"):
        load_rules(rules_dir)


def test_closure_ending_before_it_starts_is_refused(rules_dir: Path) -> None:
    _write(rules_dir, "fenby.toml", 'name = "Fenby"\n[[closures]]\nstart = 2026-12-31\nend = 2026-12-29\n')
    with pytest.raises(RulesFileError, match=r"fenby\.toml: closures\[0\]: end 2026-12-29 is before start 2026-12-31"):
        load_rules(rules_dir)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('name = "Fenby"\n[statutory]\nicpc_working_days_after_strategy_discussion = 0\n',
         "statutory.icpc_working_days_after_strategy_discussion"),
        ('name = "Fenby"\ntimezone = "Europe/Atlantis"\n', "timezone"),
        ('name = "Fenby"\n[reminders]\nworking_days_before_due = [0]\n', "reminders.working_days_before_due"),
        ('name = "Fenby"\n[quorum]\nmin_other_agencies = -1\n', "quorum.min_other_agencies"),
        ('name = "Fenby"\n[quorum]\nminimum = 2\n', "quorum.minimum"),
        ('name = "Fenby"\n[reports.ICPC]\nchair_working_days_before = 0\nadmin_cutoff = 09:00:00\n',
         "reports.ICPC.chair_working_days_before"),
    ],
)
def test_invalid_values_name_file_and_field(rules_dir: Path, text: str, field: str) -> None:
    _write(rules_dir, "fenby.toml", text)
    with pytest.raises(RulesFileError, match=rf"^fenby\.toml: {field.replace('.', '[.]')}: "):
        load_rules(rules_dir)


def test_defaults_missing_a_kind_are_refused(rules_dir: Path) -> None:
    text = (rules_dir / "default.toml").read_text().replace("[reports.LAC_REVIEW]", "[unused]")
    _write(rules_dir, "default.toml", text.replace("[unused]", "[reports.ICPC_COPY]"))
    with pytest.raises(RulesFileError, match=r"default\.toml: reports\.ICPC_COPY"):
        load_rules(rules_dir)


def test_missing_default_file(tmp_path: Path) -> None:
    with pytest.raises(RulesFileError, match="default.toml not found"):
        load_rules(tmp_path)


def test_invalid_toml_is_reported(rules_dir: Path) -> None:
    _write(rules_dir, "fenby.toml", "name = \n")
    with pytest.raises(RulesFileError, match=r"fenby\.toml: is not valid TOML"):
        load_rules(rules_dir)


def test_slug_comes_from_the_file_name(rules_dir: Path) -> None:
    _write(rules_dir, "fenby.toml", 'name = "Fenby"\nslug = "other"\n')
    with pytest.raises(RulesFileError, match="slug: comes from the file name"):
        load_rules(rules_dir)
