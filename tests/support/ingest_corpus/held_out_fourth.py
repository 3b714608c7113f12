"""Held-out layouts, fourth batch (family M only), in shapes the earlier batches do not use: a ruled form whose
left cells are Assessment Framework dimensions, a report of numbered questions in bold at body size with the answers
as running text beneath, and clinical notes of bulleted points under capitalised headings. Written after the learnt
model and the `holds` rule were in place and first measured once; held out like the others."""

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit
from tests.support.ingest_corpus.families import M


def _u(*sections: str) -> list[Unit]:
    return [Unit(s, M.one(s)) for s in sections]


def dimensions_form() -> Layout:
    """A ruled two-column form, each left cell an Assessment Framework dimension or a plan heading."""
    b = Builder("dimensions form", True, "Saltley Safeguarding Partnership - agency report", "")
    b.heading("Health agency report to child protection conference", 13)
    b.form([
        ("Name of child", [Unit(OTHER, M.child)]),
        ("Professional completing this", _u("about_author")),
        ("Health (including attendance and immunisations)",
         _u("registration_attendance", "medical_conditions", "immunisations", "missed_appointments")),
        ("Basic care and ensuring safety", _u("worries", "existing_safety")),
        ("Parents' or carers' own needs", _u("parental_health", "complicating_factors")),
        ("Family history and functioning", _u("history_of_abuse")),
        ("Strengths", _u("working_well")),
        ("Analysis and risk", _u("impact_analysis", "danger_statement")),
        ("Recommendations and plan", _u("safety_goals", "next_steps")),
        ("The child's wishes and feelings", _u("child_voice")),
    ], bordered=True)
    return b.done()


def numbered_questions() -> Layout:
    """Numbered questions in bold at body size, each answered by running paragraphs beneath it."""
    b = Builder("numbered questions", True, "", "Saltley Fold Practice - confidential")
    b.heading(f"Conference report: {M.child}, born {M.dob}", 13)
    questions = [
        ("Q1. How do you know the child and family?", ("about_author", "registration_attendance")),
        ("Q2. What health needs does the child have, and are they being met?",
         ("medical_conditions", "immunisations", "missed_appointments")),
        ("Q3. What has happened that concerns you?", ("worries", "history_of_abuse")),
        ("Q4. Are there any issues for the adults in the household?", ("parental_health", "complicating_factors")),
        ("Q5. What are the family's strengths?", ("working_well", "existing_safety")),
        ("Q6. What are you worried will happen if nothing changes?", ("danger_statement", "impact_analysis")),
        ("Q7. What would you want to see, and what will you do?", ("safety_goals", "next_steps")),
        ("Q8. What has the child said?", ("child_voice",)),
    ]
    for question, sections in questions:
        b.heading(question, 10, "B")
        for s in sections:
            b.para(s, M.one(s))
    return b.done()


def bulleted_notes() -> Layout:
    """Clinical notes: capitalised headings, each point a bulleted paragraph."""
    b = Builder("bulleted notes", True, f"{M.practice} | Safeguarding notes | {M.child}", "")
    b.para(OTHER, f"NHS number {M.nhs}. Prepared for: {M.conference}.")
    groups = [
        ("BACKGROUND", ("about_author", "registration_attendance", "history_of_abuse")),
        ("HEALTH", ("medical_conditions", "immunisations", "missed_appointments")),
        ("HOME", ("parental_health", "complicating_factors", "working_well")),
        ("SAFEGUARDING", ("worries", "existing_safety")),
        ("OPINION", ("impact_analysis", "danger_statement")),
        ("PLAN", ("safety_goals", "next_steps")),
        ("KAYDEN'S VIEWS", ("child_voice",)),
    ]
    for heading, sections in groups:
        b.heading(heading, 10.5)
        for s in sections:
            b.pdf.set_font(b.font, "", 10)
            b.pdf.multi_cell(0, 5, f"- {M.one(s)}", new_x="LMARGIN", new_y="NEXT")
            b.pdf.ln(1.5)
            b.units.append(Unit(s, M.one(s)))
    return b.done()


HELD_OUT_FOURTH = [dimensions_form, numbered_questions, bulleted_notes]
