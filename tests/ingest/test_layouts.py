import pytest

from portal.ingest import draft_sections
from portal.ingest.limits import IngestLimits
from portal.ingest.parse import parse_pdf
from tests.support import pdfs
from tests.support.ingest_corpus import tuning_forms, tuning_numbered
from tests.support.pdf_scoring import score


@pytest.fixture(scope="module", params=pdfs.LAYOUTS, ids=lambda make: make.__name__)
def fixture(request) -> pdfs.Fixture:
    return request.param()


def test_every_piece_of_text_lands_in_its_section(fixture, gp):
    result = parse_pdf(fixture.data, gp, IngestLimits())
    placed, total, misplaced = score(fixture, result)
    assert misplaced == []
    assert placed == total
    assert result.pages == fixture.pages


def test_no_word_is_lost(fixture, gp):
    draft = " ".join(draft_sections(parse_pdf(fixture.data, gp, IngestLimits())).values())
    for _, text in fixture.expected:
        for word in text.split():
            assert word in draft


def test_tables_stay_markdown_tables(gp):
    result = parse_pdf(pdfs.clinical_print().data, gp, IngestLimits())
    immunisations = next(s for s in result.sections if s.id == "immunisations").text
    assert "| Vaccine | Due | Given |\n| --- | --- | --- |" in immunisations
    assert "| Pre-school booster | 02-Mar-2022 | Not given |" in immunisations


def test_repeated_header_and_footer_are_removed_with_a_warning(gp):
    result = parse_pdf(pdfs.clinical_print().data, gp, IngestLimits())
    assert "CONFIDENTIAL" not in " ".join(s.text for s in result.sections) + result.unmapped
    assert any("repeated on 2 pages" in w and "CONFIDENTIAL" in w for w in result.warnings)


def test_sections_record_their_pages(gp):
    result = parse_pdf(pdfs.clinical_print().data, gp, IngestLimits())
    pages = {s.id: s.pages for s in result.sections}
    assert pages["immunisations"] == [1]
    assert pages["worries"] == [2]
    assert result.unmapped_pages == [1]


def test_sub_headings_stay_in_their_section(gp):
    result = parse_pdf(pdfs.numbered_report().data, gp, IngestLimits())
    registration = next(s for s in result.sections if s.id == "registration_attendance").text
    assert "**3.2 Who brings Mia to appointments**" in registration


def test_a_letter_without_headings_is_placed_by_what_each_paragraph_says(gp):
    result = parse_pdf(pdfs.letter().data, gp, IngestLimits())
    assert [s.id for s in result.sections] == ["about_author", "parental_health"]
    assert "Yours sincerely," in result.unmapped and "Westmarsh Community Recovery Service" in result.unmapped
    assert all("content" in p.basis for p in result.placements if p.section_id != "other_information")


def test_every_placement_has_a_confidence_and_unsure_ones_are_marked_for_review(gp):
    result = parse_pdf(pdfs.numbered_report().data, gp, IngestLimits())
    assert len(result.placements) >= 12
    by_heading = [p for p in result.placements if p.basis == "heading"]
    assert len([p for p in by_heading if p.confidence == 1.0]) >= 10
    assert all(0.0 <= p.confidence <= 1.0 for p in result.placements)
    assert all(p.needs_review == (p.confidence < 0.65) for p in result.placements if p.section_id != "other_information")


def test_missing_required_sections_are_warned_about(gp):
    result = parse_pdf(pdfs.council_template().data, gp, IngestLimits())
    assert "Nothing was found for \u201cImmunisations\u201d." not in result.warnings
    assert "Nothing was found for \u201cRegistration and attendance\u201d." in result.warnings


def _placement(result, start: str):
    return next(p for p in result.placements if p.text.startswith(start))


def test_a_letters_sign_off_and_signature_go_to_no_section(gp):
    result = parse_pdf(tuning_forms.signed_letter().data, gp, IngestLimits())
    for start in ("With kind regards,", "Dr Anwen Roskilly MB BCh", "GP Partner, Greyfriars Lane Surgery", "Re: Reuben"):
        assert _placement(result, start).section_id == "other_information", start
    assert _placement(result, "I am writing as the children's usual doctor").section_id == "about_author"


def test_long_questions_in_a_forms_bold_left_cell_head_their_answers(gp):
    result = parse_pdf(tuning_forms.wrapping_question_form().data, gp, IngestLimits())
    answer = _placement(result, "Ivy's MMR2 and 4-in-1")
    assert answer.section_id == "immunisations" and answer.heading.startswith("Have the children received all")


def test_long_bold_questions_of_an_unruled_form_head_their_answers_and_the_footer_is_not_a_row(gp):
    result = parse_pdf(tuning_forms.borderless_wrapping_form().data, gp, IngestLimits())
    assert _placement(result, "Ivy's MMR2 and 4-in-1").section_id == "immunisations"
    assert _placement(result, "Nan very supportive").heading.startswith("Which people or arrangements")
    assert not any("Page 1 of 2" in (p.heading or "") for p in result.placements)


def test_a_tick_column_tables_questions_head_their_details_and_keep_their_ticks(gp):
    result = parse_pdf(tuning_forms.tick_table().data, gp, IngestLimits())
    assert _placement(result, "His half-brother was the subject").section_id == "history_of_abuse"
    assert _placement(result, "Complete for his age.").section_id == "immunisations"
    assert "**Are all the routine vaccinations given? [Yes: X]**" in draft_sections(result)["immunisations"]


def test_a_smaller_question_pointing_elsewhere_is_not_a_sub_heading_of_the_numbered_section_above_it(gp):
    result = parse_pdf(tuning_forms.tick_questions().data, gp, IngestLimits())
    answer = _placement(result, "Her second MMR and the pre-school booster")
    assert answer.section_id == "immunisations" and answer.heading.startswith("Is the child behind with any")


def test_long_plain_questions_that_ask_head_their_answers(gp):
    result = parse_pdf(tuning_forms.plain_question_form().data, gp, IngestLimits())
    answer = _placement(result, "Older half-brother removed to kinship care")
    assert answer.section_id == "history_of_abuse" and answer.heading.startswith("Has the practice held any earlier")


def test_a_bold_run_in_label_ending_with_a_full_stop_is_a_heading(gp):
    result = parse_pdf(tuning_forms.full_stop_labels().data, gp, IngestLimits())
    assert _placement(result, "He missed a continence clinic").heading == "Not brought."
    assert all(not p.text.startswith(("Writer.", "Not brought.")) for p in result.placements)


def test_a_numbered_prompt_after_a_sibling_naming_a_section_is_a_heading_of_its_own(gp):
    result = parse_pdf(tuning_numbered.numbered_prompts_form().data, gp, IngestLimits())
    answer = _placement(result, "Not asked. Never seen without dad.")
    assert answer.section_id == "child_voice" and answer.heading == "2.4 What the children have said"
    assert _placement(result, "Ellis - constipation").section_id == "medical_conditions"


def test_numbered_prompts_lined_up_beside_their_numbers_are_headings_not_a_form(gp):
    result = parse_pdf(tuning_numbered.details_prompts_form().data, gp, IngestLimits())
    assert not any(p.text.startswith("|") for p in result.placements)
    address = _placement(result, "Flat 3, 27 Tannery Walk")
    assert address.section_id == "other_information" and address.heading == "A2. Address"


def test_a_household_table_of_names_relations_and_dates_is_details_of_no_section(gp):
    result = parse_pdf(tuning_numbered.household_table_report().data, gp, IngestLimits())
    table = _placement(result, "| Full name | Relation |")
    assert table.section_id == "other_information"
