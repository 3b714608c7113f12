"""Tuning layouts of the shapes the held-out batches showed failing, written with family J, whose paragraphs
are not among the agency file's examples: the words in them are as new to the learnt model as a real report's.
Headings that name no section (SBAR's in italic at body size, a report's own "The child" and "Conclusion"), and
boxes or columns each holding several sections."""

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit
from tests.support.ingest_corpus.families import J


def _u(*sections: str) -> list[Unit]:
    return [Unit(s, J.one(s)) for s in sections]


def _paras(b: Builder, *sections: str) -> None:
    for s in sections:
        b.para(s, J.one(s))


def sbar_italic() -> Layout:
    """An SBAR note: Situation, Background, Assessment, Recommendation, each heading in italic at body size."""
    b = Builder("SBAR italic headings", False, f"{J.practice} - safeguarding note", "")
    b.heading("Safeguarding summary for conference (SBAR)", 13)
    b.para(OTHER, f"Patient: {J.child}   DOB: {J.dob}   NHS no: {J.nhs}")
    b.heading("Situation", 10, "I")
    _paras(b, "about_author", "worries")
    b.heading("Background", 10, "I")
    _paras(b, "registration_attendance", "medical_conditions", "immunisations", "missed_appointments",
           "parental_health", "history_of_abuse")
    b.heading("Assessment", 10, "I")
    _paras(b, "impact_analysis", "danger_statement", "complicating_factors", "working_well", "existing_safety")
    b.heading("Recommendation", 10, "I")
    _paras(b, "next_steps", "safety_goals")
    b.heading("Mason's own words", 10, "I")
    _paras(b, "child_voice")
    return b.done()


def own_headings() -> Layout:
    """A report under the author's own headings, few of which name a section."""
    b = Builder("own headings report", False, "", "Brindle Moor Surgery")
    b.heading(f"Report on {J.child} for the initial conference", 14)
    b.heading("Where this comes from", 11)
    _paras(b, "about_author")
    b.heading("The child", 11)
    _paras(b, "registration_attendance", "medical_conditions", "immunisations", "child_voice")
    b.heading("The adults around him", 11)
    _paras(b, "parental_health", "complicating_factors", "working_well")
    b.heading("What has happened", 11)
    _paras(b, "worries", "history_of_abuse", "missed_appointments")
    b.heading("Conclusion", 11)
    _paras(b, "impact_analysis", "danger_statement", "existing_safety", "safety_goals", "next_steps")
    return b.done()


def mapping_columns() -> Layout:
    """A short ruled details form, then a four-column mapping grid whose columns each hold several sections."""
    b = Builder("mapping columns", False, "Harrowgate Children's Partnership", "")
    b.heading("Signs of Safety mapping: health contribution", 13)
    b.form([
        ("Child", [Unit(OTHER, J.child)]),
        ("Completed by", _u("about_author")),
        ("Contact with the practice", _u("registration_attendance")),
    ], bordered=True)
    b.grid([
        ("What are we worried about?", _u("worries", "impact_analysis", "danger_statement")),
        ("What makes it harder?", _u("complicating_factors", "parental_health")),
        ("What's working well?", _u("working_well", "existing_safety")),
        ("What needs to happen?", _u("safety_goals", "next_steps")),
    ])
    b.heading("Health", 11)
    _paras(b, "medical_conditions", "immunisations", "missed_appointments", "history_of_abuse", "child_voice")
    return b.done()


TUNING_UNLEARNT = [sbar_italic, own_headings, mapping_columns]
