"""Every criterion of the GP rubric, with contributions that meet, partly meet and fail it."""

import pytest

from portal.audit.results import Level
from tests.support.audit_builders import GOOD_SECTIONS

MET, PARTLY, NOT_MET, NA = Level.MET, Level.PARTLY_MET, Level.NOT_MET, Level.NOT_APPLICABLE


def only(**sections: str) -> dict[str, str | None]:
    """A whole report made of just these sections."""
    return {key: None for key in GOOD_SECTIONS} | sections


REPORT_WITHOUT_SOURCES = {
    "about_author": "Dr Asha Penrose, GP partner and Kayden's named GP.",
    "worries": "Kayden has had bruises on his arms and was not brought to three appointments this year.",
    "parental_health": "Mum has depression and drinks most days; her former partner was violent towards her.",
    "impact_analysis": "Mum's low mood means she struggles to get Kayden to his appointments, so his asthma is worse.",
}

# (criterion, section overrides, expected level); None removes a section. The baseline report meets all.
CASES = [
    ("author_and_role", {}, MET),
    ("author_and_role", {"about_author": "Report written by Dr Tom Okafor, salaried GP at Riverside Surgery."}, PARTLY),
    ("author_and_role", {"about_author": "Dr Okafor"}, NOT_MET),
    ("author_and_role", {"about_author": None}, NOT_MET),
    ("registration_and_attendance", {}, MET),
    (
        "registration_and_attendance",
        {"registration_attendance": "Registered with us since 2022. Attends rarely, mostly for coughs and colds."},
        PARTLY,
    ),
    ("registration_and_attendance", only(registration_attendance="N/A"), NOT_MET),
    ("last_seen", {}, MET),
    (
        "last_seen",
        {"registration_attendance": "Registered since 2022. He was last seen for a chest infection."},
        PARTLY,
    ),
    (
        "last_seen",
        {"registration_attendance": "Registered since June 2022; attends with his father about twice a year."},
        NOT_MET,
    ),
    ("medical_conditions", {}, MET),
    ("medical_conditions", {"medical_conditions": "Eczema since infancy, treated with emollient cream."}, PARTLY),
    # Naming a condition in one word covers some of conditions, treatment and development.
    ("medical_conditions", only(medical_conditions="Asthma."), PARTLY),
    ("medical_conditions", only(medical_conditions="See records."), NOT_MET),
    ("medical_conditions", {"medical_conditions": "Kayden is not known to the practice before this month."}, NA),
    ("immunisations", {}, MET),
    ("immunisations", {"immunisations": "Her immunisations are up to date."}, PARTLY),
    ("immunisations", {"immunisations": "Up to date."}, PARTLY),
    ("immunisations", {"immunisations": "Yes"}, NOT_MET),
    ("immunisations", {"immunisations": "Immunisation history is on the attached printout."}, NOT_MET),
    ("immunisations", {"immunisations": "none"}, NOT_MET),
    ("immunisations", {"immunisations": None}, NOT_MET),
    (
        "immunisations",
        {"immunisations": "No immunisation record is held by the practice; the child registered last week."},
        NA,
    ),
    ("missed_appointments", {}, MET),
    (
        "missed_appointments",
        only(
            missed_appointments="No missed appointments are recorded in the last two years.",
            registration_attendance="Registered since 2022 and attends with mum.",
        ),
        PARTLY,
    ),
    (
        "missed_appointments",
        only(missed_appointments="See attached.", registration_attendance="Registered since 2022."),
        NOT_MET,
    ),
    (
        "missed_appointments",
        # "Nil" states that no appointments were missed ("missed appointments (or none)"), not urgent care.
        only(missed_appointments="Nil", registration_attendance="Registered since 2022."),
        PARTLY,
    ),
    ("parental_health", {}, MET),
    (
        "parental_health",
        only(parental_health="Mother has long-standing depression and is prescribed fluoxetine by the practice."),
        PARTLY,
    ),
    ("parental_health", only(parental_health="See GP records."), NOT_MET),
    (
        "parental_health",
        {
            "parental_health": (
                "Neither parent is registered with this practice, so their health is not known to the practice."
            )
        },
        NA,
    ),
    ("household_members", {}, MET),
    (
        "household_members",
        # Who lives with the child, with nothing known of them.
        only(parental_health="Kayden lives with his mum, her partner Lee and his two brothers."),
        PARTLY,
    ),
    (
        "household_members",
        {
            "parental_health": "Mum has depression and drinks heavily; police attended a domestic incident in May.",
            "about_author": "Dr Asha Penrose, GP partner.",
            "registration_attendance": "Registered since 2022, seen twice a year.",
        },
        # What is known of the parents without who lives with the child: "or the reverse".
        PARTLY,
    ),
    (
        "household_members",
        only(about_author="Dr Asha Penrose, GP partner.", registration_attendance="Registered since 2022, seen twice a year."),
        NOT_MET,
    ),
    ("history_of_abuse", {}, MET),
    ("history_of_abuse", {"history_of_abuse": "No previous concerns.", "worries": None}, MET),
    (
        "history_of_abuse",
        {"history_of_abuse": "No previous safeguarding concerns recorded for Kayden or his sister."},
        MET,
    ),
    ("history_of_abuse", {"history_of_abuse": "There is a history noted in 2019.", "worries": "Unkempt."}, PARTLY),
    ("history_of_abuse", {"history_of_abuse": "None", "worries": "N/A"}, NOT_MET),
    # "Not known to the practice" in the history section states none on record; not applicable needs
    # the practice to say it holds no earlier records.
    ("history_of_abuse", {"history_of_abuse": "Not known to the practice.", "worries": None}, MET),
    (
        "history_of_abuse",
        {"history_of_abuse": "We hold no earlier records: his notes have not arrived from his last practice.", "worries": None},
        NA,
    ),
    ("child_voice", {}, MET),
    (
        "child_voice",
        only(child_voice="Kayden seemed quiet and tired at his last review and did not play with the toys."),
        PARTLY,
    ),
    ("child_voice", only(child_voice="Not seen alone."), NOT_MET),
    ("child_voice", only(), NOT_MET),
    ("impact_analysis", {}, MET),
    (
        "impact_analysis",
        only(impact_analysis="Mum has depression. Mum drinks alcohol most days. Dad has a conviction for assault in 2019."),
        PARTLY,
    ),
    ("impact_analysis", only(impact_analysis="As above."), NOT_MET),
    ("fact_vs_opinion", {}, MET),
    (
        "fact_vs_opinion",
        only(**REPORT_WITHOUT_SOURCES, working_well="Records show mum attended every antenatal appointment."),
        PARTLY,
    ),
    (
        "fact_vs_opinion",
        only(
            **REPORT_WITHOUT_SOURCES,
            danger_statement="I am worried that Kayden could have a severe asthma attack at home.",
        ),
        PARTLY,
    ),
    ("fact_vs_opinion", only(**REPORT_WITHOUT_SOURCES), NOT_MET),
    ("worries", {}, MET),
    ("worries", {"worries": "Kayden has had unexplained bruises on his arms and legs on several occasions."}, PARTLY),
    ("worries", {"worries": "Neglect."}, NOT_MET),
    ("worries", {"worries": ""}, NOT_MET),
    ("working_well", {}, MET),
    (
        "working_well",
        {"working_well": "Mum loves her children very much and is a caring parent.", "existing_safety": None},
        PARTLY,
    ),
    ("working_well", {"working_well": "Nothing", "existing_safety": None}, NOT_MET),
    ("danger_statement", {}, MET),
    (
        "danger_statement",
        {"danger_statement": "Mum's drinking and her missing Kayden's asthma appointments are a worry for Kayden."},
        PARTLY,
    ),
    ("danger_statement", {"danger_statement": "Neglect"}, NOT_MET),
    ("danger_statement", {"danger_statement": "Neglect and emotional abuse."}, NOT_MET),
    ("danger_statement", {"danger_statement": "Risk of significant harm due to ongoing neglect at home."}, NOT_MET),
    ("safety_goal", {}, MET),
    (
        "safety_goal",
        {
            "safety_goals": "Mum will make sure Kayden gets to all of his asthma reviews.",
            "next_steps": "Review at core group.",
        },
        PARTLY,
    ),
    ("safety_goal", {"safety_goals": "TBC", "next_steps": "Refer to social care."}, NOT_MET),
]


@pytest.mark.parametrize(("criterion", "texts", "expected"), CASES)
def test_criterion_level(score, criterion, texts, expected):
    result = score(texts)[criterion]
    assert result.level is expected, result.reason
    assert result.reason


@pytest.mark.parametrize("criterion", sorted({c for c, _, _ in CASES}))
def test_each_content_criterion_has_met_partly_and_not_met_cases(criterion):
    levels = {level for c, _, level in CASES if c == criterion}
    assert {MET, PARTLY, NOT_MET} <= levels


def test_met_results_quote_evidence_from_the_named_section(score):
    result = score()
    for criterion_id in ("immunisations", "danger_statement", "worries"):
        evidence = result[criterion_id].evidence
        assert evidence and all(e.section_id == criterion_id for e in evidence)
    assert (
        "MMR" in result["immunisations"].evidence[0].quote
        or "immunisations" in result["immunisations"].evidence[0].quote
    )


def test_a_bare_label_is_called_a_label(score):
    result = score({"danger_statement": "Neglect"})["danger_statement"]
    assert "label" in result.reason and result.evidence[0].quote == "Neglect"


def test_placeholder_is_quoted_in_the_reason(score):
    result = score({"immunisations": "N/A"})["immunisations"]
    assert result.level is NOT_MET and "'N/A'" in result.reason


def test_partly_met_names_what_is_missing_and_advises(score):
    result = score({"immunisations": "Her immunisations are up to date."})["immunisations"]
    assert "no mention of specifics" in result.reason
    assert result.advice == ("Say which immunisations have been given or are outstanding.",)


def test_not_applicable_needs_the_explicit_phrase(score):
    assert score(only(medical_conditions="Unknown."))["medical_conditions"].level is NOT_MET


def test_not_applicable_only_where_the_rubric_allows_it(score):
    result = score(only(child_voice="Not known to the practice."))["child_voice"]
    assert result.level is NOT_MET


def test_explicit_not_known_does_not_hide_substantive_content(score):
    text = (
        "Dad is not registered with this practice. Mum has depression, no alcohol or drug use is recorded, "
        "and no domestic abuse is recorded."
    )
    assert score({"parental_health": text})["parental_health"].level is MET


def test_evidence_found_outside_the_named_section_is_quoted_from_where_it_is(score):
    texts = only(medical_conditions="Asthma treated with a reliever inhaler. Immunisations are up to date except the MMR, which is overdue.")
    result = score(texts)["immunisations"]
    assert result.level is MET
    assert {e.section_id for e in result.evidence} == {"medical_conditions"}
    assert "MMR" in result.evidence[0].quote


def test_strengths_written_in_the_analysis_count(score):
    texts = only(impact_analysis="Mum is warm and loving with Kayden; I observed her comforting him at every review this year.")
    assert score(texts)["working_well"].level is MET


def test_a_one_line_label_for_parental_health_is_present_but_not_specific(score):
    result = score(only(parental_health="Mental health."))["parental_health"]
    assert result.level is PARTLY
    assert result.reason.startswith("Some of mental health, substance misuse and domestic abuse are addressed")


def test_reasons_begin_with_the_level_description(score, rubric):
    for result in score({"worries": "Neglect.", "immunisations": "N/A"}).criteria:
        levels = rubric.criterion(result.criterion_id).levels
        wording = {MET: levels.met, PARTLY: levels.partly_met, NOT_MET: levels.not_met, NA: levels.not_applicable}[result.level]
        assert result.reason.startswith(wording.rstrip(".")), result.reason


def test_the_job_title_gives_the_role(score):
    result = score({"about_author": "I have seen Kayden twice; this report is drawn from the practice records."})["author_and_role"]
    assert result.level is MET
    assert any(e.field == "author.jobTitle" for e in result.evidence)
