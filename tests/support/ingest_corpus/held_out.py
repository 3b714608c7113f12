"""Held-out layouts. They are scored and reported separately and were never used for tuning:
nothing in portal/ingest or agencies/*.toml was changed because of how these came out.
Their content comes only from families D and E, which no tuning layout uses.
"""

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit
from tests.support.ingest_corpus.families import D, E, Family


def _u(f: Family, *sections: str) -> list[Unit]:
    return [Unit(s, f.one(s)) for s in sections]


def four_question_template() -> Layout:
    """A health board's GP template: four long numbered prompts, several paragraphs under each."""
    f = D
    b = Builder("four-question template", True, "GP report for child protection case conference")
    b.para(OTHER, f"Child: {f.child}   Date of birth: {f.dob}", gap=0.5)
    b.para(OTHER, f"Practice: {f.practice}   Completed by: {f.author}")
    b.heading("1. Please provide a short summary of the child's present health and indicate any current "
              "significant health issues, including those not yet addressed.", 10.5)
    for s in ("registration_attendance", "medical_conditions", "immunisations", "missed_appointments"):
        b.para(s, f.one(s))
    b.heading("2. Are there any parental or carer factors that may affect their ability to care for the child?", 10.5)
    b.para("parental_health", f.one("parental_health"))
    b.para("complicating_factors", f.one("complicating_factors"))
    b.heading("3. Please describe any concerns you have about the child's safety or welfare.", 10.5)
    for s in ("worries", "history_of_abuse", "impact_analysis", "danger_statement"):
        b.para(s, f.one(s))
    b.heading("4. Any other relevant information", 10.5)
    for s in ("working_well", "child_voice", "next_steps"):
        b.para(s, f.one(s))
    return b.done()


def vision_print() -> Layout:
    """Another clinical system's print, with its own capitalised headings."""
    f = E
    b = Builder("vision-style print", True, f"{f.practice} :: Patient record extract :: RESTRICTED", "Vision extract")
    b.heading("PATIENT", 10)
    b.para(OTHER, f"{f.child}  DOB {f.dob}  NHS {f.nhs}")
    b.heading("CLINICAL SUMMARY", 10)
    b.para("medical_conditions", f.one("medical_conditions"))
    b.heading("VACCINATION HISTORY", 10)
    b.para("immunisations", f.one("immunisations"))
    b.heading("APPOINTMENT HISTORY", 10)
    b.para("registration_attendance", f.one("registration_attendance"))
    b.heading("FAILED ENCOUNTERS", 10)
    b.para("missed_appointments", f.one("missed_appointments"))
    b.heading("RELATED PERSONS", 10)
    b.para("parental_health", f.one("parental_health"))
    b.heading("SAFEGUARDING NOTES", 10)
    for s in ("worries", "history_of_abuse", "danger_statement", "working_well", "next_steps"):
        b.para(s, f.one(s))
    b.heading("ENTERED BY", 10)
    b.para("about_author", f.one("about_author"))
    return b.done()


def runin_report() -> Layout:
    """A short report where each paragraph opens with a bold label on the same line."""
    f = E
    b = Builder("run-in labels", True)
    b.heading(f"Safeguarding report for {f.child}", 14)
    b.runin("about_author", "Who I am.", f.one("about_author"))
    b.runin("registration_attendance", "Contact with the practice.", f.one("registration_attendance"))
    b.runin("medical_conditions", "Kacper's health.", f.one("medical_conditions"))
    b.runin("missed_appointments", "Appointments missed.", f.one("missed_appointments"))
    b.runin("parental_health", "His parents.", f.one("parental_health"))
    b.runin("worries", "What has happened.", f.one("worries"))
    b.runin("impact_analysis", "What it means for Kacper.", f.one("impact_analysis"))
    b.runin("complicating_factors", "Difficulties.", f.one("complicating_factors"))
    b.runin("existing_safety", "Safety so far.", f.one("existing_safety"))
    b.runin("safety_goals", "Goal.", f.one("safety_goals"))
    b.runin("child_voice", "In Kacper's words.", f.one("child_voice"))
    return b.done()


def numbered_question_form() -> Layout:
    """A ruled two-column form whose numbered questions ask for a summary in each area."""
    f = E
    b = Builder("numbered question form", True, "Brookhaven Council - Conference report", "Form CP3")
    b.heading("Report to child protection conference", 13)
    rows = [
        ("Date of meeting", [Unit(OTHER, "27 October 2026")]),
        ("1. Please provide a summary of your involvement with the child", _u(f, "about_author",
                                                                              "registration_attendance")),
        ("2. Please detail any incidents or injuries", _u(f, "worries")),
        ("3. Please outline the child's health", _u(f, "medical_conditions", "immunisations")),
        ("4. Has the child missed any appointments?", _u(f, "missed_appointments")),
        ("5. Are there any concerns about the adults caring for the child?", _u(f, "parental_health")),
        ("6. What are the strengths within the family?", _u(f, "working_well", "existing_safety")),
        ("7. What is your opinion of the risks to the child?", _u(f, "impact_analysis", "danger_statement")),
        ("8. Recommendations", _u(f, "next_steps")),
    ]
    b.form(rows, bordered=True, widths=(70, 115))
    return b.done()


def plain_letter() -> Layout:
    """A GP letter without headings."""
    f = D
    b = Builder("plain letter", True)
    b.para(OTHER, f"{f.practice}, 40 Fenby Road, Fenby FN3 8RT", size=9)
    b.para(OTHER, "28 October 2026")
    b.para(OTHER, "To the Chair of the Review Child Protection Conference")
    b.para(OTHER, f"Dear Colleague, re {f.child} ({f.dob})")
    for s in ("about_author", "history_of_abuse", "worries", "medical_conditions", "immunisations",
              "missed_appointments", "parental_health", "danger_statement", "existing_safety", "next_steps"):
        b.para(s, f.one(s), gap=4)
    b.para(OTHER, "With best wishes,")
    b.para(OTHER, f.author)
    return b.done()


HELD_OUT = [four_question_template, vision_print, runin_report, numbered_question_form, plain_letter]
