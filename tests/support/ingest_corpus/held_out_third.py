"""A third batch of held-out layouts, written in shapes that partnerships and clinical systems publish
and measured once with the matcher as it stood after the one-column question tables and header-row
grids were added. Never tuned against, their failures not looked at. Content from family H only.
"""

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit
from tests.support.ingest_corpus.families import H


def _u(*sections: str) -> list[Unit]:
    return [Unit(s, H.one(s)) for s in sections]


def multi_agency_question_table() -> Layout:
    """A multi-agency template as one ruled column: each prompt in a shaded row with its answer below,
    then a scaling question."""
    b = Builder("multi-agency question table", True, "Fenwick Safeguarding Partnership", "Multi-agency professionals report")
    b.heading("Multi-agency professionals report to Child Protection Conference", 13)
    b.para(OTHER, f"Agency name: {H.practice}   Child: {H.child}   DOB: {H.dob}")
    b.stacked_form([
        ("Summary of your agency's involvement with this child and family", _u("about_author", "registration_attendance")),
        ("What help has your agency offered, and what difference has it made?",
         _u("medical_conditions", "immunisations", "missed_appointments")),
        ("What is going well? What strengths and protective factors are there?", _u("working_well", "existing_safety")),
        ("What are you worried about? Include risk factors and harm, past, present or future",
         _u("worries", "history_of_abuse", "parental_health", "complicating_factors", "danger_statement")),
        ("What are the child's wishes and feelings?", _u("child_voice")),
        ("What do you think needs to change? What will keep this child safe?", _u("impact_analysis", "safety_goals")),
        ("Actions for your agency", _u("next_steps")),
    ])
    b.para(OTHER, "Scaling (0 = the child is certain to be harmed, 10 = safe enough to close): 3")
    return b.done()


def family_profile_format() -> Layout:
    """A partnership's professional report format: a family profile data table, then the Assessment
    Framework headings ending in colons."""
    b = Builder("family profile format", True, "", "Format for professional reports")
    b.heading("Format for Professional Reports: Initial Child Protection Conference", 13)
    b.table(OTHER, [("Name", "Relationship to child", "Date of birth", "GP"),
                    (H.child, "Subject", H.dob, H.practice),
                    ("Sasha Delacourt", "Mother", "14-May-1996", H.practice)], (45, 45, 35, 60))
    b.heading("Report prepared by:", 11)
    b.para("about_author", H.one("about_author"))
    b.heading("Chronology of involvement / background information:", 11)
    for s in ("registration_attendance", "history_of_abuse", "worries"):
        b.para(s, H.one(s))
    b.heading("Individual child profile - child development:", 11)
    for s in ("medical_conditions", "immunisations", "missed_appointments"):
        b.para(s, H.one(s))
    b.heading("Child's wishes and feelings:", 11)
    b.para("child_voice", H.one("child_voice"))
    b.heading("Parenting capacity:", 11)
    b.para("parental_health", H.one("parental_health"))
    b.para("working_well", H.one("working_well"))
    b.heading("Family and environmental factors:", 11)
    b.para("complicating_factors", H.one("complicating_factors"))
    b.heading("Analysis of implications for the child's future safety, health and development:", 11)
    b.para("impact_analysis", H.one("impact_analysis"))
    b.para("danger_statement", H.one("danger_statement"))
    b.heading("Future plan of intervention / recommendations:", 11)
    b.para("existing_safety", H.one("existing_safety"))
    b.para("safety_goals", H.one("safety_goals"))
    b.para("next_steps", H.one("next_steps"))
    return b.done()


def five_cs_letter() -> Layout:
    """A practice's report organised by a safeguarding toolkit's headings (clarity, the child, the carers,
    concerns, conclusion), bold headings in sentence case."""
    b = Builder("toolkit headings report", True, f"{H.practice} - safeguarding report")
    b.para(OTHER, f"Re: {H.child}, born {H.dob}, NHS no. {H.nhs}")
    b.heading("Who I am and where this comes from", 11)
    b.para("about_author", H.one("about_author"))
    b.heading("The child", 11)
    for s in ("registration_attendance", "medical_conditions", "immunisations", "missed_appointments", "child_voice"):
        b.para(s, H.one(s))
    b.heading("Parents and carers", 11)
    b.para("parental_health", H.one("parental_health"))
    b.heading("Concerns", 11)
    for s in ("worries", "history_of_abuse", "complicating_factors"):
        b.para(s, H.one(s))
    b.heading("Conclusion", 11)
    for s in ("impact_analysis", "danger_statement", "working_well", "existing_safety", "safety_goals", "next_steps"):
        b.para(s, H.one(s))
    b.para(OTHER, H.author)
    return b.done()


def signs_of_safety_grid() -> Layout:
    """A Signs of Safety mapping written as a header-row grid of four columns, after a short two-column
    details form."""
    b = Builder("four-column mapping grid", True, "", f"{H.practice}")
    b.heading("GP contribution - Signs of Safety mapping", 13)
    b.form([
        ("Child", [Unit(OTHER, H.child)]),
        ("Report written by", _u("about_author")),
        ("Contact with the practice", _u("registration_attendance")),
        ("Health", _u("medical_conditions", "immunisations")),
    ], bordered=True)
    b.grid([
        ("What are we worried about?", _u("worries", "missed_appointments", "parental_health", "danger_statement")),
        ("Complicating factors", _u("complicating_factors", "history_of_abuse")),
        ("What's working well?", _u("working_well", "existing_safety")),
        ("What needs to happen?", _u("safety_goals", "next_steps")),
    ])
    b.heading("Kian's world", 11)
    b.para("child_voice", H.one("child_voice"))
    b.para("impact_analysis", H.one("impact_analysis"))
    return b.done()


HELD_OUT_THIRD = [multi_agency_question_table, family_profile_format, five_cs_letter, signs_of_safety_grid]
