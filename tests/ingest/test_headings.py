import pytest

from portal.ingest.headings import SectionMatcher, normalise, signals


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
    ],
)
def test_headings_match_sections_by_title_and_alias(gp, text, section):
    assert SectionMatcher(gp).match(text) == section


def test_normalise_strips_numbering_and_trailing_punctuation():
    assert normalise("3.1 Parental health:") == "parental health"
    assert normalise("(b) Next steps?") == "next steps"


def test_signals():
    assert signals("3.2 Who brings Mia", 11, True, 11).number == "3.2"
    assert signals("IMMUNISATIONS", 11, False, 10).capitals
    assert signals("Seen by:", 10, False, 10).colon
    assert signals("1 October 2026", 10, False, 10).number == ""
    assert signals("This is a sentence.", 14, True, 10) is None
    assert signals("Worries", 14, False, 10).larger
