from portal.audit.contribution import parse_contribution
from portal.audit.results import Level
from tests.support.audit_builders import contribution


def test_result_records_rubric_and_contribution_version(score, rubric):
    result = score()
    assert (result.rubric_id, result.rubric_version) == ("gp", rubric.version)
    assert result.contribution_version == 2
    assert [c.criterion_id for c in result.criteria] == [c.id for c in rubric.criteria]


def test_good_report_scores_100(score):
    assert score().score == 100.0


def test_score_is_weighted_and_skips_not_applicable(score, rubric):
    total = sum(c.weight for c in rubric.criteria)
    # danger_statement (weight 2) partly met, immunisations (weight 1) not met, medical_conditions not applicable.
    result = score(
        {
            "danger_statement": "Mum's drinking and her missing Kayden's asthma appointments are a worry for Kayden.",
            "immunisations": "N/A",
            "medical_conditions": "Not known to the practice.",
        }
    )
    assert result["medical_conditions"].level is Level.NOT_APPLICABLE
    possible = total - rubric.criterion("medical_conditions").weight
    assert result.score == round(100 * (possible - 1.0 - 1.0) / possible, 1)


def test_scoring_is_deterministic(scorer):
    data = contribution({"worries": "Neglect"})
    assert scorer.score(parse_contribution(data)) == scorer.score(parse_contribution(data))


def test_to_dict_is_json_ready(score):
    data = score({"immunisations": "N/A"}).to_dict()
    immunisations = next(c for c in data["criteria"] if c["id"] == "immunisations")
    assert immunisations["level"] == "NOT_MET"
    assert immunisations["evidence"] == [{"quote": "N/A", "sectionId": "immunisations", "field": None}]
    assert data["rubricVersion"] and data["score"] < 100


def test_drafting_feedback_is_advice_for_what_is_missing(scorer):
    draft = parse_contribution(contribution({"immunisations": None}, status="DRAFT", submittedAt=None))
    advice = scorer.feedback(draft)
    by_criterion = {a.criterion_id: a for a in advice}
    assert by_criterion["immunisations"].message == (
        "Immunisations: Missing, a placeholder, too brief, or no mention of the immunisation status: no mention of immunisations"
    )
    assert by_criterion["immunisations"].section_id == "immunisations"
    assert "Say whether immunisations are up to date, delayed or declined." in by_criterion["immunisations"].suggestions
    assert "danger_statement" not in by_criterion


def test_no_feedback_for_a_complete_report(scorer):
    assert scorer.feedback(parse_contribution(contribution())) == []


def test_scoring_a_batch_gives_the_same_results_and_restores_the_collector(scorer):
    import gc

    batch = [
        parse_contribution(contribution({"worries": "Neglect."})),
        parse_contribution(contribution()),
        parse_contribution(contribution({"immunisations": "Not known to the practice."})),
    ]
    assert scorer.score_many(batch) == [scorer.score(c) for c in batch]
    assert gc.isenabled()
    gc.disable()
    try:
        scorer.score_many(batch)
        assert not gc.isenabled()
    finally:
        gc.enable()
