"""The annual report as an HTML document and an XLSX workbook: the seed report's tables (looked-after
figures over three years, child protection) and charts (participation, challenges, timeliness through
the year) as SVG with their data in tables beside them."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from portal.charts import Point, bar_chart
from portal.history.annual import AnnualReport, Records, ReportingYear, annual_report, monthly_timeliness
from portal.history.codes import ABUSE_CATEGORY
from portal.settings import ROOT
from portal.timescales.rules import LARules

LOOKED_AFTER_ROWS = ("looked_after.started", "looked_after.ceased", "looked_after.at_year_end", "looked_after.placed_outside_la_pct",
                     "lac_reviews.held", "lac_reviews.in_timescale_pct", "placements.three_or_more_in_12_months_pct")
PROTECTION_ROWS = ("icpc.held", "icpc.in_timescale_pct", "cp_plans.over_2_years_during_year", "cp_plans.over_2_years_at_year_end",
                   "cp_plans.second_or_subsequent")
TIMELINESS_ROWS = ("lac_reviews.in_timescale_pct", "icpc.in_timescale_pct")
MONTHS_NOTE = "Month by month, each review or conference counts in the month it was held."
PERCENT = "_pct"


def shown(figure_id: str, figure: dict[str, Any] | None) -> str:
    """A figure's value as the report prints it."""
    if figure is None or figure["value"] is None:
        return "not available"
    return f"{figure['value']}%" if figure_id.endswith(PERCENT) else str(figure["value"])


@dataclass
class ReportFiles:
    """What both files show: this year's report, the year before's (for the third column), and the months."""

    report: AnnualReport
    before: AnnualReport
    months: list[dict[str, Any]]

    @classmethod
    def build(cls, la: str, records: Records, year: ReportingYear, rules: LARules) -> "ReportFiles":
        return cls(annual_report(la, records, year, rules), annual_report(la, records, year.previous(), rules), monthly_timeliness(records, year, rules))

    @property
    def years(self) -> list[str]:
        year = self.report.year
        return [year.previous().previous().label, year.previous().label, year.label]

    def three_years(self, figure_id: str) -> list[dict[str, Any] | None]:
        figure = self.report.figures[figure_id]
        return [self.before.figures[figure_id]["last_year"], figure["last_year"], figure]

    def parts(self, figure_id: str) -> list[tuple[str, str, int, float | None]]:
        """A breakdown's parts: code, meaning, count, percentage."""
        value = self.report.figures[figure_id]["value"]
        of = self.report.figures[figure_id].get("of") or 0
        return [(code, part.get("meaning", code) if isinstance(part, dict) else code,
                 part["count"] if isinstance(part, dict) else part,
                 part["value"] if isinstance(part, dict) else (round(100 * part / of, 1) if of else None))
                for code, part in (value or {}).items()]

    def categories(self) -> list[tuple[str, str, int, int | None]]:
        """Plans open at 31 March by category: code, name, this year's count, last year's (None without records)."""
        figure = self.report.figures["cp_plans.by_category"]
        last = figure["last_year"]["value"] if figure["last_year"] else None
        return [(code, ABUSE_CATEGORY[code], count, last[code] if last else None) for code, count in figure["value"].items()]

    def chart(self, figure_id: str) -> list[tuple[str, float | None]]:
        return [(code, pct) for code, _, _, pct in self.parts(figure_id)]

    def by_month(self, kind: str) -> list[tuple[str, float | None]]:
        return [(month["month"], month[kind]["value"]) for month in self.months]


def bars(chart_id: str, title: str, rows: list[tuple[str, float | None]], unit: str = "") -> Markup:
    """A figure holding a horizontal bar chart of (label, value) rows, its description giving every value
    ("no data" where there is none); the report puts the same figures in a table after it."""
    description = "; ".join(f"{label}: {'no data' if value is None else f'{value}{unit}'}" for label, value in rows)
    svg = bar_chart(chart_id, title, description, [Point(label, value) for label, value in rows], unit=unit, empty="No data for the year")
    return Markup(f"<figure>{svg}<figcaption>{escape(title)}</figcaption></figure>")


def write_html(files: ReportFiles, path: Path) -> None:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    environment = Environment(loader=FileSystemLoader(ROOT / "templates"), autoescape=select_autoescape(default=True))
    environment.filters["challenge_bar"] = lambda part: (part[1] if len(part[1]) <= 32 else part[1][:31] + "…", part[3])  # (meaning, %)
    environment.globals["bars"] = bars
    template = environment.get_template("history/annual_report.html")
    path.write_text(template.render(files=files, looked_after_rows=LOOKED_AFTER_ROWS, protection_rows=PROTECTION_ROWS, shown=shown,
                                    timeliness_rows=TIMELINESS_ROWS, months_note=MONTHS_NOTE),
                    encoding="utf-8")


def write_xlsx(files: ReportFiles, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Figures"
    report = files.report
    sheet.append([f"IRO annual report {report.year.label}: {report.la}"])
    sheet.append(["id", "figure", report.year.label, report.year.previous().label, "note", "definition"])
    for figure_id, figure in report.figures.items():
        sheet.append([figure_id, figure["label"], shown(figure_id, figure), shown(figure_id, figure["last_year"]) if figure["last_year"] else "",
                      figure.get("note", ""), figure["definition"]])
    for cell in sheet["F"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width, sheet.column_dimensions["F"].width = 42, 44, 100
    for row in (1, 2):
        for cell in sheet[row]:
            cell.font = Font(bold=True)

    def table(title: str, header: list[str], rows: list[list[Any]]) -> Any:
        found = book.create_sheet(title)
        found.append(header)
        for cell in found[1]:
            cell.font = Font(bold=True)
        for row in rows:
            found.append(row)
        found.column_dimensions["A"].width = 50
        return found

    table("Looked after", ["figure", *files.years], [
        [report.figures[f]["label"], *(shown(f, v) if v else "" for v in files.three_years(f))] for f in LOOKED_AFTER_ROWS])
    protection = [[report.figures[f]["label"], shown(f, report.figures[f]["last_year"]) if report.figures[f]["last_year"] else "",
                   shown(f, report.figures[f])] for f in PROTECTION_ROWS]
    protection += [[f"Plans at 31 March: {name} ({code})", "" if last is None else last, count] for code, name, count, last in files.categories()]
    table("Child protection", ["figure", report.year.previous().label, report.year.label], protection)
    participation = table("Participation", ["code", "meaning", "reviews", "%"], [list(p) for p in files.parts("participation.by_code")])
    chart = BarChart()
    chart.type, chart.title, chart.y_axis.title = "bar", "How children took part in their LAC reviews", "reviews"
    chart.add_data(Reference(participation, min_col=3, min_row=1, max_row=participation.max_row), titles_from_data=True)
    chart.set_categories(Reference(participation, min_col=1, min_row=2, max_row=participation.max_row))
    participation.add_chart(chart, "F2")
    challenges = table("Challenges", ["reason", "challenges", "%"], [[meaning, count, pct] for _, meaning, count, pct in files.parts("challenges.by_reason")])
    reasons_end = challenges.max_row
    challenges.append([])
    challenges.append(["highest stage reached", "challenges", "%"])
    stages_start = challenges.max_row
    for _, name, count, pct in files.parts("challenges.by_highest_stage"):
        challenges.append([name, count, pct])
    for title, first, last, anchor in (("Challenges by reason", 1, reasons_end, "E2"), ("Challenges by highest stage reached", stages_start, challenges.max_row, "E20")):
        bars = BarChart()
        bars.type, bars.title, bars.y_axis.title = "bar", title, "challenges"
        bars.add_data(Reference(challenges, min_col=2, min_row=first, max_row=last), titles_from_data=True)
        bars.set_categories(Reference(challenges, min_col=1, min_row=first + 1, max_row=last))
        challenges.add_chart(bars, anchor)
    timeliness = table("Timeliness", ["month", "LAC reviews in timescale %", "LAC reviews", "ICPC in timescale %", "ICPCs"], [
        [m["month"], m["lac_reviews"]["value"], m["lac_reviews"]["of"], m["icpc"]["value"], m["icpc"]["of"]] for m in files.months])
    last_month = timeliness.max_row
    timeliness.append([])
    for figure_id in TIMELINESS_ROWS:
        timeliness.append([f"{report.figures[figure_id]['label']}: {report.figures[figure_id]['definition']} {MONTHS_NOTE}"])
    lines = LineChart()
    lines.title, lines.y_axis.title, lines.x_axis.title = "Held in timescale, month by month", "% in timescale", "month held"
    lines.y_axis.scaling.min, lines.y_axis.scaling.max = 0, 100
    for column in (2, 4):
        lines.add_data(Reference(timeliness, min_col=column, min_row=1, max_row=last_month), titles_from_data=True)
    lines.set_categories(Reference(timeliness, min_col=1, min_row=2, max_row=last_month))
    timeliness.add_chart(lines, "G2")
    book.save(path)

