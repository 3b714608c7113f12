"""Writing a layout with fpdf2 while recording the section every paragraph belongs in."""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from fpdf.fonts import FontFace

from tests.support.pdfs import ReportDocument

OTHER = "other_information"


@dataclass(frozen=True)
class Unit:
    """One paragraph (or one table, as its cells joined by " | ") and the section it belongs in."""

    section: str
    text: str


@dataclass(frozen=True)
class Layout:
    name: str
    held_out: bool
    data: bytes
    pages: int
    units: list[Unit]
    headings: list[str] = field(default_factory=list)  # text that must survive somewhere, not scored


class _Doc(ReportDocument):
    header_gap = 3


class Builder:
    def __init__(self, name: str, held_out: bool, header: str = "", footer: str = "", font: str = "Helvetica") -> None:
        self.name, self.held_out, self.font = name, held_out, font
        self.pdf = _Doc(format="A4")
        self.pdf.header_text, self.pdf.footer_text = header, footer
        self.pdf.set_creation_date(datetime(2026, 10, 1, 9, 0, tzinfo=UTC))  # the same bytes on every run
        self.pdf.set_auto_page_break(True, margin=18)
        self.pdf.add_page()
        self.units: list[Unit] = []
        self.headings: list[str] = []

    def heading(self, text: str, size: float = 12, style: str = "B", space: float = 2) -> None:
        self.room(25)
        self.pdf.ln(space)
        self.pdf.set_font(self.font, style, size)
        self.pdf.multi_cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)
        self.headings.append(text)

    def para(self, section: str, text: str, size: float = 10, gap: float = 2.5, style: str = "") -> None:
        self.pdf.set_font(self.font, style, size)
        self.pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)
        self.units.append(Unit(section, text))

    def runin(self, section: str, label: str, text: str, size: float = 10) -> None:
        """A bold label on the same line as the paragraph it introduces ("Attendance: ...")."""
        self.pdf.set_font(self.font, "", size)
        self.pdf.multi_cell(0, size * 0.5, f"**{label}** {text}", markdown=True, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2.5)
        self.units.append(Unit(section, text))
        self.headings.append(label)

    def table(self, section: str, rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> None:
        self.pdf.set_font(self.font, "", 9)
        with self.pdf.table(col_widths=widths, first_row_as_headings=True, headings_style=FontFace(emphasis="BOLD")) as t:
            for row in rows:
                t.row(row)
        self.pdf.ln(3)
        self.units.append(Unit(section, " | ".join(c for row in rows for c in row if c)))

    def form(self, rows: list[tuple[str, list[Unit]]], bordered: bool, widths: tuple[int, int] = (60, 125)) -> None:
        """Question on the left, answer paragraphs on the right."""
        if bordered:
            self.pdf.set_font(self.font, "", 9)
            with self.pdf.table(col_widths=widths, first_row_as_headings=False) as t:
                for question, answers in rows:
                    row = t.row()
                    row.cell(question, style=FontFace(emphasis="BOLD"))
                    row.cell("\n\n".join(a.text for a in answers))
            self.pdf.ln(3)
        else:
            left = self.pdf.l_margin
            for question, answers in rows:
                self.room(30)
                top = self.pdf.get_y()
                self.pdf.set_xy(left, top)
                self.pdf.set_font(self.font, "B", 9.5)
                self.pdf.multi_cell(widths[0] - 6, 4.8, question, new_x="LMARGIN", new_y="NEXT")
                end_left = self.pdf.get_y()
                self.pdf.set_xy(left + widths[0], top)
                self.pdf.set_font(self.font, "", 9.5)
                for n, answer in enumerate(answers):
                    if n:
                        self.pdf.ln(2.5)
                    self.pdf.set_x(left + widths[0])
                    self.pdf.multi_cell(widths[1], 4.8, answer.text, new_x="LEFT", new_y="NEXT")
                self.pdf.set_y(max(end_left, self.pdf.get_y()) + 4)
        self.units.extend(a for _, answers in rows for a in answers)
        self.headings.extend(q for q, _ in rows)

    def stacked_form(self, rows: list[tuple[str, list[Unit]]], shaded: bool = True) -> None:
        """One ruled column: each question in a (shaded, bold) row, its answer in the row beneath."""
        self.pdf.set_font(self.font, "", 9)
        question_style = FontFace(emphasis="BOLD", fill_color=(225, 225, 225)) if shaded else None
        with self.pdf.table(col_widths=(185,), first_row_as_headings=False) as t:
            for question, answers in rows:
                t.row().cell(question, style=question_style)
                t.row().cell("\n\n".join(a.text for a in answers))
        self.pdf.ln(3)
        self.units.extend(a for _, answers in rows for a in answers)
        self.headings.extend(q for q, _ in rows)

    def grid(self, columns: list[tuple[str, list[Unit]]]) -> None:
        """Side-by-side columns under a heading row, each column's paragraphs in one cell."""
        self.pdf.set_font(self.font, "", 8.5)
        with self.pdf.table(first_row_as_headings=True, headings_style=FontFace(emphasis="BOLD")) as t:
            t.row([c for c, _ in columns])
            t.row(["\n\n".join(a.text for a in answers) for _, answers in columns])
        self.pdf.ln(3)
        self.units.extend(a for _, answers in columns for a in answers)
        self.headings.extend(c for c, _ in columns)

    def labelled(self, section: str, label: str, text: str, size: float = 10) -> None:
        """A plain (not bold) label and a colon opening the line: "Vaccinations: ..."."""
        self.pdf.set_font(self.font, "", size)
        self.pdf.multi_cell(0, size * 0.5, f"{label}: {text}", new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2)
        self.units.append(Unit(section, text))
        self.headings.append(label)

    def room(self, millimetres: float) -> None:
        if self.pdf.get_y() + millimetres > self.pdf.h - self.pdf.b_margin:
            self.pdf.add_page()

    def done(self) -> Layout:
        data = bytes(self.pdf.output())
        return Layout(self.name, self.held_out, data, self.pdf.page_no(), self.units, self.headings)
