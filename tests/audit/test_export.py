import csv
import io

from openpyxl import load_workbook

from portal.audit.contribution import parse_contribution
from portal.audit.export import CRITERION_COLUMNS, write_csv, write_xlsx
from tests.support.audit_builders import contribution


def results(scorer):
    return [
        scorer.score(parse_contribution(contribution(id="1"))),
        scorer.score(parse_contribution(contribution({"danger_statement": '=HYPERLINK("http://x")'}, id="2"))),
    ]


def test_csv_has_a_row_per_contribution_and_criterion(scorer, rubric):
    out = io.StringIO()
    write_csv(results(scorer), out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CRITERION_COLUMNS
    assert len(rows) == 1 + 2 * len(rubric.criteria)
    immunisations = next(r for r in rows if r[0] == "1" and r[4] == "immunisations")
    assert immunisations[3] == rubric.version and immunisations[5] == "MET" and immunisations[7] == "immunisations"


def test_report_text_cannot_become_a_spreadsheet_formula(scorer):
    out = io.StringIO()
    write_csv(results(scorer), out)
    danger = next(r for r in csv.reader(io.StringIO(out.getvalue())) if r[0] == "2" and r[4] == "danger_statement")
    assert danger[8].startswith("'=")


def test_xlsx_has_scores_and_criteria_sheets(scorer, rubric, tmp_path):
    path = tmp_path / "audit.xlsx"
    write_xlsx(results(scorer), path)
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Scores", "Criteria"]
    scores = list(book["Scores"].values)
    assert scores[1][0] == "1" and scores[1][4] == 100.0
    assert len(list(book["Criteria"].values)) == 1 + 2 * len(rubric.criteria)
