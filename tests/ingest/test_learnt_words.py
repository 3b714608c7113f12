"""Paragraphs placed by the words the agency file's example paragraphs use, not only its vocabulary."""

from portal.agencies import AgencyDefinition
from portal.ingest.meaning import SectionMeaning, features
from portal.ingest.naive_bayes import NaiveBayes

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


def test_numbers_are_not_features():
    assert features("Seen on 12 May 2026") == ["seen", "may", "seen on", "on may"]


def test_a_paragraph_goes_where_example_paragraphs_use_its_words(gp):
    example = ("Her father works night shifts at a warehouse and says he cannot come to appointments in the day; "
               "they have no car and the bus takes an hour.")
    taught = SectionMeaning(_with_examples(gp, "complicating_factors", (example,)))
    untaught = SectionMeaning(_with_examples(gp, "complicating_factors", ()))
    assert taught.content(SHIFTS).section == "complicating_factors"
    assert untaught.content(SHIFTS).section != "complicating_factors"


def test_the_gp_file_has_example_paragraphs_for_every_section_but_the_fallback(gp):
    assert all(s.examples for s in gp.sections if s.id != "other_information")
