"""Shapes of clinical-system prints and template letters: long numbered questions in bold, one-line answers, journal
entries opened by a bold date, problem lists under a qualified heading, clinical shorthand."""

from portal.ingest import draft_sections
from portal.ingest.headings import signals
from portal.ingest.limits import IngestLimits
from portal.ingest.meaning import SectionMeaning
from portal.ingest.parse import parse_pdf
from portal.ingest.shorthand import spelt_out
from tests.support.ingest_corpus.build import Builder
from tests.support.ingest_corpus.tuning_banners import broad_questions_letter, short_answer_questionnaire
from tests.support.ingest_corpus.tuning_prints import numbered_request_letter

QUESTION = ("2. Please summarise each child's health, development and any treatment they have, and say whether the "
            "treatment is being followed at home.")


def _draft(b: Builder, gp) -> dict[str, str]:
    return draft_sections(parse_pdf(b.done().data, gp, IngestLimits()))


def test_a_bold_numbered_question_over_two_lines_is_one_heading(gp):
    b = Builder("t", False)
    b.para("other_information", "Practice letter to the conference about the two children named below in full.")
    b.heading(QUESTION, 10, "B")
    b.para("medical_conditions", "Zara has eczema treated with emollients which are collected every month.")
    draft = _draft(b, gp)
    assert f"**{QUESTION}**" in draft["medical_conditions"]  # both lines, as the heading
    assert "Zara has eczema" in draft["medical_conditions"]


def test_a_numbered_request_in_bold_is_a_heading_however_it_ends():
    assert signals("4. Any other relevant information.", 10, True, 10) is not None
    assert signals(QUESTION, 10, True, 10) is not None
    assert signals(QUESTION, 10, False, 10) is None  # the same words in body type are a paragraph
    assert signals("Zara was seen on 3 May with a rash on both arms and a cough.", 10, True, 10) is None


def test_one_line_answers_stay_apart_when_every_answer_is_one_line(gp):
    """In a letter of one-line answers most gaps between lines are gaps between paragraphs."""
    layout = numbered_request_letter()
    text = " ".join(draft_sections(parse_pdf(layout.data, gp, IngestLimits())).values())
    assert "collects daily. Mother" not in text and "collects daily." in text
    assert "in 2026. No A&E. Imms" not in text and "Imms UTD apart" in text


def test_journal_entries_opened_by_a_bold_date_are_placed_by_what_each_says(gp):
    b = Builder("t", False)
    b.heading("Consultations", 11)
    b.runin("worries", "08/10/2026 Practice nurse - surgery",
            "Grandmother says Ellis swallowed one of his father's tablets in August and was sick; nobody took him to "
            "hospital. Duty social worker told the same day.")
    b.runin("parental_health", "03/07/2026 Dr M Okafor - telephone",
            "Father asked for his methadone to be increased; says he has used heroin on top twice this month and is "
            "low in mood.")
    draft = _draft(b, gp)
    assert "swallowed one of his father's tablets" in draft["worries"]
    assert "used heroin on top" in draft["parental_health"]
    assert "08/10/2026 Practice nurse - surgery" in draft["worries"]  # the date goes with its entry


def test_a_qualified_problem_list_heading_points_to_its_section(gp):
    meaning = SectionMeaning(gp)
    assert meaning.heading("Significant Problems").section == "medical_conditions"
    assert meaning.heading("Significant Problems").score < 0.95  # a hint: the words can still decide
    b = Builder("t", False)
    b.heading("Current Problems", 11)
    b.para("medical_conditions", "- 11/02/2026 Recurrent otitis media - listed for grommets")
    assert "otitis media" in _draft(b, gp)["medical_conditions"]


def test_a_short_answer_follows_a_question_that_points_to_one_section(gp):
    b = Builder("t", False)
    b.heading("What is going well for the children?", 10, "B")
    b.para("working_well", "Grandmother very involved - brings them to every appointment.")
    b.heading("What else should the conference know about?", 10, "B")
    b.para("other_information", "Dr Amal Reyes")
    draft = _draft(b, gp)
    assert "Grandmother very involved" in draft["working_well"]
    assert "Dr Amal Reyes" in draft["other_information"]  # a name alone still goes nowhere


def test_clinical_shorthand_is_read_for_its_meaning_only(gp):
    assert spelt_out("Imms UTD. WNB x2. CIN plan 2023. Salt and SALT.") == (
        "immunisations up to date. was not brought x2. child in need plan 2023. Salt and speech and language therapy.")
    meaning = SectionMeaning(gp)
    assert meaning.content("Imms UTD for both.").section == "immunisations"
    assert meaning.heading("DNA").section == "missed_appointments"
    b = Builder("t", False)
    b.heading("Health", 11)
    b.para("immunisations", "Imms UTD for both.")
    draft = _draft(b, gp)
    assert "Imms UTD for both." in draft["immunisations"]  # the author's words are kept as written


def test_a_details_banner_table_belongs_to_no_section(gp):
    """Column names above one row of a name, a date and numbers: who the report is about, not immunisations."""
    b = Builder("t", False)
    b.table("other_information", [("Patient", "Date of birth", "NHS number", "Usual GP"),
                                  ("Rowan Castell", "02-Mar-2021", "948 113 2207", "Dr P Anand")], (55, 35, 40, 55))
    b.heading("Vaccinations", 11)
    b.para("immunisations", "Rowan has had all his vaccinations on time, the last at three years and four months.")
    result = parse_pdf(b.done().data, gp, IngestLimits())
    draft = draft_sections(result)
    assert "Rowan Castell" in result.unmapped and "948 113 2207" in result.unmapped
    assert "Rowan Castell" not in draft.get("immunisations", "")
    assert "all his vaccinations" in draft["immunisations"]


def test_a_labelled_identity_line_belongs_to_no_section(gp):
    """"Patient: <name, sex, date of birth, NHS number>" under the report's title is who it is about."""
    result = parse_pdf(short_answer_questionnaire().data, gp, IngestLimits())
    assert "Kacey Farrimond (F)" in result.unmapped


def test_a_heading_for_one_section_gives_up_a_first_paragraph_that_is_clearly_a_related_one(gp):
    """"Recommendations" names the next steps; a first paragraph there that reads as a safety goal goes to the safety
    goals, the section next steps often hold, for the author to check."""
    b = Builder("t", False)
    b.heading("Recommendations", 11)
    b.para("safety_goals", "I would like to see Rowan living with an adult who is sober every day, brought to each "
                           "appointment and gaining weight at every weigh-in for the next six months.")
    b.para("next_steps", "I will write to the drug and alcohol service this week and the practice nurse will book "
                         "Rowan's weigh-ins every fortnight.")
    result = parse_pdf(b.done().data, gp, IngestLimits())
    draft = draft_sections(result)
    assert "sober every day" in draft["safety_goals"]
    assert "drug and alcohol service" in draft["next_steps"]
    moved = next(p for p in result.placements if "sober every day" in p.text)
    assert moved.needs_review


def test_a_short_answer_left_unplaced_under_a_question_is_shown_to_the_author(gp):
    """"Poor home conditions." under a broad question is too thin to place, but it is an answer, not letterhead:
    it stays in other information and the author is asked where it goes. The letter's date line is not asked about."""
    result = parse_pdf(broad_questions_letter().data, gp, IngestLimits())
    asked = {p.text: p.needs_review for p in result.placements if p.section_id == "other_information"}
    assert asked["Poor home conditions."] is True
    assert not any(v for k, v in asked.items() if k.startswith(("Ellerby Fold Surgery, 9 Fold Lane", "Regarding:")))
