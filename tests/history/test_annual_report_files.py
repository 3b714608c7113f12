"""The annual report as HTML (tables, accessible SVG charts) and XLSX."""

import re
from html import unescape
from pathlib import Path

from openpyxl import load_workbook

from portal.history.annual import ReportingYear
from portal.history.annual_files import ReportFiles, write_html, write_xlsx
from portal.timescales import RULES_DIR, load_rules
from tests.support.annual_expected import expected, expected_months
from tests.support.browser import check_page, chromium, tab
from tests.support.dfe_returns import folder, run
from tests.support.la_history import as_records, generate

RULES = load_rules(RULES_DIR)["default"].model_copy(update={"postcode_districts": tuple(f"TS{n}" for n in range(1, 9))})


def files() -> tuple[ReportFiles, dict, dict, dict]:
    history = generate()
    built = ReportFiles.build("ashby", as_records(history), ReportingYear.parse("2018-19"), RULES)
    return built, expected(history, 2016), expected(history, 2017), expected(history, 2018)


def cells(html: str, heading: str) -> list[str]:
    row = re.search(r"<tr><th scope=\"row\">" + re.escape(heading) + r"(<div|</th>).*?</tr>", html, re.S)
    assert row, heading
    return [unescape(c) for c in re.findall(r'<td class="number">(.*?)</td>', row.group(0))]


def test_the_html_has_the_three_year_looked_after_table_the_protection_table_and_charts_with_their_data(tmp_path: Path):
    built, two_years_ago, last_year, this_year = files()
    write_html(built, tmp_path / "report.html")
    html = (tmp_path / "report.html").read_text()
    assert cells(html, "Children who came into care") == [str(y["looked_after.started"]) for y in (two_years_ago, last_year, this_year)]
    assert cells(html, "LAC reviews held in timescale (%)") == [f"{y['lac_reviews.in_timescale_pct']}%" for y in (two_years_ago, last_year, this_year)]
    assert cells(html, "Initial conferences in timescale (%)") == [f"{y['icpc.in_timescale_pct']}%" for y in (last_year, this_year)]
    assert cells(html, "Plans at 31 March: Multiple (MUL)") == [str(y["cp_plans.by_category"]["MUL"]) for y in (last_year, this_year)]
    pn7 = this_year["participation.by_code"]["PN7"]["pct"]
    assert f"PN7: {pn7}%" in html and 'role="img" aria-labelledby="participation-title participation-desc"' in html
    assert "LAC reviews held in timescale, by month (%)" in html and "April 2018:" in html
    assert "Challenges by reason, 2018-19 (% of 0 challenges)" in html and 'aria-labelledby="challenge-stages-title challenge-stages-desc"' in html


def test_the_xlsx_has_every_figure_with_its_definition_and_the_tables(tmp_path: Path):
    built, _, last_year, this_year = files()
    write_xlsx(built, tmp_path / "report.xlsx")
    book = load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == ["Figures", "Looked after", "Child protection", "Participation", "Challenges", "Timeliness"]
    figures = {row[0]: row for row in book["Figures"].iter_rows(min_row=3, values_only=True)}
    assert figures["looked_after.at_year_end"][2:4] == (str(this_year["looked_after.at_year_end"]), str(last_year["looked_after.at_year_end"]))
    assert figures["looked_after.at_year_end"][5].startswith("Children looked after at the end of 31 March")
    participation = {row[0]: row for row in book["Participation"].iter_rows(min_row=2, values_only=True)}
    assert participation["PN0"][2:] == (this_year["participation.by_code"]["PN0"]["count"], this_year["participation.by_code"]["PN0"]["pct"])
    assert len(book["Participation"]._charts) == 1
    assert [row[0] for row in book["Timeliness"].iter_rows(min_row=2, values_only=True)][::11] == ["April 2018", "March 2019"]


async def test_the_html_passes_axe_and_does_not_scroll_sideways(tmp_path: Path):
    built, *_ = files()
    write_html(built, tmp_path / "report.html")
    async with chromium() as browser, tab(browser, tmp_path.as_uri() + "/", javascript=False) as found:
        await found.page.goto((tmp_path / "report.html").as_uri())
        await check_page(found)


async def test_report_annual_writes_both_files(database_url, la, tmp_path: Path):
    assert run(["import", "ssda903", "--la", "ashby", str(folder(tmp_path))], PORTAL_DATABASE_URL=database_url).returncode == 0
    html, xlsx = tmp_path / "r.html", tmp_path / "r.xlsx"
    result = run(["report", "annual", "--la", "ashby", "--year", "2018-19", "--html", str(html), "--xlsx", str(xlsx)], PORTAL_DATABASE_URL=database_url)
    assert result.returncode == 0, result.stderr
    assert "<h1>Independent Reviewing Officers annual report, 2018-19</h1>" in html.read_text()
    assert load_workbook(xlsx)["Figures"]["A1"].value == "IRO annual report 2018-19: ashby"


def test_the_html_gives_timeliness_month_by_month_with_its_definitions(tmp_path: Path):
    history = generate()
    built = ReportFiles.build("ashby", as_records(history), ReportingYear.parse("2018-19"), RULES)
    write_html(built, tmp_path / "report.html")
    html = (tmp_path / "report.html").read_text()
    section = html[html.index('<h2 id="timeliness">'):html.index('<h2 id="figures">')]
    for figure_id in ("lac_reviews.in_timescale_pct", "icpc.in_timescale_pct"):
        assert built.report.figures[figure_id]["definition"] in unescape(section)
    assert "each review or conference counts in the month it was held" in section
    rows = re.findall(r"<tr><td>(.*?)</td>\s*<td class=\"number\">.*?\((\d+) of (\d+)\)</td>\s*<td class=\"number\">.*?\((\d+) of (\d+)\)</td></tr>", section)
    assert [(month, (int(a), int(b)), (int(c), int(d))) for month, a, b, c, d in rows] == [
        (m["month"], m["lac_reviews"], m["icpc"]) for m in expected_months(history, 2018)]
    assert 'aria-labelledby="reviews-months-title reviews-months-desc"' in section and '<table>' in section


def test_the_xlsx_charts_timeliness_month_by_month_from_its_table(tmp_path: Path):
    history = generate()
    built = ReportFiles.build("ashby", as_records(history), ReportingYear.parse("2018-19"), RULES)
    write_xlsx(built, tmp_path / "report.xlsx")
    sheet = load_workbook(tmp_path / "report.xlsx")["Timeliness"]
    rows = list(sheet.iter_rows(min_row=2, max_row=13, values_only=True))
    months = expected_months(history, 2018)
    assert [(r[0], r[2], r[4]) for r in rows] == [(m["month"], m["lac_reviews"][1], m["icpc"][1]) for m in months]
    assert [r[1] for r in rows] == [round(100 * m["lac_reviews"][0] / m["lac_reviews"][1], 1) if m["lac_reviews"][1] else None for m in months]
    assert [r[3] for r in rows] == [round(100 * m["icpc"][0] / m["icpc"][1], 1) if m["icpc"][1] else None for m in months]
    notes = [row[0] for row in sheet.iter_rows(min_row=15, values_only=True)]
    assert notes[0].startswith("LAC reviews held in timescale (%): ") and built.report.figures["icpc.in_timescale_pct"]["definition"] in notes[1]

    [chart] = sheet._charts
    assert type(chart).__name__ == "LineChart"
    assert [s.val.numRef.f for s in chart.series] == ["'Timeliness'!$B$2:$B$13", "'Timeliness'!$D$2:$D$13"]
    assert [s.tx.strRef.f for s in chart.series] == ["'Timeliness'!B1", "'Timeliness'!D1"]
    assert chart.series[0].cat.numRef.f == "'Timeliness'!$A$2:$A$13"
