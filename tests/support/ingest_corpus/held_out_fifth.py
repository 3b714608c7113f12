"""Held-out layouts, fifth batch: four invented reports (families N, P, Q and R, written for this batch only) in the
shapes GP clinical systems print, plus one partnership prompt form that keeps its guidance text. Written, labelled
and committed before they were first scored; nothing in portal/ingest, portal/audit or agencies/ is tuned on them.

- EMIS Web-style print: a patient banner table, shaded template bars in the template's own words, coded problem
  and vaccination tables beside free text (family N, a careful report).
- SystmOne-style questionnaire print: a two-column table whose first row is "Question | Answer", the
  template's questions on the left (family P, a middling report, a teenager).
- Vision-style record print: patient details lines, bulleted significant problems, a vaccination table, journal
  entries each opened by a bold date-and-clinician line, then the GP's summary as paragraphs with no headings
  (family Q, a baby).
- A four-question health template letter (numbered long questions as headings, each answered by several
  paragraphs covering several sections; family R, a poor report about two siblings).
- A partnership's prompt form whose printed guidance (italic, grey, bulleted) stays under each prompt, answered
  beneath (family N again).

Every paragraph's section was decided from the agency file's section titles and help text alone (see
README.md). Everyone and everywhere here is invented.
"""

from fpdf.fonts import FontFace

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit

N_CHILD = "Jayden Reyes-Corliss"
N = {
    "about_author": [
        "This report has been written by Dr Farah Qureshi, GP partner at Sallowfield Surgery. I have known Jayden "
        "since he registered in March 2021 and have seen him three times this year. The information comes from his "
        "electronic record, letters from Norbridge General Hospital and the health visitor's entries in our notes.",
    ],
    "worries": [
        "Norbridge Children's Services asked for this conference after Jayden was taken to the emergency department "
        "with bruising to both upper arms on 14 October 2026.",
        "The emergency department letter of 14 October records fingertip-pattern bruising to both upper arms and a "
        "healing bruise on the left cheek. Ms Reyes told the doctor that Jayden had fallen from the sofa; the "
        "paediatrician's opinion was that the pattern fits gripping more than a fall.",
    ],
    "medical_conditions": [
        "Jayden's eczema is moderate and flares when his emollients run out. Repeat prescriptions were requested "
        "twice in the last twelve months, far fewer than he needs. The health visitor's two-year review noted he "
        "used about ten words, and he was referred to speech and language therapy in March 2026.",
    ],
    "immunisations": [
        "The second MMR dose and the pre-school booster are outstanding. The practice nurse sent three invitations "
        "and Ms Reyes declined the last one, saying she would wait until Jayden starts school.",
    ],
    "registration_attendance": [
        "Jayden has been registered here since March 2021, when the family moved from Kellingford. He was last "
        "seen on 16 October 2026 for a review after the hospital attendance. He is usually brought by his mother; "
        "her partner has brought him once.",
    ],
    "missed_appointments": [
        "He was not brought to the speech and language therapy appointment on 2 June 2026 or to the eczema review "
        "on 8 August 2026. There were four out-of-hours contacts this year, three for minor illness and one for "
        "the injury in October.",
    ],
    "history_of_abuse": [
        "In 2024 the health visitor referred the family to children's social care after finding the home without "
        "heating in January; the assessment closed with no further action. There have been no child protection "
        "plans for Jayden or his older brother.",
    ],
    "parental_health": [
        "Ms Shanice Reyes has depression, treated with sertraline since 2025, and has missed her last two "
        "medication reviews. In September she told me that her partner, Mr Dean Corliss, shouts at her when he has "
        "been drinking. Mr Corliss is registered with another practice and we hold no record of his health.",
        "The household is Ms Reyes, Mr Corliss, Jayden and his brother Kai, who is nine.",
    ],
    "complicating_factors": [
        "The family have moved three times in two years and hospital letters have gone to an old address. Ms Reyes "
        "works night shifts and finds daytime appointments hard to reach.",
    ],
    "impact_analysis": [
        "In my opinion Jayden's care is least consistent when his mother's mood is low and there is tension at "
        "home: that is when appointments are missed, his emollients run out and, it seems, when he was hurt.",
    ],
    "danger_statement": [
        "I am worried that if Jayden continues to be handled roughly by an adult at home he could suffer a more "
        "serious injury, and at four, with little speech, he cannot tell anyone what happened.",
    ],
    "working_well": [
        "Ms Reyes has brought Jayden promptly whenever he has been unwell, and the health visitor describes warm, "
        "playful time between them at her last visit.",
    ],
    "existing_safety": [
        "When Mr Corliss was drinking heavily in the summer, Ms Reyes arranged for both boys to stay with their "
        "grandmother for two weeks.",
    ],
    "safety_goals": [
        "I would want to see Jayden brought to every health appointment, his mother able to say who looks after him "
        "each evening, and no further unexplained marks, for at least six months.",
    ],
    "next_steps": [
        "The practice will book the outstanding vaccinations with a named nurse and will tell the social worker of "
        "any missed appointment within one working day. I will review Jayden's eczema by 30 November 2026.",
    ],
    "child_voice": [
        "Jayden is four and his speech is limited. At his review he was shy, stayed on his mother's lap and said "
        "nothing about home.",
    ],
}

P_CHILD = "Tegan Marsh"
P = {
    "conference_date": "24/11/2026",
    "about_author": "Dr Owen Pickersgill, locum GP. I have not met Tegan; this is taken from the records.",
    "registration_attendance": "Registered since 2012. Seen rarely - last consultation 3 July 2026 (sore throat), attended alone.",
    "history_of_abuse": "Known to social care in 2019 (neglect, child in need plan).",
    "medical_conditions": "Asthma - salbutamol inhaler, not requested since January.",
    "immunisations": "HPV given in Year 8. Teenage booster (Td/IPV) and MenACWY not yet given - due this school year.",
    "missed_appointments": "Two A&E attendances in 2026: March (intoxicated, brought by police) and August (cut to "
                           "forearm). Was not brought / did not attend the CAMHS first appointment on 9 September 2026.",
    "parental_health": "Mum - alcohol dependence, on our records since 2017, not engaging with services. Father not "
                       "registered with us.",
    "household": "Mum's partner and a half-brother aged 3. Nothing known about the partner.",
    "worries": "School nurse report (September 2026) that Tegan has been staying out overnight and has been seen "
               "getting into cars with older men.",
    "worries_2": "Self-harm - superficial cuts to both forearms seen by the school nurse, CAMHS referral made in August.",
    "impact_analysis": "Mum's drinking means there is little supervision at home and Tegan seems to be looking for "
                       "care elsewhere.",
    "danger_statement": "Risk of exploitation.",
    "working_well": "Tegan is still going to school most days.",
    "next_steps": "Practice to re-refer to CAMHS. Offer booster at next contact.",
    "child_voice": "Not known.",
}

Q_CHILD = "Oscar Penhaligon"
Q = {
    "problems": [
        "14/03/2026 Weight faltering - under the paediatric dietitian",
        "02/08/2025 Positional talipes, resolved with physiotherapy",
    ],
    "immunisations": "12-month vaccines (MMR, Hib/MenC, PCV booster, MenB booster) not yet given: two appointments "
                     "were not attended.",
    "journal": [
        ("05/10/2026 Dr A Lindqvist - surgery", "worries",
         "Brought by father. Weight 8.4 kg, now below the 0.4th centile. Health visitor worried Oscar is not being "
         "offered enough food during the day; father says mother is often in bed until he gets home."),
        ("02/09/2026 Practice nurse - did not attend", "missed_appointments",
         "Not brought for 12-month immunisations, the second appointment missed after 19 August. Letter sent and "
         "health visitor told."),
        ("11/07/2026 Dr A Lindqvist - telephone", "parental_health",
         "Mother, Mrs Jess Penhaligon, phoned: low mood since Oscar's birth, not sleeping, drinking wine most "
         "nights to switch off. PHQ-9 score 19. Sertraline restarted and perinatal mental health referral made."),
        ("28/05/2026 Out of hours (NHS 111)", "missed_appointments",
         "Call from father at 02:10, Oscar vomiting, advised to attend the urgent treatment centre. Third "
         "out-of-hours contact this year."),
    ],
    "summary": [
        ("about_author",
         "I am Dr Anneli Lindqvist, a GP partner at Trevena Surgery and the practice's safeguarding lead. I have "
         "seen Oscar four times since June and his mother twice; the entries above are copied from his record and "
         "what follows is my own summary."),
        ("registration_attendance",
         "Oscar has been registered since birth and is seen often, almost always brought by his father, "
         "Mr Rhys Penhaligon. He was last seen on 5 October 2026."),
        ("history_of_abuse",
         "There are no earlier safeguarding records for Oscar, his parents or his sister Elowen, aged six."),
        ("impact_analysis",
         "My opinion is that Oscar's weight has faltered because his mother's depression and drinking leave her "
         "unable to feed him regularly while his father is at work, and the missed vaccinations follow the same "
         "pattern."),
        ("danger_statement",
         "I am worried that if Mrs Penhaligon remains too unwell to feed and care for Oscar during the day and "
         "nobody else is there, he will keep losing weight and could become seriously ill."),
        ("working_well",
         "Mr Penhaligon has brought Oscar to every appointment he could and keeps the food diary the health "
         "visitor asked for. Elowen is thriving and goes to school every day."),
        ("existing_safety",
         "Since September Oscar's grandmother has come in at lunchtime on the days his father works, and his "
         "weight held steady in those weeks."),
        ("complicating_factors",
         "The family live in a village with one bus a day, and Mr Penhaligon cannot take more time off work "
         "without risking his job."),
        ("safety_goals",
         "The practice would like to see Oscar fed regularly by an adult who is well enough to do it, gaining "
         "weight at each fortnightly weigh-in, for the next three months."),
        ("next_steps",
         "I will see Mrs Penhaligon again within two weeks and chase the perinatal referral; the practice nurse "
         "will offer Oscar's vaccinations at his weigh-in on 20 November 2026."),
        ("child_voice",
         "Oscar is too young to give his views. At the last visit he was quiet and watchful, and he brightened "
         "when his sister played with him."),
    ],
}

R_CHILDREN = "Ruby Dunmore (DOB 11/05/2018) and Alfie Dunmore (DOB 30/01/2021)"
R = [
    ("1. Please provide a short summary of the child's present health and indicate any current significant health "
     "issues, including those not yet addressed.", [
         ("medical_conditions", "Ruby (8): constipation, on laxatives. Alfie (5): nil significant."),
         ("immunisations", "Imms UTD for both."),
         ("registration_attendance", "Both registered since 2020. Last seen Ruby 22/09/2026, Alfie 04/06/2026. "
                                     "Brought by mum."),
         ("missed_appointments", "Ruby WNB x2 for the paediatric continence clinic this year."),
     ]),
    ("2. Please give a summary of any health issues of the parents or carers which may affect their ability to care "
     "for the child.", [
         ("parental_health", "Mum - depression. Dad - not registered here."),
         ("complicating_factors", "Mum says she finds it hard to get the children to appointments as she has no car."),
     ]),
    ("3. Please give the GP's knowledge of the family and any concerns you have.", [
        ("about_author", "I am one of the GPs at the practice. I do not know the family well."),
        ("worries", "Neglect."),
        ("history_of_abuse", "Previous CIN involvement."),
        ("working_well", "Mum seems to love the children."),
    ]),
    ("4. Any other relevant information.", [
        ("other_information", "The practice is happy to be contacted for further information."),
        ("next_steps", "Will continue to see as required."),
    ]),
]

# The tables of the clinical-system prints, kept as rows so the scorer's copy of a report can show them as lines.
TABLES: dict[str, list[tuple[str, ...]]] = {}


def _table(b: Builder, section: str, rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> None:
    b.table(section, rows, widths)
    TABLES[b.units[-1].text] = rows


def _bar(b: Builder, text: str) -> None:
    """An EMIS-style shaded template bar across the page."""
    b.room(25)
    b.pdf.ln(2)
    b.pdf.set_fill_color(215, 222, 232)
    b.pdf.set_font(b.font, "B", 10)
    b.pdf.cell(0, 6, text, fill=True, new_x="LMARGIN", new_y="NEXT")
    b.pdf.ln(1.5)
    b.headings.append(text)


def emis_web_print() -> Layout:
    b = Builder("emis web print", True, "EMIS Web | Printed by Dr F Qureshi 02-Nov-2026 14:12 | Sallowfield Surgery",
                "CONFIDENTIAL - contains patient identifiable information")
    b.heading("Child Protection Conference Report - General Practice", 13)
    _table(b, OTHER, [("Patient", "Date of birth", "NHS number", "Usual GP"),
                      (N_CHILD, "07-Jun-2022", "943 221 7760", "Dr F Qureshi")], (55, 35, 40, 55))
    _bar(b, "Reason For Report")
    b.para("worries", N["worries"][0])
    _bar(b, "Professional Involvement")
    b.para("about_author", N["about_author"][0])
    _bar(b, "Active Problems")
    _table(b, "medical_conditions", [("Date", "Problem", "Comment"),
                                     ("14-Sep-2023", "Atopic eczema", "Emollients on repeat"),
                                     ("11-Mar-2026", "Delayed speech", "Referred to SALT")], (35, 55, 95))
    b.para("medical_conditions", N["medical_conditions"][0])
    _bar(b, "Immunisations")
    _table(b, "immunisations", [("Date", "Vaccination", "Stage"),
                                ("09-Aug-2022", "DTaP/IPV/Hib/HepB", "1st, 2nd, 3rd"),
                                ("12-Jun-2023", "MMR", "1st"),
                                ("12-Jun-2023", "Hib/MenC, PCV, MenB", "Boosters")], (35, 90, 60))
    b.para("immunisations", N["immunisations"][0])
    _bar(b, "Attendance Summary")
    b.para("registration_attendance", N["registration_attendance"][0])
    b.para("missed_appointments", N["missed_appointments"][0])
    _bar(b, "Safeguarding Concerns")
    b.para("worries", N["worries"][1])
    b.para("history_of_abuse", N["history_of_abuse"][0])
    _bar(b, "Parent / Carer Factors")
    for s, n in (("parental_health", 0), ("parental_health", 1), ("complicating_factors", 0)):
        b.para(s, N[s][n])
    _bar(b, "Risk Assessment")
    b.para("impact_analysis", N["impact_analysis"][0])
    b.para("danger_statement", N["danger_statement"][0])
    _bar(b, "Protective Factors")
    b.para("working_well", N["working_well"][0])
    b.para("existing_safety", N["existing_safety"][0])
    _bar(b, "Child's Views")
    b.para("child_voice", N["child_voice"][0])
    _bar(b, "Recommendations")
    b.para("safety_goals", N["safety_goals"][0])
    b.para("next_steps", N["next_steps"][0])
    return b.done()


def systmone_questionnaire() -> Layout:
    b = Builder("systmone questionnaire", True, "SystmOne | Questionnaire print | Harrowgate Road Surgery", "")
    b.heading("Safeguarding Children - Case Conference Report (GP)", 12)
    b.labelled(OTHER, "Patient", f"{P_CHILD} (F)   DOB 19 Feb 2012   NHS No. 917 503 6281", 9)
    rows = [
        ("Date of conference", [(OTHER, P["conference_date"])]),
        ("Completed by (name and role)", [("about_author", P["about_author"])]),
        ("GP knowledge of the child and family", [("registration_attendance", P["registration_attendance"]),
                                                  ("history_of_abuse", P["history_of_abuse"])]),
        ("Current health problems, medication and compliance", [("medical_conditions", P["medical_conditions"])]),
        ("Immunisation status", [("immunisations", P["immunisations"])]),
        ("A&E / out of hours / WNB", [("missed_appointments", P["missed_appointments"])]),
        ("Parent / carer health issues relevant to parenting", [("parental_health", P["parental_health"])]),
        ("Other household members", [("parental_health", P["household"])]),
        ("Concerns", [("worries", P["worries"]), ("worries", P["worries_2"])]),
        ("GP view of risk to the child", [("impact_analysis", P["impact_analysis"]),
                                         ("danger_statement", P["danger_statement"])]),
        ("Strengths / protective factors", [("working_well", P["working_well"])]),
        ("Recommended actions", [("next_steps", P["next_steps"])]),
        ("Child's views", [("child_voice", P["child_voice"])]),
    ]
    b.pdf.set_font(b.font, "", 9)
    with b.pdf.table(col_widths=(62, 123), first_row_as_headings=True,
                     headings_style=FontFace(emphasis="BOLD", fill_color=(200, 200, 200))) as t:
        t.row(("Question", "Answer"))
        for question, answers in rows:
            row = t.row()
            row.cell(question)
            row.cell("\n\n".join(text for _, text in answers))
    b.pdf.ln(3)
    b.units.extend(Unit(s, text) for _, answers in rows for s, text in answers)
    b.headings.extend(["Question", "Answer", *(q for q, _ in rows)])
    return b.done()


def vision_record_print() -> Layout:
    b = Builder("vision record print", True, "Vision | Trevena Surgery | Patient record print", "Printed 03/11/2026")
    b.heading("Report for Child Protection Conference", 13)
    b.labelled(OTHER, "Name", f"{Q_CHILD}   Born 09/09/2025   NHS number 958 114 0392", 9.5)
    b.labelled(OTHER, "Address", "2 Chapel Row, Porthkennack", 9.5)
    b.heading("Significant Problems", 10.5)
    for line in Q["problems"]:
        b.pdf.set_font(b.font, "", 9.5)
        b.pdf.multi_cell(0, 4.8, f"- {line}", new_x="LMARGIN", new_y="NEXT")
        b.pdf.ln(1)
        b.units.append(Unit("medical_conditions", line))
    b.heading("Immunisations", 10.5)
    _table(b, "immunisations", [("Date", "Vaccine", "Dose"),
                                ("04/11/2025", "DTaP/IPV/Hib/HepB, MenB, Rotavirus", "1"),
                                ("09/12/2025", "DTaP/IPV/Hib/HepB, PCV, Rotavirus", "2"),
                                ("13/01/2026", "DTaP/IPV/Hib/HepB, MenB", "3")], (30, 120, 35))
    b.para("immunisations", Q["immunisations"], 9.5)
    b.heading("Journal (last 6 months, selected entries)", 10.5)
    for label, section, text in Q["journal"]:
        b.runin(section, label, text, 9.5)
    b.heading("GP Summary for Conference", 10.5)
    for section, text in Q["summary"]:
        b.para(section, text)
    return b.done()


def four_question_letter() -> Layout:
    b = Builder("four question letter", True, "", "Moorgate Lane Medical Practice")
    b.para(OTHER, "Moorgate Lane Medical Practice, 14 Moorgate Lane, Ashcombe AS4 9QT", 9)
    b.heading("Report for Child Protection Case Conference", 12)
    b.para(OTHER, f"Re: {R_CHILDREN}")
    for question, answers in R:
        b.heading(question, 10, "B")
        for section, text in answers:
            b.para(section, text)
    return b.done()


def prompts_with_guidance() -> Layout:
    """A partnership's prompt form: each prompt in bold, its printed guidance in grey italic bullets, the answer
    beneath."""
    b = Builder("prompts with guidance", True, "Norbridge Safeguarding Children Partnership",
                "Format for professional reports to child protection conference")
    b.heading("Professional report: Initial Child Protection Conference", 13)
    b.labelled(OTHER, "Conference in respect of", N_CHILD)
    b.labelled(OTHER, "Report prepared by", "Dr Farah Qureshi, Sallowfield Surgery")
    prompts = [
        ("Overview of your agency's involvement with the child and family",
         ["Why are you involved with this family?", "How long have you been involved?"],
         [("about_author", N["about_author"][0]), ("registration_attendance", N["registration_attendance"][0])]),
        ("Health professionals: the child's health",
         ["Health needs, treatment and whether it is followed", "Immunisations, missed appointments"],
         [("medical_conditions", N["medical_conditions"][0]), ("immunisations", N["immunisations"][0]),
          ("missed_appointments", N["missed_appointments"][0])]),
        ("What are we worried about?",
         ["Factors or events that you consider pose a risk of significant harm to the child",
          "Past harm which has affected the child or family"],
         [("worries", N["worries"][1]), ("history_of_abuse", N["history_of_abuse"][0]),
          ("parental_health", N["parental_health"][0]), ("complicating_factors", N["complicating_factors"][0])]),
        ("Future danger - what do you believe could happen for this child if nothing changes?", [],
         [("danger_statement", N["danger_statement"][0]), ("impact_analysis", N["impact_analysis"][0])]),
        ("What is working well?", ["Identify family strengths and safe behaviours"],
         [("working_well", N["working_well"][0]), ("existing_safety", N["existing_safety"][0])]),
        ("What needs to happen for the child to be safe?",
         ["What would the family situation look like for you to see the child is safe?",
          "Describe what contribution your service can make to the child's plan"],
         [("safety_goals", N["safety_goals"][0]), ("next_steps", N["next_steps"][0])]),
        ("What can you say about the child's views on their situation?", [],
         [("child_voice", N["child_voice"][0])]),
    ]
    for prompt, guidance, answers in prompts:
        b.heading(prompt, 10.5)
        for line in guidance:
            b.pdf.set_font(b.font, "I", 8.5)
            b.pdf.set_text_color(90, 90, 90)
            b.pdf.multi_cell(0, 4.2, f"- {line}", new_x="LMARGIN", new_y="NEXT")
            b.headings.append(line)
        b.pdf.set_text_color(0, 0, 0)
        if guidance:
            b.pdf.ln(1.5)
        for section, text in answers:
            b.para(section, text)
    return b.done()


HELD_OUT_FIFTH = [emis_web_print, systmone_questionnaire, vision_record_print, four_question_letter,
                  prompts_with_guidance]
