import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from portal.cli import app

runner = CliRunner()


def test_json_lists_every_deadline() -> None:
    result = runner.invoke(
        app, ["timescales", "--la", "brackenridge", "--kind", "ICPC", "--strategy-discussion", "2026-12-18", "--json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["la"] == "brackenridge" and payload["kind"] == "ICPC"
    assert payload["anchors"] == {"strategy_discussion": "2026-12-18"}
    due = {d["id"]: d["due"] for d in payload["deadlines"]}
    assert due["conference_latest"] == "2027-01-18"
    assert due["report_to_chair"] == "2027-01-13T17:00:00+00:00"
    assert due["next_review_latest"] == "2027-04-16"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "RCPC", "--icpc-date", "2026-11-30"], "2027-02-26"),
        (["--kind", "LAC_REVIEW", "--looked-after-date", "2026-08-03"], "2026-09-01"),
        (["--kind", "lac_review", "--previous-review-date", "2027-02-26", "--review-number", "2",
          "--meeting-date", "2027-05-20"], "2027-05-26"),
    ],
)
def test_other_anchors(args: list[str], expected: str) -> None:
    result = runner.invoke(app, ["timescales", "--la", "holmcastle", *args, "--json"])
    assert result.exit_code == 0, result.output
    due = {d["id"]: d["due"] for d in json.loads(result.stdout)["deadlines"]}
    assert due["conference_latest"] == expected


def test_meeting_date_alone_gives_report_deadlines_and_next_review() -> None:
    result = runner.invoke(app, ["timescales", "--la", "easterby", "--kind", "RCPC", "--meeting-date", "2027-05-04", "--json"])
    due = {d["id"]: d["due"] for d in json.loads(result.stdout)["deadlines"]}
    assert "conference_latest" not in due
    assert due["report_to_chair"] == "2027-04-28T10:00:00+01:00"
    assert due["report_to_family"] == "2027-04-26T10:00:00+01:00"  # skips the May Day holiday, 3 May 2027
    assert due["next_review_latest"] == "2027-11-04"


def test_plain_output_is_readable() -> None:
    result = runner.invoke(app, ["timescales", "--la", "westmarsh", "--kind", "ICPC", "--strategy-discussion", "2026-12-18"])
    assert result.exit_code == 0
    assert "Westmarsh District Council: ICPC" in result.stdout
    assert "Mon 11 Jan 2027" in result.stdout and "Latest date for this ICPC" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--la", "nowhere", "--kind", "ICPC", "--strategy-discussion", "2026-12-18"],
         "Error: unknown local authority 'nowhere' (known: brackenridge, easterby, holmcastle, westmarsh)"),
        (["--la", "easterby", "--kind", "CIN", "--strategy-discussion", "2026-12-18"],
         "Error: unknown conference kind 'CIN' (known: ICPC, RCPC, LAC_REVIEW, TRANSFER_IN_ICPC)"),
        (["--la", "easterby", "--kind", "ICPC", "--strategy-discussion", "18/12/2026"],
         "Error: --strategy-discussion '18/12/2026' is not a date; use YYYY-MM-DD"),
        (["--la", "easterby", "--kind", "ICPC", "--meeting-date", "2026-02-30"],
         "Error: --meeting-date '2026-02-30' is not a date"),
        (["--la", "easterby", "--kind", "ICPC", "--looked-after-date", "2026-12-18"],
         "Error: ICPC needs a strategy discussion date, an ICPC date or a meeting date"),
    ],
)
def test_bad_input_gives_a_plain_message_and_non_zero_exit(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["timescales", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_broken_rules_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "default.toml").write_text('name = "x"\n', encoding="utf-8")
    result = runner.invoke(app, ["timescales", "--la", "easterby", "--kind", "ICPC", "--strategy-discussion",
                                 "2026-12-18", "--rules-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "Error: default.toml: timezone: Field required" in result.stderr
