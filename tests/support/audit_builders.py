"""Invented, realistic GP contributions for the audit tests. All people and places are fictional."""

import copy
from typing import Any

GOOD_SECTIONS: dict[str, str] = {
    "about_author": (
        "I am Dr Asha Penrose, a GP partner at Riverside Surgery and Kayden's named GP. I have seen Kayden "
        "myself four times since 2024. The information below is taken from the practice records (EMIS), "
        "hospital letters and my own consultations."
    ),
    "worries": (
        "Practice records show Kayden (3) attended A&E on 14/08/2026 with bruising to both upper arms; the "
        "discharge letter records mum's account that he fell from a sofa. He was not brought to three "
        "appointments since March 2026, including his hearing test."
    ),
    "registration_attendance": (
        "Kayden has been registered with the practice since birth (June 2023). He attends about four times a "
        "year, which is appropriate for his age and asthma. He is usually brought by his mother, Jade Marsh. "
        "He was last seen on 02/09/2026 by the practice nurse for an asthma review."
    ),
    "medical_conditions": (
        "Kayden has mild asthma, diagnosed in 2025, treated with a blue reliever inhaler. Prescriptions have "
        "been collected only twice this year, so treatment is not followed consistently. His development was "
        "recorded as normal at his 2-year review; speech is a little delayed."
    ),
    "immunisations": (
        "Primary immunisations were completed on time. The MMR due at 12 months is overdue: two invitations "
        "were sent and not answered. The pre-school booster is not yet due."
    ),
    "missed_appointments": (
        "Kayden was not brought to three appointments in 2026 (hearing test in March, asthma review in May, "
        "dental referral in July). He attended A&E twice this year and the out-of-hours service once."
    ),
    "parental_health": (
        "Mum (Jade Marsh) has a history of depression and anxiety and takes sertraline; she told me in July "
        "her mood is low. Records note alcohol use above recommended limits in 2025. A MARAC notification in "
        "April 2026 records domestic abuse by her former partner. Kayden lives with mum and his sister Tia "
        "(7 months); both are registered with the practice. No health concerns are recorded for Tia."
    ),
    "history_of_abuse": (
        "Kayden's older half-brother was on a child protection plan for neglect in 2021 (records from "
        "Easterby children's services)."
    ),
    "impact_analysis": (
        "In my view mum's low mood and drinking mean that she is less able to notice when Kayden is unwell "
        "and to take him to appointments. This has led to missed asthma care, which puts him at risk of a "
        "serious asthma attack, and he has been exposed to domestic abuse at home."
    ),
    "danger_statement": (
        "The practice is worried that if mum keeps drinking and does not bring Kayden to his asthma reviews, "
        "he could have a severe asthma attack at home without help and be seriously hurt."
    ),
    "complicating_factors": "Mum has changed mobile number three times this year, so text reminders fail.",
    "working_well": (
        "Mum is warm and affectionate with Kayden: I observed her comforting him gently at the asthma review "
        "on 02/09/2026. She brought Tia to all her 8-week checks."
    ),
    "existing_safety": "Grandmother has taken Kayden to two appointments when mum could not.",
    "safety_goals": (
        "Mum will make sure Kayden has his inhaler every day and is brought to every asthma review. Kayden "
        "will be able to breathe easily and play at nursery. The practice will see him at each review and "
        "prescriptions collected every month, for at least six months."
    ),
    "next_steps": "The practice will send reminders by letter and tell the social worker about any missed appointment.",
    "child_voice": (
        'Kayden is three. At his review he said "my chest hurts when I run" and told the nurse he likes '
        "playing football with Tia. He seemed tired and quiet."
    ),
    "other_information": "",
}


from portal.settings import ROOT

RUBRIC_FILE = ROOT / "agencies" / "rubrics" / "gp.toml"


def contribution(texts: dict[str, str | None] | None = None, /, **fields: Any) -> dict[str, Any]:
    """A submitted GP contribution in the API's JSON shape; `texts` overrides or removes (None) section texts."""
    merged = dict(GOOD_SECTIONS)
    for key, value in (texts or {}).items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    data: dict[str, Any] = {
        "id": "123",
        "status": "SUBMITTED",
        "agencyId": "gp",
        "version": 2,
        "organisation": {"id": "7", "name": "Riverside Surgery", "code": "Y01234", "laSlug": "easterby"},
        "author": {"id": "9", "name": "Dr Asha Penrose", "jobTitle": "GP partner"},
        "submittedAt": "2026-10-01T09:00:00+00:00",
        "sharedWithFamilyOn": "2026-09-30",
        "sections": [
            {"id": key, "title": key.replace("_", " ").capitalize(), "text": {"source": text, "html": f"<p>{text}</p>"}}
            for key, text in merged.items()
        ],
        "scales": [{"childId": "4", "score": 3}, {"childId": "5", "score": 4}],
        "invitation": {
            "id": "55",
            "reportDueAt": "2026-10-02T10:00:00+00:00",
            "familyDueAt": "2026-09-30T17:00:00+00:00",
        },
        "conference": {
            "id": "31",
            "kind": "ICPC",
            "scheduledAt": "2026-10-05T10:00:00+00:00",
            "laSlug": "easterby",
            "children": [{"id": "4"}, {"id": "5"}],
        },
    }
    for key, value in fields.items():
        data[key] = copy.deepcopy(value)
    return data
