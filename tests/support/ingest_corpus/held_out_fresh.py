"""A second batch of held-out layouts, in shapes none of the first thirteen use, written before any
further change to the matcher and measured first with the code as it stood. Like held_out.py:
never tuned against, their failures not looked at. Content from family F only.
"""

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit
from tests.support.ingest_corpus.families import F


def _u(*sections: str) -> list[Unit]:
    return [Unit(s, F.one(s)) for s in sections]


def stacked_box_form() -> Layout:
    """A partnership's multi-agency form: one ruled column, each shaded question above a box for the answer."""
    b = Builder("stacked box form", True, "Quarry Hill Safeguarding Partnership - Multi-agency report to conference",
                "OFFICIAL-SENSITIVE")
    b.heading("Report to Initial Child Protection Conference", 13)
    b.para(OTHER, f"Conference in respect of: {F.child} ({F.dob})   Agency: {F.practice}")
    b.stacked_form([
        ("Overview of your agency's involvement: why and for how long you have been involved, and what support "
         "you have given", _u("about_author", "registration_attendance")),
        ("Health professionals: health needs, treatment and any appointments not attended",
         _u("medical_conditions", "immunisations", "missed_appointments")),
        ("What are we worried about? Include past harm and anything about the adults that brings complications",
         _u("worries", "history_of_abuse", "parental_health", "complicating_factors")),
        ("Future danger: what could happen to the child if nothing changes?", _u("danger_statement")),
        ("What does this mean for the child day to day?", _u("impact_analysis")),
        ("What is working well? Family strengths and safe behaviours", _u("working_well", "existing_safety")),
        ("What needs to happen for the child to be safe, and what will your service do?", _u("safety_goals", "next_steps")),
        ("What can you say about the child's views?", _u("child_voice")),
    ])
    b.para(OTHER, "Date report shared with parents/carers: 5 November 2026")
    return b.done()


def sbar_note() -> Layout:
    """An SBAR communication (Situation, Background, Assessment, Recommendation) with italic, body-size headings."""
    b = Builder("SBAR note", True)
    b.para(OTHER, f"{F.practice} - safeguarding communication", size=9)
    b.para(OTHER, f"Re: {F.child}, DOB {F.dob}, NHS number {F.nhs}")
    b.heading("Situation", 10, "I")
    b.para("about_author", F.one("about_author"))
    b.para("worries", F.one("worries"))
    b.heading("Background", 10, "I")
    for s in ("registration_attendance", "medical_conditions", "immunisations", "missed_appointments",
              "parental_health", "history_of_abuse"):
        b.para(s, F.one(s))
    b.heading("Assessment", 10, "I")
    for s in ("impact_analysis", "danger_statement", "complicating_factors", "working_well", "existing_safety"):
        b.para(s, F.one(s))
    b.heading("Recommendation", 10, "I")
    b.para("safety_goals", F.one("safety_goals"))
    b.para("next_steps", F.one("next_steps"))
    b.para("child_voice", F.one("child_voice"))
    b.para(OTHER, F.author)
    return b.done()


def mapping_grid() -> Layout:
    """Plain "Label: text" lines, then a Signs of Safety mapping as three side-by-side columns."""
    b = Builder("labelled lines and mapping grid", True, "", f"{F.practice} - GP contribution")
    b.heading(f"GP contribution for {F.child}", 13)
    b.labelled("about_author", "Author", F.one("about_author"))
    b.labelled("registration_attendance", "Contact", F.one("registration_attendance"))
    b.labelled("medical_conditions", "Health", F.one("medical_conditions"))
    b.labelled("immunisations", "Vaccinations", F.one("immunisations"))
    b.labelled("missed_appointments", "Not brought", F.one("missed_appointments"))
    b.heading("Mapping", 11)
    b.grid([
        ("What are we worried about?", _u("worries", "history_of_abuse", "parental_health", "impact_analysis",
                                           "danger_statement", "complicating_factors")),
        ("What's working well?", _u("working_well", "existing_safety")),
        ("What needs to happen?", _u("safety_goals", "next_steps")),
    ])
    b.heading("Ruby's own words", 11)
    b.para("child_voice", F.one("child_voice"))
    return b.done()


HELD_OUT_FRESH = [stacked_box_form, sbar_note, mapping_grid]
