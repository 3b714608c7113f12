"""`portal import ssda903` and `portal import cin-census` from the command line."""

from tests.history.test_imports import census, folder
from tests.test_cli import run


async def test_the_import_commands_report_what_they_wrote_and_what_they_refused(database_url, la, tmp_path):
    directory = folder(tmp_path)
    first = run(["import", "ssda903", "--la", "ashby", str(directory)], PORTAL_DATABASE_URL=database_url)
    assert (first.returncode, first.stdout, first.stderr) == (0, (
        "header.csv: 2 added, 0 changed, 0 unchanged.\nepisodes.csv: 3 added, 0 changed, 0 unchanged.\nreviews.csv: 3 added, 0 changed, 0 unchanged.\n"), "")
    again = run(["import", "ssda903", "--la", "ashby", str(directory)], PORTAL_DATABASE_URL=database_url)
    assert "episodes.csv: 0 added, 0 changed, 3 unchanged." in again.stdout

    (directory / "reviews.csv").write_text("CHILD,DOB,REVIEW,REVIEW_CODE\nA1,14/02/2010,05/06/2018,PN9\n")
    refused = run(["import", "ssda903", "--la", "ashby", str(directory)], PORTAL_DATABASE_URL=database_url)
    assert refused.returncode == 1
    assert refused.stderr == "reviews.csv:2: REVIEW_CODE: 'PN9' is not a DfE code for REVIEW_CODE\nreviews.csv: nothing imported (1 refused).\n"

    xml = run(["import", "cin-census", "--la", "ashby", str(census(tmp_path))], PORTAL_DATABASE_URL=database_url)
    assert (xml.returncode, xml.stdout) == (0, "cin.xml: 4 added, 0 changed, 1 unchanged.\n")

    nowhere = run(["import", "cin-census", "--la", "nowhere", str(census(tmp_path))], PORTAL_DATABASE_URL=database_url)
    assert (nowhere.returncode, nowhere.stderr) == (1, "error: there is no local authority 'nowhere'\n")
