"""The monitoring data files: the defaults, an LA's own file merged over them, and refusals naming the file and field."""

import shutil

import pytest

from portal.monitoring.config import DATA_DIR, MonitoringFileError, load_monitoring


def test_the_default_checklist_holds_the_nine_items_and_an_la_file_changes_only_what_it_gives():
    found = load_monitoring(DATA_DIR)
    default = found["default"]
    assert [i.id for i in default.checklist] == [
        "paperwork_before_review", "decisions_actioned", "assessment_informs_plan", "views_inform_planning", "child_consulted",
        "demographics_up_to_date", "report_quality", "plan_reviewed_at_core_groups", "life_through_childs_eyes"]
    assert found["brackenridge"].watchlist.placement_order_months == 4
    assert found["brackenridge"].watchlist.long_plan_months == default.watchlist.long_plan_months == 15
    assert found["brackenridge"].checklist == default.checklist


@pytest.mark.parametrize(("text", "message"), [
    ('[watchlist]\nplacement_order_legal_statuses = ["E9"]\n', "ashby.toml: watchlist.placement_order_legal_statuses: 'E9' is not an SSDA903 legal status (LS) code"),
    ('[watchlist]\nconnected_carer_placements = []\n', "ashby.toml: watchlist.connected_carer_placements: give at least one code"),
    ('[watchlist]\nvery_long_plan_months = 12\n', "ashby.toml: watchlist: very_long_plan_months (12) is less than long_plan_months (15)"),
    ('[watchlist]\nplacements = "three"\n', "ashby.toml: watchlist.placements: Input should be a valid integer"),
    ('[watchlist]\nplacement_months = 3\n', "ashby.toml: watchlist.placement_months: Extra inputs are not permitted"),
    ('[[checklist]]\nid = "a"\ntheme = "A"\nquestion = "A?"\nchallenge_reason = "other"\n'
     '[[checklist]]\nid = "a"\ntheme = "B"\nquestion = "B?"\nchallenge_reason = "other"\n', "ashby.toml: checklist: the item id 'a' is used twice"),
    ('[[checklist]]\nid = "Not An Id"\ntheme = "A"\nquestion = "A?"\nchallenge_reason = "other"\n', "ashby.toml: checklist[0].id: must be lower-case"),
    ('slug = "other"\n', "ashby.toml: slug: comes from the file name"),
    ("[watchlist\n", "ashby.toml: is not valid TOML"),
])
def test_an_la_file_that_is_wrong_is_refused_naming_the_file_and_field(tmp_path, text, message):
    shutil.copy(DATA_DIR / "default.toml", tmp_path / "default.toml")
    (tmp_path / "ashby.toml").write_text(text, encoding="utf-8")
    with pytest.raises(MonitoringFileError) as refused:
        load_monitoring(tmp_path)
    assert str(refused.value).startswith(message)


def test_without_the_defaults_nothing_loads(tmp_path):
    with pytest.raises(MonitoringFileError, match="default.toml not found"):
        load_monitoring(tmp_path)
