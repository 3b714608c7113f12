"""`portal import ssda903` and `portal import cin-census` from the command line."""

from tests.support.dfe_returns import census, folder, run


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


async def test_report_annual_prints_the_figures_with_their_definitions_as_text_or_json(database_url, la, tmp_path):
    import json

    assert run(["import", "ssda903", "--la", "ashby", str(folder(tmp_path))], PORTAL_DATABASE_URL=database_url).returncode == 0
    printed = run(["report", "annual", "--la", "ashby", "--year", "2018-19", "--json"], PORTAL_DATABASE_URL=database_url)
    assert printed.returncode == 0, printed.stderr
    report = json.loads(printed.stdout)
    assert (report["year"], report["from"], report["to"], report["last_year"]) == ("2018-19", "2018-04-01", "2019-03-31", "2017-18")
    # A1 came in on 10 May 2018 and moved in September; A2 came in on 1 January 2019 and left on 31 March.
    assert {k: report["figures"][k]["value"] for k in ("looked_after.started", "looked_after.ceased", "looked_after.at_year_end",
                                                          "lac_reviews.held", "lac_reviews.in_timescale_pct")} == {
        "looked_after.started": 2, "looked_after.ceased": 1, "looked_after.at_year_end": 1, "lac_reviews.held": 3, "lac_reviews.in_timescale_pct": 100.0}
    text = run(["report", "annual", "--la", "ashby", "--year", "2018-19"], PORTAL_DATABASE_URL=database_url)
    assert "looked_after.started: Children who came into care\n  2\n  definition: Children whose period of care began" in text.stdout
    bad = run(["report", "annual", "--la", "ashby", "--year", "2018-20"], PORTAL_DATABASE_URL=database_url)
    assert (bad.returncode, bad.stderr) == (1, "error: '2018-20' is not a reporting year: write it like 2018-19\n")
