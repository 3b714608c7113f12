"""Tuning layouts: the shapes the matcher and the agency vocabulary were adjusted against."""

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit
from tests.support.ingest_corpus.families import A, B, C, Family, G


def _admin(b: Builder, f: Family, labels: tuple[str, ...] = ("Name", "Date of birth", "NHS number")) -> None:
    values = {"Name": f.child, "Date of birth": f.dob, "NHS number": f.nhs, "Patient": f.child, "DOB": f.dob,
              "Conference": f.conference, "Practice": f.practice}
    for label in labels:
        b.para(OTHER, f"{label}: {values[label]}", gap=0.5)
    b.pdf.ln(2)


def _u(f: Family, *sections: str) -> list[Unit]:
    return [Unit(s, f.one(s)) for s in sections]


def emis_print() -> Layout:
    """A clinical-system print (EMIS-style): capitalised problem-list headings, tables, running header."""
    f = A
    b = Builder("emis print", False, f"{f.practice}  |  Safeguarding summary  |  CONFIDENTIAL", "Printed 01-Oct-2026")
    b.heading("PATIENT DEMOGRAPHICS", 11)
    _admin(b, f)
    b.heading("REPORT PREPARED BY", 11)
    b.para("about_author", f.one("about_author"))
    b.heading("ACTIVE PROBLEMS", 11)
    b.para("medical_conditions", f.one("medical_conditions"))
    b.heading("SIGNIFICANT PAST PROBLEMS", 11)
    b.para("history_of_abuse", f.one("history_of_abuse"))
    b.heading("IMMUNISATIONS", 11)
    b.table("immunisations", [("Vaccine", "Due", "Status"), ("MMR second dose", "14-Feb-2025", "Not given"),
                              ("Pre-school booster", "14-Feb-2025", "Not given")], (60, 45, 45))
    b.para("immunisations", f.one("immunisations"))
    b.heading("ENCOUNTERS", 11)
    b.para("registration_attendance", f.one("registration_attendance"))
    b.heading("DNA / WNB EVENTS", 11)
    b.para("missed_appointments", f.one("missed_appointments"))
    b.heading("FAMILY HISTORY", 11)
    b.para("parental_health", f.one("parental_health"))
    b.heading("SAFEGUARDING CONCERNS", 11)
    b.para("worries", f.one("worries"))
    b.heading("GP COMMENT", 11)
    for s in ("impact_analysis", "danger_statement", "working_well"):
        b.para(s, f.one(s))
    b.heading("PLAN", 11)
    b.para("next_steps", f.one("next_steps"))
    return b.done()


def numbered_chapters() -> Layout:
    """A word-processed report with numbered chapters named in the author's own words."""
    f = B
    b = Builder("numbered chapters", False)
    b.heading("Report to the Review Child Protection Conference", 15)
    _admin(b, f, ("Name", "Date of birth", "Conference"))
    chapters = [
        ("1. Introduction", ("about_author",)),
        ("2. Reason for this report", ("worries",)),
        ("3. Ava's health", ("medical_conditions", "immunisations")),
        ("4. Contact with the surgery", ("registration_attendance", "missed_appointments")),
        ("5. The parents", ("parental_health", "history_of_abuse")),
        ("6. Professional assessment", ("impact_analysis", "danger_statement")),
        ("7. Positives", ("working_well", "existing_safety")),
        ("8. Plan", ("safety_goals", "next_steps")),
        ("9. Ava's day-to-day experience", ("child_voice",)),
    ]
    for title, sections in chapters:
        b.heading(title, 13)
        for s in sections:
            b.para(s, f.one(s), size=11)
    return b.done()


def bordered_form() -> Layout:
    """A council's two-column form with ruled cells: the question on the left is the heading."""
    f = C
    b = Builder("bordered question form", False, "Millford Safeguarding Children Partnership", "Agency report form v5")
    b.heading("Agency report for child protection conference", 14)
    rows = [
        ("Child's name", [Unit(OTHER, f.child)]),
        ("Who is completing this form and what is their role?", _u(f, "about_author")),
        ("Overview of your involvement: how long, how often seen", _u(f, "registration_attendance")),
        ("What are we worried about? Include any harm that has happened", _u(f, "worries")),
        ("Health needs and any treatment", _u(f, "medical_conditions", "immunisations")),
        ("Has the child not been brought to appointments?", _u(f, "missed_appointments")),
        ("Adults in the household: anything affecting their care of the child", _u(f, "parental_health")),
        ("Future danger: what could happen if nothing changes?", _u(f, "danger_statement")),
        ("What is working well? Family strengths and safe behaviours", _u(f, "working_well")),
        ("What needs to happen for the child to be safe?", _u(f, "safety_goals", "next_steps")),
        ("What can you say about the child's views?", _u(f, "child_voice")),
    ]
    b.form(rows, bordered=True)
    return b.done()


def narrative_letter() -> Layout:
    """A letter with no headings at all: every paragraph has to be placed by what it says."""
    f = C
    b = Builder("narrative letter", False)
    b.para(OTHER, f.practice, size=14, style="B")
    b.para(OTHER, "12 Station Parade, Millford MF4 2PD", size=9)
    b.para(OTHER, "6 October 2026")
    b.para(OTHER, "Dear Conference Chair,")
    b.para(OTHER, f"Re: {f.child}, date of birth {f.dob}")
    for s in ("about_author", "worries", "registration_attendance", "medical_conditions", "missed_appointments",
              "parental_health", "impact_analysis", "working_well", "next_steps"):
        b.para(s, f.one(s), gap=4)
    b.para(OTHER, "Yours faithfully,")
    b.para(OTHER, f"{f.author}, GP")
    return b.done()


def author_introduction() -> Layout:
    """Opens with an 'About the author' introduction, then Signs of Safety headings in the writer's words."""
    f = A
    b = Builder("author introduction", False)
    b.heading("GP report: Leo Ashgrove", 15)
    b.heading("About the author", 12)
    b.para("about_author", f.one("about_author"))
    b.heading("Background", 12)
    b.para("registration_attendance", f.one("registration_attendance"))
    b.para("history_of_abuse", f.one("history_of_abuse"))
    b.heading("Harm that has happened", 12)
    b.para("worries", f.one("worries"))
    b.heading("Health", 12)
    b.para("medical_conditions", f.one("medical_conditions"))
    b.para("immunisations", f.one("immunisations"))
    b.para("missed_appointments", f.one("missed_appointments"))
    b.heading("Mum's health", 12)
    b.para("parental_health", f.one("parental_health"))
    b.heading("What could happen", 12)
    b.para("danger_statement", f.one("danger_statement"))
    b.heading("What makes things harder", 12)
    b.para("complicating_factors", f.one("complicating_factors"))
    b.heading("Good things", 12)
    b.para("working_well", f.one("working_well"))
    b.para("existing_safety", f.one("existing_safety"))
    b.heading("Where we want to get to", 12)
    b.para("safety_goals", f.one("safety_goals"))
    b.heading("What Leo says", 12)
    b.para("child_voice", f.one("child_voice"))
    return b.done()


def assessment_framework() -> Layout:
    """The older Assessment Framework report format many safeguarding partnerships still publish."""
    f = C
    b = Builder("assessment framework", False, "Format for professional reports to child protection conference")
    b.heading("Professional report for Initial Child Protection Conference", 14)
    _admin(b, f, ("Name", "Date of birth", "Practice"))
    b.heading("Report prepared by:", 11)
    b.para("about_author", f.one("about_author"))
    b.heading("Chronology of involvement / significant events:", 11)
    b.para("registration_attendance", f.one("registration_attendance"))
    b.para("missed_appointments", f.one("missed_appointments"))
    b.para("history_of_abuse", f.one("history_of_abuse"))
    b.heading("Child development:", 11)
    b.para("medical_conditions", f.one("medical_conditions"))
    b.para("immunisations", f.one("immunisations"))
    b.heading("Child's wishes and feelings:", 11)
    b.para("child_voice", f.one("child_voice"))
    b.heading("Parenting capacity:", 11)
    b.para("parental_health", f.one("parental_health"))
    b.para("working_well", f.one("working_well"))
    b.heading("Family and environmental factors:", 11)
    b.para("complicating_factors", f.one("complicating_factors"))
    b.heading("Analysis of implications for the child's future safety, health and development:", 11)
    b.para("impact_analysis", f.one("impact_analysis"))
    b.para("danger_statement", f.one("danger_statement"))
    b.heading("Future plan of intervention:", 11)
    b.para("next_steps", f.one("next_steps"))
    b.heading("Date report shared with parents/carers:", 11)
    b.para(OTHER, "7 October 2026")
    return b.done()


def systmone_print() -> Layout:
    """A SystmOne-style print: bold run-in labels, a tabular appointment list, a clinician's comment block."""
    f = B
    b = Builder("systmone print", False, f"{f.practice} - Safeguarding children report", f"Printed by {f.author}")
    _admin(b, f, ("Patient", "DOB", "NHS number"))
    b.runin("about_author", "Author:", f.one("about_author"))
    b.runin("medical_conditions", "Current problems:", f.one("medical_conditions"))
    b.runin("immunisations", "Vaccinations given:", f.one("immunisations"))
    b.table("registration_attendance", [("Date", "Seen by", "Reason"), ("21-Sep-2026", "Dr T Ellery", "Cold"),
                                        ("04-Jun-2026", "HV clinic", "Weight check")], (35, 45, 60))
    b.runin("registration_attendance", "Consultation history:", f.one("registration_attendance"))
    b.runin("missed_appointments", "DNA / WNB:", f.one("missed_appointments"))
    b.runin("parental_health", "Household members:", f.one("parental_health"))
    b.heading("Clinician's comments", 11)
    for s in ("worries", "impact_analysis", "complicating_factors", "existing_safety"):
        b.para(s, f.one(s))
    b.runin("next_steps", "Action plan:", f.one("next_steps"))
    return b.done()


def borderless_form() -> Layout:
    """A two-column form with no ruled lines: questions on the left, answers beside them."""
    f = A
    b = Builder("borderless question form", False, "Calderby Children's Services - conference contribution")
    b.heading("Contribution to child protection conference", 14)
    rows = [
        ("Name of child", [Unit(OTHER, f.child)]),
        ("Your name, role and how you know the family", _u(f, "about_author")),
        ("What has happened to the child that worries you?", _u(f, "worries")),
        ("When did you last see the child, and who brought them?", _u(f, "registration_attendance")),
        ("Any illness, disability or development needs?", _u(f, "medical_conditions")),
        ("Are vaccinations up to date?", _u(f, "immunisations")),
        ("Parents' and carers' own health", _u(f, "parental_health")),
        ("How does this affect the child?", _u(f, "impact_analysis")),
        ("What is going well for this family?", _u(f, "working_well")),
        ("What will you do next?", _u(f, "next_steps")),
    ]
    b.form(rows, bordered=False)
    return b.done()


def question_rows_table() -> Layout:
    """A partnership's one-column form: each bold, shaded question in its own row, the answer in the row
    below; long enough to run over a page, some answers holding several paragraphs."""
    f = G
    b = Builder("question rows table", False, "Ashby Safeguarding Children Partnership", "Multi-agency conference report")
    b.heading("Agency report to child protection conference", 14)
    b.para(OTHER, f"Child: {f.child}   Date of birth: {f.dob}   Practice: {f.practice}")
    b.stacked_form([
        ("Name and role of the person writing this report, and how well you know the child",
         _u(f, "about_author")),
        ("Contact your agency has had with the child and family", _u(f, "registration_attendance", "missed_appointments")),
        ("The child's health and development, including immunisations",
         _u(f, "medical_conditions", "immunisations")),
        ("Concerns about the child's safety: incidents, injuries or neglect you know of", _u(f, "worries")),
        ("Earlier involvement of children's services", _u(f, "history_of_abuse")),
        ("Health and circumstances of the parents or carers", _u(f, "parental_health", "complicating_factors")),
        ("Your view of what this means for the child", _u(f, "impact_analysis", "danger_statement")),
        ("Strengths in the family and what has already been done to keep the child safe",
         _u(f, "working_well", "existing_safety")),
        ("What would need to be different, and what your agency will do", _u(f, "safety_goals", "next_steps")),
        ("How the child experiences things at home", _u(f, "child_voice")),
    ])
    b.para(OTHER, f"Signed: {f.author}   Date: 4 November 2026")
    return b.done()


def strengths_and_needs_grid() -> Layout:
    """A header-row grid: one row of column names, then each column's paragraphs in the cell below it;
    a second, plain (unshaded) one-column question table follows."""
    f = C
    b = Builder("strengths and needs grid", False, "", f"{f.practice} - conference report")
    b.heading(f"Report for conference: {f.child}", 13)
    b.stacked_form([
        ("Who is writing this report?", _u(f, "about_author")),
        ("When was the child last seen, and how often do they come?", _u(f, "registration_attendance")),
        ("Any health problems or missed care?", _u(f, "medical_conditions", "immunisations", "missed_appointments")),
    ], shaded=False)
    b.heading("Summary", 11)
    b.grid([
        ("Concerns", _u(f, "worries", "parental_health", "complicating_factors")),
        ("Strengths", _u(f, "working_well", "existing_safety")),
        ("Next steps", _u(f, "next_steps")),
    ])
    b.heading("What the child has told us", 11)
    b.para("child_voice", f.one("child_voice"))
    return b.done()


def triangle_grid() -> Layout:
    """The Assessment Framework triangle as a header-row grid (the child's needs, parenting capacity,
    family and environment), then a Signs of Safety grid of three columns."""
    f = G
    b = Builder("assessment triangle grid", False, "CONFIDENTIAL - child protection", "")
    b.heading(f"GP summary for {f.child} ({f.dob})", 13)
    b.runin("about_author", "Completed by:", f.one("about_author"))
    b.grid([
        ("Child's developmental needs", _u(f, "medical_conditions", "immunisations", "missed_appointments")),
        ("Parenting capacity", _u(f, "parental_health", "working_well")),
        ("Family and environmental factors", _u(f, "complicating_factors", "history_of_abuse")),
    ])
    b.grid([
        ("Worries", _u(f, "worries", "impact_analysis", "danger_statement")),
        ("What's working well", _u(f, "existing_safety")),
        ("What needs to happen", _u(f, "safety_goals", "next_steps")),
    ])
    b.heading("Isla's voice", 11)
    b.para("child_voice", f.one("child_voice"))
    b.para("registration_attendance", f.one("registration_attendance"))
    return b.done()


TUNING = [emis_print, numbered_chapters, bordered_form, narrative_letter, author_introduction,
          assessment_framework, systmone_print, borderless_form, question_rows_table, strengths_and_needs_grid,
          triangle_grid]
