"""What changed between two versions of a report, word by word."""

from portal.pages.chairs.changes import Piece, SectionChange, pieces, section_changes


def test_changed_words_are_removed_then_added_and_the_rest_kept():
    assert pieces("Seen twice in October.", "Seen three times in October.") == (
        Piece("same", "Seen "), Piece("removed", "twice"), Piece("added", "three times"), Piece("same", " in October."))


def test_only_sections_that_changed_are_listed_with_added_and_dropped_ones():
    before = {"worries": ("Worries", "Bruising."), "next_steps": ("Next steps", "Review."), "other": ("Other", "Old note.")}
    after = {"worries": ("Worries", "Bruising."), "next_steps": ("Next steps", "Review soon."), "working_well": ("Working well", "Grandmother.")}
    assert section_changes(before, after) == [
        SectionChange("next_steps", "Next steps", (Piece("removed", "Review."), Piece("added", "Review soon."))),
        SectionChange("working_well", "Working well", (Piece("added", "Grandmother."),)),
        SectionChange("other", "Other", (Piece("removed", "Old note."),)),
    ]
