"""Paragraphs placed by the words the agency file's example paragraphs use, not only its vocabulary."""

from portal.agencies import AgencyDefinition
from portal.ingest.limits import IngestLimits
from portal.ingest.meaning import SectionMeaning, features
from portal.ingest.naive_bayes import NaiveBayes
from portal.ingest.parse import parse_pdf
from tests.support import ingest_corpus

SHIFTS = ("Mr Pellow works long shifts on a building site and says he cannot come to daytime appointments, "
          "and the family has no car.")


def _with_examples(agency: AgencyDefinition, section_id: str, examples: tuple[str, ...]) -> AgencyDefinition:
    sections = tuple(s.model_copy(update={"examples": examples if s.id == section_id else ()}) for s in agency.sections)
    return agency.model_copy(update={"sections": sections})


def test_the_model_prefers_the_section_whose_texts_share_the_words():
    model = NaiveBayes({
        "immunisations": [features("The MMR booster was given late by the practice nurse.")],
        "worries": [features("A bruise on the cheek that nobody could explain.")],
    })
    posterior = model.posterior(features("The nurse gave the second MMR booster in March."))
    assert posterior["immunisations"] > 0.6 > posterior["worries"]
    assert abs(sum(posterior.values()) - 1.0) < 1e-9


def test_words_no_section_has_seen_give_no_posterior():
    model = NaiveBayes({"worries": [features("bruise")], "immunisations": [features("booster")]})
    assert model.posterior(features("Xylophone quartz")) == {}


def test_numbers_are_not_features_but_little_words_are():
    assert features("Seen on 12 May 2026") == ["seen", "on", "may", "seen on", "on may"]
    assert {"will", "could"} <= set(features("He will be hurt, or could be burned"))


def test_when_it_happens_tells_a_danger_from_a_harm(gp):
    meaning = SectionMeaning(gp)
    assert meaning.content("Unless things change I think Noah will be hit again and could be badly hurt one evening "
                           "when his stepfather has been drinking.").section == "danger_statement"
    assert meaning.content("Noah was hit by his stepfather one evening in May when he had been drinking, and had a "
                           "cut lip when the school saw him the next day.").section == "worries"


def test_a_paragraph_goes_where_example_paragraphs_use_its_words(gp):
    example = ("Her father works night shifts at a warehouse and says he cannot come to appointments in the day; "
               "they have no car and the bus takes an hour.")
    taught = SectionMeaning(_with_examples(gp, "complicating_factors", (example,)))
    untaught = SectionMeaning(_with_examples(gp, "complicating_factors", ()))
    assert taught.content(SHIFTS).section == "complicating_factors"
    assert untaught.content(SHIFTS).section != "complicating_factors"


def test_the_gp_file_has_example_paragraphs_for_every_section_but_the_fallback(gp):
    assert all(s.examples for s in gp.sections if s.id != "other_information")


def test_a_later_paragraph_in_a_worries_column_that_reads_as_analysis_goes_to_the_analysis(gp):
    layout = ingest_corpus.TUNING_UNLEARNT[2]()  # a mapping grid: worries, then the analysis, in one column
    result = parse_pdf(layout.data, gp, IngestLimits())
    analysis = next(p for p in result.placements if p.text.startswith("Taken together, I think Mason"))
    assert analysis.heading == "What are we worried about?"
    assert (analysis.section_id, analysis.basis, analysis.needs_review) == ("impact_analysis", "content within heading", True)
    worries = next(p for p in result.placements if p.text.startswith("In October Mason's teacher"))
    assert worries.section_id == "worries"


def test_a_section_holds_only_sections_the_agency_has(gp):
    assert gp.section("worries").holds and all(gp.section(h) for s in gp.sections for h in s.holds)


def test_a_name_alone_beside_a_label_stays_in_other_information(gp):
    layout = ingest_corpus.TUNING_UNLEARNT[2]()  # its details form opens "Child | Mason Threlkeld"
    result = parse_pdf(layout.data, gp, IngestLimits())
    name = next(p for p in result.placements if p.text == "Mason Threlkeld")
    assert (name.heading, name.section_id) == ("Child", "other_information")
