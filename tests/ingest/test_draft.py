import pytest

from portal.ingest import ExtractedSection, IngestResult, draft_sections, merge_draft


def test_unmapped_text_is_appended_to_other_information():
    result = IngestResult(
        2,
        [ExtractedSection("worries", "Worries", "Bruise seen.", [1]), ExtractedSection("other_information", "Other", "Note.", [2])],
        "Letterhead",
        [1],
        [],
    )
    assert draft_sections(result) == {"worries": "Bruise seen.", "other_information": "Note.\n\nLetterhead"}


def test_replace_keeps_only_extracted_sections():
    assert merge_draft({"worries": "Mine", "child_voice": "Hers"}, {"worries": "From PDF"}, "replace") == {
        "worries": "From PDF"
    }


def test_merge_keeps_the_authors_text_and_appends_new_text():
    merged = merge_draft(
        {"worries": "Mine", "child_voice": "Hers", "next_steps": "Review  in four weeks."},
        {"worries": "From PDF", "immunisations": "Delayed", "next_steps": "Review in four weeks."},
        "merge",
    )
    assert merged == {
        "worries": "Mine\n\nFrom PDF",
        "child_voice": "Hers",
        "next_steps": "Review  in four weeks.",
        "immunisations": "Delayed",
    }


def test_merge_mode_is_checked():
    with pytest.raises(ValueError):
        merge_draft({}, {}, "append")  # type: ignore[arg-type]
