from pathlib import Path

import pytest

from portal.agencies import AgencyRegistry
from portal.audit.rubric import RubricFileError, load_rubric
from tests.support.audit_builders import ROOT, RUBRIC_FILE

ISSUE_CRITERIA = [
    "author_and_role",
    "registration_and_attendance",
    "last_seen",
    "medical_conditions",
    "immunisations",
    "missed_appointments",
    "parental_health",
    "household_members",
    "history_of_abuse",
    "child_voice",
    "impact_analysis",
    "fact_vs_opinion",
    "worries",
    "working_well",
    "danger_statement",
    "safety_goal",
    "safety_scale",
    "submitted_on_time",
    "shared_with_family",
]

GOOD = """
id = "gp"
agency = "gp"
version = "test.1"
title = "Test rubric"

[[criteria]]
id = "immunisations"
title = "Immunisations"
description = "Immunisation status."
how_judged = "Looks for a status."
sections = ["immunisations"]
weight = 1.0
[criteria.levels]
met = "m"
partly_met = "p"
not_met = "n"
[[criteria.look_for]]
name = "status"
patterns = ['up to date']
advice = "Say whether immunisations are up to date."
"""


def write(tmp_path: Path, text: str, name: str = "gp.toml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def gp_agency():
    return AgencyRegistry.load(ROOT / "agencies")["gp"]


def test_gp_rubric_has_exactly_the_issue_criteria(rubric):
    assert [c.id for c in rubric.criteria] == ISSUE_CRITERIA
    assert rubric.version and rubric.agency == "gp"


def test_every_criterion_is_described_weighted_and_levelled(rubric):
    for criterion in rubric.criteria:
        assert criterion.description and criterion.how_judged and criterion.weight > 0
        assert criterion.levels.met and criterion.levels.partly_met and criterion.levels.not_met
        if criterion.judge == "content":
            assert criterion.sections and all(lf.advice for lf in criterion.look_for)


def test_agency_loader_does_not_pick_up_the_rubric():
    assert "rubrics" not in {a.id for a in AgencyRegistry.load(ROOT / "agencies").all()}
    assert RUBRIC_FILE.parent.name == "rubrics"


def test_minimal_rubric_loads(tmp_path):
    assert load_rubric(write(tmp_path, GOOD), gp_agency()).label == "gp@test.1"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("patterns = ['up to date']", "patterns = ['up to (date']"),
            "criteria[0].look_for[0].patterns: invalid regular expression",
        ),
        (("weight = 1.0", "weight = 0"), "criteria[0].weight: Input should be greater than 0"),
        (('partly_met = "p"\n', ""), "criteria[0].levels.partly_met: Field required"),
        (('id = "immunisations"', 'id = "Immunisations!"'), "criteria[0].id: must be lower-case"),
        (('version = "test.1"\n', ""), "version: Field required"),
        (
            ('how_judged = "Looks for a status."\n', 'how_judged = "x"\nsurprise = 1\n'),
            "criteria[0].surprise: Extra inputs are not permitted",
        ),
        (('sections = ["immunisations"]', "sections = []"), "sections: a content criterion needs at least one section"),
    ],
)
def test_invalid_rubric_names_file_and_field(tmp_path, change, message):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RubricFileError) as error:
        load_rubric(path)
    assert str(error.value).startswith("gp.toml: ") and message in str(error.value)


def test_timestamp_criterion_needs_advice(tmp_path):
    criterion = GOOD.split("[[criteria.look_for]]")[0].split("[[criteria]]")[1]
    criterion = criterion.replace('id = "immunisations"', 'id = "on_time"').replace(
        'sections = ["immunisations"]', 'judge = "submitted_on_time"'
    )
    path = write(tmp_path, GOOD + "[[criteria]]" + criterion)
    with pytest.raises(RubricFileError, match=r"criteria\[1\]: missing_advice: a submitted_on_time"):
        load_rubric(path)


def test_unknown_section_is_named(tmp_path):
    path = write(tmp_path, GOOD.replace('sections = ["immunisations"]', 'sections = ["jabs"]'))
    with pytest.raises(RubricFileError, match=r"gp.toml: criteria\[0\].sections: jabs not a section of agency 'gp'"):
        load_rubric(path, gp_agency())


def test_duplicate_criterion_ids(tmp_path):
    body = GOOD.split("[[criteria]]")[1]
    path = write(tmp_path, GOOD + "[[criteria]]" + body)
    with pytest.raises(RubricFileError, match="duplicate criterion ids immunisations"):
        load_rubric(path)


def test_id_must_match_file_name(tmp_path):
    with pytest.raises(RubricFileError, match="must match the file name 'other'"):
        load_rubric(write(tmp_path, GOOD, "other.toml"))


def test_not_toml(tmp_path):
    with pytest.raises(RubricFileError, match="gp.toml: is not valid TOML"):
        load_rubric(write(tmp_path, "id = "))
