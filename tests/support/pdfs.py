"""Invented PDFs in the layouts agencies send, each with the section every piece of text belongs in.

Used by the tests and by bench/ingest_score.py. All people and places are invented.
"""

import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.fonts import FontFace

CHILD = "Mia Thornbury"
OTHER = "other_information"


@dataclass(frozen=True)
class Fixture:
    name: str
    data: bytes
    expected: list[tuple[str, str]]  # (section id, text that must land there)
    pages: int


class ReportDocument(FPDF):
    """A4 with an optional running header and a "Page n of N" footer, as clinical systems print."""

    header_text = ""
    footer_text = ""
    header_gap = 4

    def header(self) -> None:
        if self.header_text:
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, self.header_text, new_x="LMARGIN", new_y="NEXT")
            self.ln(self.header_gap)

    def footer(self) -> None:
        if self.footer_text:
            self.set_y(-12)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, f"{self.footer_text}   Page {self.page_no()} of {{nb}}")


def _new(header: str = "", footer: str = "") -> ReportDocument:
    pdf = ReportDocument(format="A4")
    pdf.header_text, pdf.footer_text = header, footer
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    return pdf


def _para(pdf: FPDF, text: str, size: float = 10, style: str = "", gap: float = 2) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def _table(pdf: FPDF, rows: list[tuple[str, ...]], widths: tuple[int, ...], header: bool = True) -> None:
    pdf.set_font("Helvetica", "", 9)
    with pdf.table(col_widths=widths, first_row_as_headings=header, headings_style=FontFace(emphasis="BOLD")) as t:
        for row in rows:
            t.row(row)
    pdf.ln(3)


def _cells(rows: list[tuple[str, ...]]) -> list[str]:
    return [cell for row in rows for cell in row if cell]


APPOINTMENTS = [
    ("Date", "Clinician", "Reason", "Brought by"),
    ("14-Aug-2026", "Dr A Penrose", "Cough and fever", "Grandmother"),
    ("02-Jun-2026", "Nurse K Abara", "Eczema review", "Mother"),
    ("19-Mar-2026", "Dr L Fenwick", "Ear pain", "Mother"),
]
IMMUNISATIONS = [
    ("Vaccine", "Due", "Given"),
    ("6-in-1 (third dose)", "02-Jul-2019", "30-Sep-2019"),
    ("MMR first dose", "02-Mar-2020", "11-Nov-2020"),
    ("Pre-school booster", "02-Mar-2022", "Not given"),
]
MISSED = [
    ("Date", "Appointment", "Outcome"),
    ("05-Sep-2026", "Eczema review", "Was not brought"),
    ("21-Jul-2026", "Hearing test (audiology)", "Was not brought"),
]


def clinical_print() -> Fixture:
    """A GP clinical system print: capital headings, tables, a repeated header and footer."""
    pdf = _new("Riverside Surgery  |  Safeguarding report  |  CONFIDENTIAL", "Printed 01-Oct-2026 by Dr A Penrose")
    expected: list[tuple[str, str]] = []

    def heading(text: str) -> None:
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")

    def body(section: str, text: str) -> None:
        _para(pdf, text)
        expected.append((section, text))

    heading("PATIENT DETAILS")
    expected.append((OTHER, "PATIENT DETAILS"))
    for line in (f"Name: {CHILD}", "Date of birth: 02-Mar-2019", "NHS number: 999 000 4321", "Usual GP: Dr A Penrose"):
        body(OTHER, line)
    heading("REPORT AUTHOR")
    body("about_author", "Dr Asha Penrose, GP partner at Riverside Surgery. I have known Mia since she registered "
         "and have seen her six times. Information comes from the practice record and my own consultations.")
    heading("REGISTRATION AND ATTENDANCE")
    body("registration_attendance", "Mia has been registered at the practice since April 2019. She was last seen "
         "on 14 August 2026. Attendance is irregular and is usually for acute illness.")
    _table(pdf, APPOINTMENTS, (30, 35, 60, 40))
    expected += [("registration_attendance", c) for c in _cells(APPOINTMENTS)]
    heading("IMMUNISATIONS")
    body("immunisations", "Immunisations are delayed. The pre-school booster has not been given despite three invitations.")
    _table(pdf, IMMUNISATIONS, (60, 45, 45))
    expected += [("immunisations", c) for c in _cells(IMMUNISATIONS)]
    heading("WAS NOT BROUGHT")
    body("missed_appointments", "Mia was not brought to two appointments this year. No contact was made to rearrange either.")
    _table(pdf, MISSED, (35, 70, 50))
    expected += [("missed_appointments", c) for c in _cells(MISSED)]
    pdf.add_page()
    heading("PROBLEMS")
    body("medical_conditions", "Atopic eczema, moderate, since infancy. Emollients prescribed; repeat requests are "
         "infrequent, which suggests the treatment is not being used as advised.")
    heading("FAMILY HEALTH")
    body("parental_health", "Mother has a history of depression, currently treated with sertraline. Mother's partner "
         "is not registered at this practice.")
    heading("WORRIES")
    body("worries", "Untreated eczema has left Mia with broken skin on both arms. She has missed hearing follow-up, "
         "and her speech may be affected.")
    heading("WHAT IS WORKING WELL?")
    body("working_well", "Mia's grandmother brings her when she is unwell and follows advice carefully.")
    heading("NEXT STEPS")
    body("next_steps", "The practice will offer a double appointment for the booster and an eczema review within four weeks.")
    return Fixture("clinical print", bytes(pdf.output()), expected, 2)


def numbered_report() -> Fixture:
    """A word-processor report: numbered headings in a larger bold font, long paragraphs, sub-headings."""
    pdf = _new()
    expected: list[tuple[str, str]] = []

    def heading(text: str, size: float = 13) -> None:
        pdf.set_font("Helvetica", "B", size)
        pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")

    def body(section: str, text: str) -> None:
        _para(pdf, text, size=11, gap=3)
        expected.append((section, text))

    heading("Report to Initial Child Protection Conference", 16)
    expected.append((OTHER, "Report to Initial Child Protection Conference"))
    body(OTHER, f"Child: {CHILD}, date of birth 2 March 2019. Conference on 5 October 2026 at Easterby Civic Centre.")
    heading("1. About this report")
    body("about_author", "This report was written by Dr Asha Penrose, GP partner, from the practice record and from "
         "consultations with Mia and her mother over the last three years.")
    heading("2. What are we worried about?")
    body("worries", "Mia's eczema has been poorly controlled for over a year. On 14 August 2026 I saw broken, "
         "weeping skin on both forearms and behind the knees. Mia told me it hurts at night. " * 2)
    heading("3. Registration and attendance")
    body("registration_attendance", "Mia registered in April 2019. She has been seen six times in the last year, "
         "always for acute problems, never for a planned review.")
    heading("3.1 Recent consultations", 11.5)
    body("registration_attendance", "In August she was seen with a cough and fever and was brought by her grandmother, "
         "who said she had not seen Mia for three weeks.")
    heading("3.2 Who brings Mia to appointments", 11.5)
    body("registration_attendance", "Her mother brings her to most appointments; her grandmother has brought her twice.")
    heading("4. Vaccinations")
    body("immunisations", "Immunisations are delayed: the MMR first dose was eight months late and the pre-school "
         "booster is outstanding.")
    heading("5. Was not brought")
    body("missed_appointments", "Mia was not brought to her eczema review in September or to audiology in July.")
    heading("6. Parental health")
    body("parental_health", "Her mother has depression and is under the care of the community mental health team. "
         "She has told me that on bad days she cannot get out of bed before midday. " * 2)
    heading("7. Analysis")
    body("impact_analysis", "When her mother is unwell, Mia's care becomes inconsistent: treatment is not applied and "
         "appointments are missed. The impact on Mia is pain, poor sleep and a risk to her hearing and speech. " * 3)
    heading("8. Danger statement")
    body("danger_statement", "The practice is worried that if Mia's mother cannot keep up her treatment, Mia's skin will "
         "become infected and her hearing problem will go unnoticed, affecting how she learns to speak.")
    heading("9. What is working well?")
    body("working_well", "Mia's mother asks for help when she is worried and her grandmother is a steady presence.")
    heading("10. What needs to happen?")
    body("next_steps", "A planned eczema review within four weeks; audiology rebooked with a reminder call; the health "
         "visitor to check the booster is given by the end of November.")
    heading("11. The child's voice")
    body("child_voice", "Mia said: \"My arms itch and I can't sleep. Nana puts the cream on.\"")
    return Fixture("numbered report", bytes(pdf.output()), expected, pdf.page_no())


QUESTIONS = [
    ("Name of child", CHILD, OTHER),
    ("Agency and author", "Riverside Surgery, Dr Asha Penrose (GP partner)", "about_author"),
    ("What are we worried about? Describe any harm that has happened.",
     "Mia has had painful, broken skin from untreated eczema for several months and has missed hearing tests.", "worries"),
    ("What is working well?", "Mia's grandmother brings her to appointments when asked and keeps her cream at her house.",
     "working_well"),
    ("Danger statement", "If treatment is not kept up, Mia's skin may become infected and her hearing problem may "
     "go unnoticed while she is learning to speak.", "danger_statement"),
    ("Complicating factors", "Mother's depression; the family moved twice this year; letters from the hospital went to "
     "an old address.", "complicating_factors"),
    ("Immunisations", "Delayed; the pre-school booster is outstanding.", "immunisations"),
    ("Was not brought / did not attend", "Eczema review 5 September 2026; audiology 21 July 2026.",
     "missed_appointments"),
    ("What needs to happen?", "Eczema review within four weeks; audiology rebooked; booster given by the end of "
     "November.", "next_steps"),
    ("The child's voice: what has the child said?", "\"My arms itch and I can't sleep.\"", "child_voice"),
]


def council_template() -> Fixture:
    """The council's two-column template: question on the left, answer on the right."""
    pdf = _new("Easterby Council - Children's Services", "Agency report template v3")
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, "Agency report to child protection conference", new_x="LMARGIN", new_y="NEXT")
    expected: list[tuple[str, str]] = [(OTHER, "Agency report to child protection conference")]
    rows = [(q, a) for q, a, _ in QUESTIONS]
    _table(pdf, rows, (60, 120), header=False)
    expected += [(section, answer) for _, answer, section in QUESTIONS]
    expected += [(OTHER, q) for q, _, section in QUESTIONS if section == OTHER]
    expected.append(("about_author", "Agency and author"))  # a question the portal cannot name exactly stays visible
    return Fixture("council template", bytes(pdf.output()), expected, pdf.page_no())


def letter() -> Fixture:
    """A letter on a service's letterhead, with no headings at all."""
    pdf = _new()
    lines = [
        ("Westmarsh Community Recovery Service", 14, "B"),
        ("Unit 4, Canal Wharf, Westmarsh WM2 7QT", 9, ""),
        ("1 October 2026", 10, ""),
        ("Dear Ms Okafor,", 10, ""),
    ]
    expected: list[tuple[str, str]] = []
    for text, size, style in lines:
        _para(pdf, text, size, style)
        expected.append((OTHER, text))
    paragraphs = [  # no headings: each paragraph is placed by what it says
        ("about_author", f"Thank you for inviting us to the conference for {CHILD}. I have been Ms Thornbury's recovery "
         "worker since February and see her every fortnight at the service."),
        ("parental_health", "Ms Thornbury has attended eleven of her fourteen appointments. Her last two drug screens "
         "were clear. She has told me that she finds evenings hardest and that her mother helps with Mia at weekends."),
        (OTHER, "I am not able to attend on 5 October because of a clinic commitment, but I am happy to be contacted "
         "before then on 01632 960 214."),
        (OTHER, "Yours sincerely,"),
        (OTHER, "Jon Pellow, Recovery worker"),
    ]
    for section, text in paragraphs:
        _para(pdf, text, gap=4)
        expected.append((section, text))
    return Fixture("letter", bytes(pdf.output()), expected, 1)


LAYOUTS: list[Callable[[], Fixture]] = [clinical_print, numbered_report, council_template, letter]


def long_report(pages: int) -> bytes:
    """A plain report of `pages` pages, for page limits and throughput."""
    pdf = FPDF(format="A4")
    for n in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 8, f"{n + 1}. Worries", new_x="LMARGIN", new_y="NEXT")
        _para(pdf, "The practice is worried about missed appointments and untreated eczema. " * 12)
    return bytes(pdf.output())


def scanned() -> bytes:
    """A page that is only a picture, as a scanner produces."""
    from PIL import Image

    image = Image.new("L", (400, 560), color=230)
    pdf = FPDF(format="A4")
    pdf.add_page()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf.image(buffer, x=10, y=10, w=190)
    return bytes(pdf.output())


def encrypted() -> bytes:
    pdf = _new()
    _para(pdf, "Confidential report.")
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    return bytes(pdf.output())


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (object 1 must be the catalogue), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def bomb(inflated_bytes: int) -> bytes:
    """One page whose content stream inflates to `inflated_bytes`."""
    packed = zlib.compress(b" " * inflated_bytes, 9)
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ])
