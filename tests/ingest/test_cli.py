import json

from typer.testing import CliRunner

from portal.cli import app
from tests.support import pdfs

runner = CliRunner()


def test_ingest_json(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdfs.clinical_print().data)
    result = runner.invoke(app, ["ingest", "--agency", "gp", str(path), "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed["pages"] == 2
    assert set(printed) == {"pages", "sections", "unmapped", "warnings"}
    worries = next(s for s in printed["sections"] if s["id"] == "worries")
    assert set(worries) == {"id", "title", "text", "pages"} and worries["pages"] == [2]
    assert "PATIENT DETAILS" in printed["unmapped"]


def test_a_bad_file_gives_a_plain_error_and_non_zero_exit(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"Just some text, saved with the wrong name.")
    result = runner.invoke(app, ["ingest", "--agency", "gp", str(path), "--json"])
    assert result.exit_code == 1
    assert "This file is not a PDF" in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_an_unknown_agency_is_refused(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdfs.letter().data)
    result = runner.invoke(app, ["ingest", "--agency", "dentist", str(path)])
    assert result.exit_code == 2
    assert "Unknown agency 'dentist'" in result.output
