"""Invented, realistic report text for the demo data."""

import random

TEXTS: dict[str, list[str]] = {
    "about_author": [
        "Written by the named clinician from the practice records and two consultations with {child} and their mother this year. Facts come from the records; my opinion is marked as such.",
        "I have known the family for 18 months. Information is taken from our case notes and from conversations with {child}'s father.",
    ],
    "worries": [
        "{child} was brought to the out-of-hours service twice in October with bruising to the upper arm; the explanations given differed each time (records, 3 and 17 October).",
        "Neighbours reported shouting and a child crying late at night on three occasions in September. {child} has arrived hungry at nursery on most Mondays this term.",
        "Mother disclosed that her partner pushed her against a wall while holding {child} (consultation, 12 September).",
    ],
    "danger_statement": [
        "The practice is worried that if mum's drinking continues in the evenings, {child} could be left without an adult able to respond if {child} is hurt or unwell at night, and could come to serious harm.",
        "Professionals are worried that if the arguments between the adults keep turning physical, {child} could be hit or fall while being held, and could be badly injured or live in fear at home.",
    ],
    "complicating_factors": [
        "Dad works away during the week. The family moved house twice this year and changed GP practice once, so records arrived late.",
        "Mum's anxiety makes it hard for her to attend appointments; the family has no car and the clinic is two buses away.",
    ],
    "working_well": [
        "{child} is warm and chatty with staff and clearly loves their grandmother, who visits every weekend. Mum asked for help herself in August.",
        "Dad has attended every appointment since the strategy meeting and has started the parenting course.",
    ],
    "existing_safety": [
        "When the arguments started last month, grandmother took {child} to her house for two nights and called the duty team.",
        "Mum has agreed that her partner does not stay overnight, and the neighbour confirms he has not been seen there since the strategy discussion.",
    ],
    "safety_goals": [
        "Everyone in the safety network will see that {child} is cared for every evening by a sober adult, checked by grandmother's visits and unannounced visits, for the next six months.",
        "{child} will say they feel safe at home and will be brought to every health appointment over the next three months.",
    ],
    "next_steps": [
        "The practice will offer mum a review of her medication within two weeks and share any missed appointments with the social worker on the same day.",
        "School will keep a daily log of {child}'s presentation and share it weekly with the social worker.",
    ],
    "child_voice": [
        "{child} told the nurse: \"I like it when Nana comes, she makes pancakes.\" {child} said bedtime is \"when the shouting stops\".",
        "{child} drew their family and put themselves next to the dog, saying \"he keeps me safe\".",
    ],
    "registration_attendance": [
        "{child} has been registered since birth; last seen 2 November for a chest infection, brought by mum. Attendance is mostly appropriate but with three out-of-hours visits this autumn.",
    ],
    "medical_conditions": ["{child} has mild asthma managed with a brown and a blue inhaler; the repeat prescription has not been collected since July."],
    "immunisations": ["The 12-month and pre-school boosters are overdue; two reminder letters were sent (May and August)."],
    "missed_appointments": ["{child} was not brought to two hospital paediatric appointments (June and September) or to the asthma review in October."],
    "parental_health": ["Mum has a history of depression and alcohol misuse (records since 2021); she declined a referral to the alcohol service in July. Her partner is not registered with the practice."],
    "history_of_abuse": ["No earlier child protection concerns are recorded for {child}. An older sibling was on a plan for neglect in 2019."],
    "impact_analysis": ["In my opinion the missed appointments and uncollected inhalers mean {child}'s asthma is poorly controlled, which together with mum's evening drinking leaves {child} at risk if they become breathless at night."],
    "attendance": ["Attendance is 84% this year (whole school 95%), with eleven late marks, most on Mondays."],
    "presentation": ["{child} often arrives without a coat and asks staff for breakfast. Friendships are good."],
    "learning": ["{child} is working slightly below the expected standard in reading; no SEN support at present."],
    "parental_engagement": ["Mum attends parents' evenings; dad has not been seen at school this year."],
    "treatment": ["Mum is prescribed methadone 40 ml daily, supervised consumption; two positive tests for cocaine in the last month."],
    "safe_storage": ["A lockable box was provided in September; at the last home visit the medication was stored in it."],
    "growth_development": ["{child}'s weight has fallen from the 50th to the 25th centile since the spring; development otherwise on track."],
    "home_environment": ["At the visit on 4 November the home was cold and there was no cot; {child} sleeps in the parents' bed."],
    "missed_contacts": ["Two no-access visits in October; the family did not respond to letters."],
    "incidents": ["Three domestic incidents at the address since July (11 July, 30 August, 2 October); {child} was present at two."],
    "offending": ["Mum's partner has a conviction for assault (2020) and is on bail with a condition not to contact his former partner."],
    "proceedings": ["Interim care order made 2 September; final hearing listed for next spring."],
    "guardian_analysis": ["The guardian supports the plan for {child} to remain with grandmother while assessments are completed."],
    "assessment": ["The section 47 enquiry found that {child} has suffered, and is likely to suffer, significant harm through neglect and exposure to domestic abuse."],
    "plan_progress": ["Most actions from the last conference are complete; the parenting assessment is delayed by two missed sessions."],
    "family_views": ["Mum says she wants to work with services and accepts that the drinking needs to stop; dad disagrees with the worries about the arguments."],
}
CARE_PLAN_VIEWS = [
    "The IRO agrees with the plan for {child} to remain with their grandmother under an interim care order, provided contact with mum stays supervised.",
    "Following the parenting assessment, the IRO supports the plan for a special guardianship order to the grandmother and asks that life-story work starts now.",
]


def section_text(section_id: str, rng: random.Random, child: str) -> list[str]:
    """Text for a section (or, for 'care_plan_view', each version of an IRO's view)."""
    if section_id == "care_plan_view":
        return [t.format(child=child) for t in CARE_PLAN_VIEWS]
    choices = TEXTS.get(section_id, ["Nothing further to add."])
    return [rng.choice(choices).format(child=child)]
