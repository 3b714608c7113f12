"""Held-out layouts, seventh batch: six invented reports (families Hallworth, Nowicki, Blackett, Strachan, Ibbotson
and Whitlow, written for this batch only, the texts in the module itself) in shapes partnerships and practices
publish. Written, labelled and committed before they were first scored, by an author who did not read the ingestion
code or the agency file's vocabulary, aliases and examples.

- A partnership's health information form: a ruled table of questions with Yes / No / Not known columns, one of them
  crossed, and the details in a last column; then a short summary (Hallworth, middling).
- A practice's own template with a section for each member of the family, each child and each parent under their own
  name, with plain "Label:" items beneath (Nowicki, two brothers, careful and long).
- A short details block and a Signs of Safety three-column mapping ("What are we worried about?", "What's working
  well?", "What needs to happen?") written in clinical shorthand, then a scaling line (Blackett, poor).
- A letter to the conference chair on practice paper with no headings at all, a salutation and a sign-off (Strachan,
  a teenager, middling).
- An Assessment Framework report: a family profile table, a chronology of dated entries, then the three domains with
  their dimensions as italic subheadings (Ibbotson, a baby, careful).
- A partnership's numbered form (1.1, 2.3 ...) of short prompts answered tersely beneath, some with "None known"
  (Whitlow, two siblings, poor).

Every paragraph's section was decided from the agency file's section titles and help text alone, by what the
paragraph says rather than the heading it sits under (see README.md). Everyone and everywhere here is invented.
"""

from fpdf.fonts import FontFace

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit


def _plain(b: Builder, text: str, gap: float = 2.5) -> None:
    """A line that is part of the page but no paragraph of the report (a salutation, an address, a sign-off)."""
    b.pdf.set_font(b.font, "", 10)
    b.pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    b.pdf.ln(gap)
    b.headings.append(text)


def _yes_no_table(b: Builder, rows: list[tuple[str, str, list[Unit]]]) -> None:
    """Question | Yes | No | Not known | Details: one box crossed in each row, the details in the last column."""
    b.pdf.set_font(b.font, "", 8.5)
    head = FontFace(emphasis="BOLD", fill_color=(220, 220, 220))
    with b.pdf.table(col_widths=(52, 10, 10, 15, 98), first_row_as_headings=True, headings_style=head) as t:
        t.row(["Question", "Yes", "No", "Not known", "Details (give dates and sources)"])
        for question, answer, details in rows:
            row = t.row()
            row.cell(question, style=FontFace(emphasis="BOLD"))
            for option in ("Yes", "No", "Not known"):
                row.cell("X" if option == answer else "")
            row.cell("\n\n".join(u.text for u in details))
    b.pdf.ln(3)
    b.units.extend(u for _, _, details in rows for u in details)
    b.headings.extend(q for q, _, _ in rows)


def yes_no_not_known_form() -> Layout:
    """Kelsmere Safeguarding Children Partnership's health information form, filled in by a salaried GP (middling)."""
    b = Builder("yes no not known form", True, "Kelsmere Safeguarding Children Partnership",
                "Health information for child protection conference - OFFICIAL SENSITIVE when complete")
    b.heading("Health Information for Child Protection Conference: General Practice", 13)
    b.table(OTHER, [("Child", "DOB", "NHS no.", "Conference"), ("Lennon Hallworth", "22/07/2020", "482 915 3307", "ICPC 15/12/2026")],
            (55, 30, 40, 60))
    b.table(OTHER, [("Practice", "Completed by", "Date"), ("Birchfield Surgery, 40 Tanyard Street, Kelsmere KE4 8PW", "Dr Bethan Iorwerth, salaried GP", "08/12/2026")],
            (80, 70, 35))
    b.heading("Part A: about the person completing this form", 10.5)
    b.para(
        "about_author",
        "I am a salaried GP at Birchfield Surgery and have seen Lennon twice myself, most recently in November. "
        "His usual GP has left the practice. I have completed this form from Lennon's electronic record, his "
        "mother's record and the letters from Kelsmere General Hospital; I have not spoken to the family about it.",
    )
    b.heading("Part B: health information (cross one box for each question)", 10.5)
    _yes_no_table(b, [
        ("Is the child registered with your practice?", "Yes", [Unit(
            "registration_attendance",
            "Registered here since birth. Seen in the surgery six times in the last year, nearly always brought by "
            "his mother, once by his maternal grandmother. Last seen 19/11/2026 with a cough.")]),
        ("Does the child have any ongoing health condition, disability or developmental concern?", "Yes", [Unit(
            "medical_conditions",
            "Eczema on both arms and behind the knees, treated with emollient and a mild steroid cream; repeat "
            "prescriptions are collected only every three or four months, so it is probably not used daily. Speech "
            "delay: referred to speech and language therapy by the health visitor in March 2026.")]),
        ("Are the child's immunisations up to date?", "No", [Unit(
            "immunisations",
            "The pre-school booster and second MMR are outstanding. Invitations were sent in September and "
            "October 2026 with no reply; nothing has been declined.")]),
        ("Has the child not been brought to any health appointments in the last 12 months?", "Yes", [Unit(
            "missed_appointments",
            "Not brought to two speech therapy appointments (May and July 2026), so he was discharged back to the "
            "health visitor. Not brought to a practice nurse review of his eczema in August.")]),
        ("Has the child attended A&E, urgent care or out of hours in the last 12 months?", "Yes", [
            Unit("missed_appointments",
                 "June 2026: Kelsmere urgent treatment centre with a cut to his chin after a fall from a bunk bed, "
                 "glued and sent home."),
            Unit("worries",
                 "27/10/2026: Kelsmere General Hospital with a scald to the back of his left hand and wrist. The "
                 "discharge letter says his mother's account changed between triage and the doctor's review and that "
                 "the hospital made the safeguarding referral which led to this conference.")]),
        ("Is there any previous history of abuse or neglect of this child or a sibling?", "Not known", [Unit(
            "history_of_abuse",
            "Nothing is coded in Lennon's record. His mother has an older son who lives with his father in another "
            "area and is not registered here, so I cannot say whether there were concerns about him.")]),
        ("Is there any parental or carer mental ill health?", "Yes", [Unit(
            "parental_health",
            "Ms Jolene Hallworth has had depression since 2021 and takes sertraline 100 mg daily. She saw me in "
            "October and said her mood had been low since the summer and she was not sleeping.")]),
        ("Is there any parental or carer alcohol or substance misuse?", "Not known", [Unit(
            "parental_health",
            "Nothing recorded for Ms Hallworth. Her partner, Mr Kieran Tennant, is not registered with us. In "
            "October Ms Hallworth said he drinks heavily at weekends.")]),
        ("Is domestic abuse known, suspected or disclosed?", "No", [Unit(
            "parental_health",
            "None recorded. Ms Hallworth was asked at her review in October and said no.")]),
        ("Has the child expressed a view or said anything about home?", "Not known", [Unit(
            "child_voice",
            "Lennon has not been seen on his own. At the November visit he said the scald was from the hot tap and "
            "that he likes helping Mummy in the kitchen.")]),
    ])
    b.heading("Part C: summary and the practice's view", 10.5)
    b.para(
        "impact_analysis",
        "Lennon's health needs are mostly met but only when something goes wrong: routine care such as his "
        "immunisations, eczema treatment and speech therapy slips. I think this fits with his mother's low mood "
        "over the last six months, and the scald is the first injury with an account that does not hold together.",
    )
    b.para(
        "next_steps",
        "The practice will offer the outstanding immunisations at the next appointment, review Ms Hallworth's "
        "depression within four weeks, and send the conference's outcome to the health visitor.",
    )
    return b.done()


def family_member_template() -> Layout:
    """Ferndale Medical Group's own template: a part for each child and each parent, plain labels within (careful)."""
    b = Builder("family member template", True, "Ferndale Medical Group, Ferndale Road, Brackenford BF2 6LQ",
                "Confidential: prepared for the child protection conference only")
    b.heading("General Practice Report to Initial Child Protection Conference", 14)
    b.labelled(OTHER, "Children", "Oskar Nowicki (DOB 04/03/2017) and Lukasz Nowicki (DOB 19/09/2023)")
    b.labelled(OTHER, "Conference", "Brackenford Civic Centre, 10 December 2026, 10:00")
    b.heading("1. Author of this report", 12)
    b.para(
        "about_author",
        "I am Dr Eoghan Devlin, a GP partner at Ferndale Medical Group and its lead for safeguarding children. I have "
        "known the family since they joined the practice in 2019 and have seen Oskar for his ADHD reviews. In "
        "preparing this report I read the records of all four family members, the school nurse's notes shared "
        "with us on 2 December, letters from the community paediatrician and from Brackenford Hospital's "
        "children's ward, and I discussed the family with our practice nurse and with the health visitor, Ms "
        "Nadine Corran.",
    )
    b.para(
        "about_author",
        "The parents know this report is being written. I discussed its contents with Mrs Nowicka by telephone on "
        "7 December; Mr Nowicki did not return my calls.",
    )
    b.heading("2. The children", 12)
    b.heading("2.1 Oskar Nowicki, aged 9", 11)
    b.labelled("registration_attendance",
               "Registration and contact",
               "Registered since June 2019. Seen eleven times in the last year, mainly for medication reviews; "
               "always brought by his mother. Last seen by me on 24 November 2026.")
    b.labelled("medical_conditions",
               "Health and development",
               "Oskar has ADHD, diagnosed by the community paediatrician in 2023, and takes a long-acting "
               "stimulant medicine each school morning. He grows steadily along the 25th centile. His mother "
               "says he sleeps poorly and is often angry after school; the school reports he is behind in "
               "reading and writing.")
    b.labelled("immunisations", "Immunisations", "Up to date, including the pre-school booster given in 2021.")
    b.labelled("missed_appointments",
               "Appointments not attended",
               "He was not brought to two paediatric ADHD reviews, in February and August 2026, both times when "
               "his father was meant to take him. Prescriptions were still issued so that his treatment did not stop.")
    b.labelled("worries",
               "Current concern",
               "On 30 November Oskar told his teacher that his father had hit him with a belt because he would "
               "not go to bed. The school nurse saw two linear bruises on the back of his left thigh that day "
               "and photographed them. I have not examined Oskar since; he was seen by the paediatrician on 1 "
               "December, whose report I have not yet received.")
    b.labelled("history_of_abuse",
               "Previous concerns",
               "In 2021 Oskar came to the surgery with a bruise on his cheek which his mother said came from a "
               "fall on a climbing frame. It was recorded, not referred, and there is no other entry of concern.")
    b.labelled("child_voice",
               "Oskar's views",
               "When I saw him in November Oskar said that tablets make school \"less loud\", and that the worst "
               "thing at home is \"when Tata shouts at Mama\". He asked if he could have his medicine at weekends "
               "too.")
    b.heading("2.2 Lukasz Nowicki, aged 3", 11)
    b.labelled("registration_attendance",
               "Registration and contact",
               "Registered at birth. Seen seven times this year, mostly with wheeze, always with his mother.")
    b.labelled("medical_conditions",
               "Health and development",
               "Recurrent viral-induced wheeze treated with a blue inhaler through a spacer; one admission to the "
               "children's ward in January 2026 for two nights. His development was on track at his two-year "
               "review, apart from a small number of words, which was thought to reflect a bilingual home.")
    b.labelled("immunisations", "Immunisations", "All given on time except the flu nasal spray, which his mother declined in 2025 and accepted this autumn.")
    b.labelled("missed_appointments",
               "Urgent and out-of-hours care",
               "Four out-of-hours calls for wheeze this year, all late at night, each appropriate and each followed "
               "up by the practice the next day.")
    b.heading("3. The parents", 12)
    b.heading("3.1 Zuzanna Nowicka (mother)", 11)
    b.labelled("parental_health",
               "Relevant health",
               "Mrs Nowicka has generalised anxiety and panic attacks, treated with citalopram and a course of "
               "talking therapy in 2025. In a consultation on 13 October she said she was frightened of her "
               "husband's temper when he has been drinking, but did not want anything done about it.")
    b.labelled("working_well",
               "Care of the children",
               "She brings both boys to every appointment she is responsible for, knows their medicines and doses, "
               "and asked for help with Oskar's behaviour before anyone else raised it.")
    b.heading("3.2 Bartek Nowicki (father)", 11)
    b.labelled("parental_health",
               "Relevant health",
               "Mr Nowicki was treated for alcohol dependence in 2020 with a supervised detoxification by the "
               "community alcohol team. His liver tests in March 2026 were raised again. He has declined referral "
               "back to the alcohol service twice this year, saying he has it under control.")
    b.labelled("parental_health",
               "Contact with the practice",
               "He attends rarely and has not been seen since March. He has no mental health history recorded.")
    b.heading("4. Other members of the household", 12)
    b.para(
        OTHER,
        "Mrs Nowicka's brother stays with the family for several weeks at a time. He is not registered with this "
        "practice and I hold no information about him.",
    )
    b.heading("5. Analysis", 12)
    b.para(
        "impact_analysis",
        "My view is that the boys' health care rests almost entirely on their mother, and that it is good when she "
        "is able to give it. When their father is responsible, appointments are missed, and his drinking, which "
        "he has not accepted help for, coincides with what Oskar describes: shouting, and now being hit.",
    )
    b.para(
        "danger_statement",
        "I am worried that if Mr Nowicki's drinking goes on unchecked, Oskar will be hit again and hurt more "
        "seriously, and that Lukasz, who is too young to tell anyone, will be hurt or frightened in the same way.",
    )
    b.para(
        "complicating_factors",
        "Mrs Nowicka's anxiety and her fear of her husband may make it hard for her to tell professionals when "
        "things go wrong at home, and her first language is Polish: we have used an interpreter for every "
        "consultation about her own health.",
    )
    b.heading("6. Recommendations", 12)
    b.para(
        "next_steps",
        "I recommend that Mr Nowicki is offered referral to Brackenford Community Alcohol Service again, that the "
        "practice books Oskar's missed paediatric review with his mother, and that I see Mrs Nowicka within two "
        "weeks with an interpreter to discuss support for domestic abuse. The practice will send the paediatric "
        "report to the social worker when it arrives.",
    )
    b.para(
        "safety_goals",
        "For the boys to be safe, their father would need to be sober whenever he looks after them, and Oskar "
        "should be able to tell his teacher and me, over the next six months, that no one at home hits him.",
    )
    return b.done()


def mapping_shorthand() -> Layout:
    """Haddon Cross Surgery: a details block and a Signs of Safety three-column mapping in shorthand (poor)."""
    b = Builder("mapping shorthand", True, "Haddon Cross Surgery", "GP report - child protection conference")
    b.heading("GP report for child protection conference", 13)
    b.labelled(OTHER, "Child", "Tilly Blackett, DOB 11/05/2022")
    b.labelled(OTHER, "Mother", "Roxanne Blackett")
    b.labelled(OTHER, "Mother's partner", "Ritchie Pascoe (not our patient)")
    b.labelled("about_author", "Completed by", "Dr M Latimer GP, from records only, family not seen for report")
    b.heading("Agency involvement", 11)
    b.para(
        "registration_attendance",
        "Tilly reg here since birth. Seen x3 in 2026 (rash, ear infection, cough), all with mum. Last seen 02/10/26.",
    )
    b.grid([
        ("What are we worried about?", [
            Unit("worries", "Nursery reported bruising L upper arm 20/11 (fingertip pattern per SW). Not seen by GP."),
            Unit("parental_health", "Mum on methadone 45 ml daily via community drug team, reports using heroin on top "
                                    "occasionally. Missed 2 pharmacy pick ups Nov."),
            Unit("missed_appointments", "WNB x2 hearing test (audiology) 2026."),
            Unit("immunisations", "Imms: pre-school booster not given."),
        ]),
        ("What's working well?", [
            Unit("working_well", "Tilly always clean and appropriately dressed at appts. Mum affectionate with her."),
            Unit("existing_safety", "Maternal gran has Tilly most weekends and when mum unwell. Methadone kept in "
                                    "locked box (checked by CDT Oct)."),
        ]),
        ("What needs to happen?", [
            Unit("next_steps", "Practice to rebook audiology and booster, send copy of report to CDT keyworker."),
            Unit("safety_goals", "Mum to stay stable on script with no extra use, so Tilly is looked after by a sober "
                                 "adult every day."),
        ]),
    ])
    b.runin(OTHER, "Scaling:", "4/10 (0 = Tilly will be harmed, 10 = safe enough for the case to close).")
    _plain(b, "Dr M Latimer, 07/12/2026")
    return b.done()


def chair_letter() -> Layout:
    """A letter from the Glenmore Practice to the conference chair, no headings (middling)."""
    b = Builder("chair letter", True, "The Glenmore Practice, 3 Kirkgate, Ravensmoor RV9 2DN  Tel 01784 220913")
    _plain(b, "Ms F Abernethy\nIndependent Chair, Child Protection Conferences\nRavensmoor Council, Children's Services", 4)
    _plain(b, "4 December 2026")
    b.heading("Re: Eilidh Strachan, DOB 02/08/2013, 14 Loch View, Ravensmoor", 10.5)
    _plain(b, "Dear Ms Abernethy,")
    b.para(
        "about_author",
        "Thank you for your invitation to the initial child protection conference on 11 December. I am unable to "
        "attend because of surgery commitments and write instead. I am Eilidh's GP and have been the family's "
        "doctor for about eight years; this letter is based on our records and my own consultations with Eilidh "
        "and her mother.",
    )
    b.para(
        "registration_attendance",
        "Eilidh has been registered with us since she was a baby. We saw her only once or twice a year until this "
        "spring, but five times since April, twice on her own at her request. She was last seen on 25 November.",
    )
    b.para(
        "medical_conditions",
        "She has mild asthma, well controlled with a preventer inhaler. In May she told me she had been cutting "
        "her forearms for several months; the cuts were superficial and healing. I referred her to Ravensmoor "
        "CAMHS, who have seen her twice and diagnosed low mood with anxiety. She is not on any medication for "
        "this.",
    )
    b.para(
        "parental_health",
        "Her mother, Mrs Moira Strachan, has a long history of alcohol misuse, with two hospital admissions for "
        "withdrawal seizures, in 2020 and in August this year. Her liver tests are abnormal and she has not kept "
        "her appointments with the liver clinic. She told me in September that she drinks a bottle of vodka most "
        "days.",
    )
    b.para(
        "history_of_abuse",
        "You will be aware that Eilidh and her younger sister Mhairi were subject to child protection plans for "
        "neglect between 2019 and 2020, when their mother's drinking was at its worst.",
    )
    b.para(
        "child_voice",
        "When I saw Eilidh alone in November she said, \"I do the tea and get Mhairi to school because Mum can't "
        "get up.\" She told me she cuts when she is worried about her mum, and that what she wants most is for her "
        "mum to get better without anyone being taken away.",
    )
    b.para(
        "impact_analysis",
        "In my opinion Eilidh's low mood and self-harm are closely tied to her caring for her sister and her "
        "worry about her mother, and I would expect them to worsen if her mother's drinking continues at this "
        "level. Mhairi, who is eight and has no health problems recorded, is likely to be relying on Eilidh for "
        "much of her daily care.",
    )
    b.para(
        "next_steps",
        "The practice will continue to see Eilidh every month and will share any new concern with her social "
        "worker. I have written again to Mrs Strachan offering an appointment to discuss her drinking and a "
        "referral to the alcohol service, which she has accepted before.",
    )
    _plain(b, "Yours sincerely,")
    _plain(b, "Dr Aoife Halloran MB ChB MRCGP\nGeneral Practitioner")
    return b.done()


def assessment_framework_chronology() -> Layout:
    """Eastwick partnership's agency report: family profile, a dated chronology, then the Assessment Framework (careful)."""
    b = Builder("assessment framework chronology", True, "Eastwick Safeguarding Children Partnership",
                "Agency report to child protection conference | Linthwaite Health Centre")
    b.heading("Agency Report to Initial Child Protection Conference", 14)
    b.table(OTHER, [("Agency", "Report prepared by", "Date of conference"),
                    ("General practice: Linthwaite Health Centre, Eastwick EW3 1TJ", "Dr Anjali Marchetti, GP", "17/12/2026")],
            (75, 60, 50))
    b.heading("Family profile", 11)
    b.table(OTHER, [("Name", "Relationship to child", "Date of birth", "Registered at this practice"),
                    ("Wren Ibbotson", "Subject child", "14/05/2026", "Yes"),
                    ("Orla Ibbotson", "Mother", "03/01/2007", "Yes"),
                    ("Ainsley Cowley", "Father", "26/06/2003", "Yes"),
                    ("Gillian Ibbotson", "Maternal grandmother", "18/10/1978", "No")],
            (45, 50, 35, 55))
    b.heading("Sources of information", 11)
    b.para(
        "about_author",
        "I am Wren's GP and her mother's. I did Wren's eight-week check and have seen her and her mother four times "
        "since. This report draws on the records of Wren and both parents, the maternity discharge summary, the "
        "health visiting entries in the shared record and Eastwick Hospital's emergency department letters.",
    )
    b.heading("Chronology of significant events known to the practice", 11)
    b.para("registration_attendance", "14/05/2026: Wren born at 38 weeks at Eastwick Hospital, 2.9 kg, registered here "
                                     "at two weeks.")
    b.para("medical_conditions", "09/07/2026: eight-week check by me; normal examination, gaining weight along the 9th "
                                 "centile.")
    b.para("missed_appointments", "30/08/2026 and 14/09/2026: Wren not brought to the practice for her 12-week and "
                                  "16-week immunisations; both rebooked by the practice nurse.")
    b.para("worries", "22/10/2026: emergency department, aged five months, with bruising to the right ear and cheek. "
                      "Her father said she rolled off the sofa. A skeletal survey showed a healing fracture of the left "
                      "forearm that nobody had reported; she was admitted and the hospital referred to children's "
                      "social care.")
    b.para("parental_health", "03/11/2026: Ms Ibbotson seen by me; tearful, scoring for moderate postnatal depression. "
                              "Started on sertraline and referred to the perinatal mental health team.")
    b.heading("Child's developmental needs", 11)
    b.heading("Health", 10, "I")
    b.para(
        "medical_conditions",
        "Apart from the injuries, Wren is a healthy baby with no ongoing conditions. Her weight has fallen from "
        "the 9th to just above the 2nd centile since September; the health visitor is weighing her every "
        "fortnight. Her development was appropriate for her age when she was seen on the ward.",
    )
    b.para(
        "immunisations",
        "She has now had her eight- and twelve-week immunisations, given late, in October. Her sixteen-week "
        "immunisations are still outstanding.",
    )
    b.heading("Emotional and behavioural development", 10, "I")
    b.para(
        "child_voice",
        "Wren is too young to say what her life is like. On the ward she was described as watchful and quiet; when "
        "I saw her with her mother in November she settled quickly in her arms and smiled at her.",
    )
    b.heading("Parenting capacity", 11)
    b.heading("Basic care and ensuring safety", 10, "I")
    b.para(
        "working_well",
        "Ms Ibbotson brings Wren clean and well wrapped, feeds her on demand and has asked sensible questions "
        "about her weight and sleep. She has kept every appointment since the admission.",
    )
    b.para(
        "parental_health",
        "Mr Cowley has a diagnosis of emotionally unstable personality disorder and a history of cannabis use; "
        "he was discharged by the community mental health team in 2025 after not attending. There is a police "
        "notification on Ms Ibbotson's record from March 2026 of an argument in which he broke a door.",
    )
    b.heading("Family and environmental factors", 11)
    b.para(
        "existing_safety",
        "Since Wren's discharge from hospital, she and her mother have lived with the maternal grandmother under "
        "the safety plan, and Mr Cowley has only seen Wren at the grandmother's house with her there.",
    )
    b.para(
        "complicating_factors",
        "The family live in a privately rented flat with damp, the parents are both very young, and the "
        "explanation for the fracture has still not been given. Ms Ibbotson's own mother is her only support and "
        "works night shifts.",
    )
    b.heading("Analysis", 11)
    b.para(
        "impact_analysis",
        "Wren has had two injuries before six months of age with no account that explains them, at a time when "
        "her mother was depressed and her father's mental health was untreated. In my view the missed "
        "immunisations and the fall in weight point to a household that was struggling to meet a young baby's "
        "needs before the injuries came to light.",
    )
    b.para(
        "danger_statement",
        "The practice is worried that if Wren returns to live with her father without the cause of her injuries "
        "being understood, she could be shaken or hit and suffer a head injury or further fractures.",
    )
    b.heading("Future plan of intervention", 11)
    b.para(
        "next_steps",
        "The practice will give the outstanding immunisations at the next baby clinic, review Ms Ibbotson's mood in "
        "two weeks and liaise with the perinatal team, and offer Mr Cowley an appointment to discuss referral back "
        "to mental health services. We will tell the social worker at once if Wren is not brought.",
    )
    b.para(
        "safety_goals",
        "Wren will be cared for every day by an adult who meets her needs calmly, gains weight steadily, and is "
        "brought to all her health appointments, for at least the next six months.",
    )
    return b.done()


def _numbered(b: Builder, number: str, prompt: str, answers: list[Unit]) -> None:
    """A bold numbered prompt ("2.3 Date last seen") with its terse answer indented on the lines below."""
    b.room(18)
    left = b.pdf.l_margin
    b.pdf.set_font(b.font, "B", 9.5)
    b.pdf.cell(12, 5, number)
    b.pdf.multi_cell(0, 5, prompt, new_x="LMARGIN", new_y="NEXT")
    b.pdf.set_font(b.font, "", 9.5)
    for answer in answers:
        b.pdf.set_x(left + 12)
        b.pdf.multi_cell(0, 4.8, answer.text, new_x="LMARGIN", new_y="NEXT")
        b.pdf.ln(1)
    b.pdf.ln(2.5)
    b.units.extend(answers)
    b.headings.append(prompt)


def numbered_partnership_form() -> Layout:
    """Dunsford Safeguarding Children Partnership's form CP3, numbered prompts answered in a few words (poor)."""
    b = Builder("numbered partnership form", True, "Dunsford Safeguarding Children Partnership",
                "Form CP3 (health) - return to the conference team two working days before the conference")
    b.heading("Form CP3: Health Agency Contribution to Child Protection Conference", 13)
    b.heading("Section 1: Details", 11)
    _numbered(b, "1.1", "Name(s) of child(ren) and dates of birth", [Unit(OTHER, "Harlan Whitlow 09/01/2015, Tansy Whitlow 30/04/2018")])
    _numbered(b, "1.2", "Parents / carers", [Unit(OTHER, "Lyndsey Whitlow (mum), Sherwin Whitlow (dad), both at home address")])
    _numbered(b, "1.3", "Name, role and base of person completing", [Unit("about_author", "Dr P Kirkby, GP, Staithe Road Surgery. Info from GP records.")])
    b.heading("Section 2: The child's health", 11)
    _numbered(b, "2.1", "Length of registration and date last seen", [
        Unit("registration_attendance", "Both since 2019 (moved from another area). Harlan last seen 03/2026, Tansy 10/2026."),
    ])
    _numbered(b, "2.2", "Health conditions, treatment and development", [
        Unit("medical_conditions", "Harlan - nil significant. Tansy - nocturnal enuresis, on desmopressin, referred to "
                                   "continence clinic; also head lice x4 this year."),
    ])
    _numbered(b, "2.3", "Immunisation status", [Unit("immunisations", "Harlan UTD. Tansy UTD.")])
    _numbered(b, "2.4", "Missed appointments / was not brought", [
        Unit("missed_appointments", "Tansy WNB continence clinic x2 and dental referral not followed up. Harlan nil."),
    ])
    _numbered(b, "2.5", "Any known previous abuse or neglect", [Unit("history_of_abuse", "None known.")])
    _numbered(b, "2.6", "Child's views if known", [Unit("child_voice", "Not known, children not seen alone.")])
    b.heading("Section 3: Parents' / carers' health", 11)
    _numbered(b, "3.1", "Health issues that may affect parenting", [
        Unit("parental_health", "Mum - chronic back pain on codeine and pregabalin, early requests for repeats x3 this year."),
        Unit("parental_health", "Dad - not seen since 2022. Nothing of note."),
    ])
    b.heading("Section 4: Assessment", 11)
    _numbered(b, "4.1", "Your concerns", [
        Unit("worries", "School report Tansy comes in hungry and in the same clothes most days; Harlan told school he "
                        "makes the breakfasts. We have no direct knowledge."),
    ])
    _numbered(b, "4.2", "Strengths", [Unit("working_well", "Mum does bring Tansy when ill.")])
    _numbered(b, "4.3", "What support can your agency offer?", [
        Unit("next_steps", "Medication review for mum. Will rebook continence clinic."),
    ])
    return b.done()


HELD_OUT_SEVENTH = [yes_no_not_known_form, family_member_template, mapping_shorthand, chair_letter,
                    assessment_framework_chronology, numbered_partnership_form]
