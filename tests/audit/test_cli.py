import json

from typer.testing import CliRunner

from portal.cli import app
from tests.support.audit_builders import contribution

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["audit", "score", *args])


def test_scores_one_contribution_as_json(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(contribution({"danger_statement": "Neglect"})))
    result = run("--rubric", "gp", str(path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    danger = next(c for c in data["criteria"] if c["id"] == "danger_statement")
    assert danger["level"] == "NOT_MET" and data["rubricVersion"]


def test_scores_a_list_and_writes_exports(tmp_path):
    path = tmp_path / "many.json"
    path.write_text(json.dumps([contribution(id="1"), contribution(id="2")]))
    csv_path, xlsx_path = tmp_path / "out.csv", tmp_path / "out.xlsx"
    result = run(str(path), "--json", "--csv", str(csv_path), "--xlsx", str(xlsx_path))
    assert result.exit_code == 0, result.output
    assert [r["contributionId"] for r in json.loads(result.stdout)] == ["1", "2"]
    assert csv_path.read_text().count("\n") == 1 + 2 * 19 and xlsx_path.stat().st_size > 0


def test_plain_output_lists_levels(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(contribution({"immunisations": "N/A"})))
    result = run(str(path))
    assert result.exit_code == 0
    assert "NOT_MET" in result.stdout and "'immunisations' says only 'N/A'" in result.stdout


def test_missing_file(tmp_path):
    result = run(str(tmp_path / "nope.json"))
    assert result.exit_code == 1 and "nope.json: cannot be read" in result.stderr


def test_invalid_json(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    result = run(str(path))
    assert result.exit_code == 1 and "is not valid JSON" in result.stderr


def test_bad_contribution_names_the_item_and_field(tmp_path):
    broken = contribution()
    del broken["conference"]["scheduledAt"]
    path = tmp_path / "list.json"
    path.write_text(json.dumps([contribution(), broken]))
    result = run(str(path))
    assert result.exit_code == 1 and "[1] conference.scheduledAt: missing" in result.stderr


def test_unknown_rubric(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(contribution()))
    result = run("--rubric", "school", str(path))
    assert result.exit_code == 1 and "no rubric 'school'" in result.stderr


def test_contribution_from_another_agency(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(contribution(agencyId="school")))
    result = run(str(path))
    assert result.exit_code == 1 and "agencyId 'school' is not scored by rubric 'gp'" in result.stderr
