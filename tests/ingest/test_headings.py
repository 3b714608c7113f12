import pytest

from portal.ingest.headings import normalise, signals
from portal.ingest.meaning import SectionMeaning


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Vaccinations", "immunisations"),
        ("4. Was not brought", "missed_appointments"),
        ("WHAT ARE WE WORRIED ABOUT?", "worries"),
        ("C) What\u2019s working well:", "working_well"),
        ("3.1 Recent consultations", "registration_attendance"),
        ("Immunisation history and status", "immunisations"),
        ("What are we worried about? Describe any harm.", "worries"),
        ("Wasps", None),
        ("Safetyvalve", None),
        ("Attendance: missed appointments", "missed_appointments"),  # the narrower name after a broad label
        ("Strengths: existing safety", "existing_safety"),
        ("SECTION 2 - WORRIES", "worries"),  # numbered by a word and a number
        ("Q3. Immunisations", "immunisations"),
    ],
)
def test_headings_match_sections_by_title_and_alias(gp, text, section):
    assert SectionMeaning(gp).name_match(text) == section


def test_normalise_strips_numbering_and_trailing_punctuation():
    assert normalise("3.1 Parental health:") == "parental health"
    assert normalise("(b) Next steps?") == "next steps"
    assert normalise("Q1. How long has the child been registered?") == "how long has the child been registered"
    assert normalise("Part B: Health") == "health"
    assert normalise("Part of the family") == "part of the family"


def test_signals():
    assert signals("3.2 Who brings Mia", 11, True, 11).number == "3.2"
    assert signals("IMMUNISATIONS", 11, False, 10).capitals
    assert signals("Seen by:", 10, False, 10).colon
    assert signals("1 October 2026", 10, False, 10).number == ""
    assert signals("This is a sentence.", 14, True, 10) is None
    assert signals("Worries", 14, False, 10).larger


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("Vacinations", "immunisations"),  # a misspelt name still names the section (rapidfuzz)
        ("FAILED ENCOUNTERS / DNA", "missed_appointments"),
        ("Q4. Parents' own health", "parental_health"),
    ],
)
def test_headings_not_in_the_aliases_are_matched_by_meaning(gp, text, section):
    assert SectionMeaning(gp).heading(text).section == section


def test_a_heading_that_names_nothing_scores_low(gp):
    assert SectionMeaning(gp).heading("Wasps").score < 0.2


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("The second MMR dose and the pre-school booster have not been given.", "immunisations"),
        ("She was not brought to the audiology clinic in June and nobody rang to rebook.", "missed_appointments"),
        ("His father is prescribed methadone and has relapsed twice this year.", "parental_health"),
    ],
)
def test_paragraphs_are_placed_by_content(gp, text, section):
    assert SectionMeaning(gp).content(text).section == section


def test_a_label_or_an_address_is_not_placed_by_content(gp):
    assert SectionMeaning(gp).content("Unit 4, Canal Wharf, Westmarsh WM2 7QT").section is None
