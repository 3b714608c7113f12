"""Held-out layouts, sixth batch: five invented reports (families T, U, V, W and X, written for this batch only, the
texts in the module itself) in shapes partnerships and practices publish. Written, labelled and committed before they
were first scored, by an author who did not read the ingestion code or the agency file's vocabulary and examples.

- A partnership's "GP report to initial child protection conference" template: yes/no tick-box questions, each
  followed by free text (family T, a careful report).
- A letter from a practice with headings in the author's own words, a salutation and a sign-off (family U, middling).
- A health visiting and GP joint "health agency report" under Signs of Safety headings (Danger, Worries, Complicating
  factors, Safety, Scaling) with the scaling question answered as a range (family V, careful, a baby).
- A ruled two-column form whose questions are long sentences that wrap over two or three lines (family W, a poor
  report about two siblings).
- A report whose headings are bold run-in labels inside the paragraphs, some paragraphs covering two sections
  (family X, a teenager; each marked with the section the bulk belongs to).

Every paragraph's section was decided from the agency file's section titles and help text alone (see README.md).
Everyone and everywhere here is invented.
"""

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit

T_CHILD = "Amelia-Rose Tarrant"
T_DOB = "03/02/2022"


def _tick(b: Builder, question: str, yes: bool) -> None:
    """A bold question with Yes and No boxes beneath it, one of them crossed."""
    b.room(28)
    b.pdf.ln(1.5)
    b.pdf.set_font(b.font, "B", 10)
    b.pdf.multi_cell(0, 5, question, new_x="LMARGIN", new_y="NEXT")
    b.pdf.set_font(b.font, "", 9.5)
    for label, crossed in (("Yes", yes), ("No", not yes)):
        b.pdf.cell(9, 5.5, label)
        x, y = b.pdf.get_x(), b.pdf.get_y()
        b.pdf.rect(x, y + 1, 3.6, 3.6)
        if crossed:
            b.pdf.set_xy(x + 0.6, y)
            b.pdf.cell(3, 5.5, "X")
        b.pdf.set_xy(x + 12, y)
    b.pdf.ln(7)
    b.headings.append(question)


def tick_box_template() -> Layout:
    """Calderbrook Safeguarding Children Partnership's GP report template: tick-box questions with free text beneath."""
    b = Builder("tick box template", True, "Calderbrook Safeguarding Children Partnership", "GP report to ICPC - OFFICIAL SENSITIVE")
    b.heading("GP report to Initial Child Protection Conference", 14)
    b.table(OTHER, [("Child's name", "Date of birth", "NHS number", "Date of conference"), (T_CHILD, T_DOB, "943 771 2086", "9 December 2026")], (50, 35, 45, 55))
    b.table(OTHER, [("Practice", "Report completed by"), ("Westerby Health Centre, 2 Mill Wynd, Calderbrook CB7 3RL", "Dr Owen Lindqvist, GP partner and practice safeguarding lead")], (95, 90))
    b.heading("Section 1: About this report", 11)
    b.para(
        "about_author",
        "I am Amelia-Rose's named GP and the practice's safeguarding lead. I have seen her four times since "
        "January. For this report I read her record and her mother's, the health visitor's entries in our shared "
        "record, two out-of-hours summaries and the discharge letter from Calderbrook Royal Infirmary. I spoke to "
        "the health visitor, Mrs Ruth Ashdown, on 1 December.",
    )
    _tick(b, "Is the child registered with the practice?", True)
    b.para(
        "registration_attendance",
        "Amelia-Rose has been registered here since birth. She was last seen on 18 November, brought by her "
        "mother. Her mother's partner, Mr Dean Mulvey, has brought her once, in August. She is seen about every two "
        "months, usually for coughs and ear infections, and these visits have been appropriate.",
    )
    _tick(b, "Does the child have any medical conditions, disabilities or developmental needs?", True)
    b.para(
        "medical_conditions",
        "She has recurrent ear infections and glue ear. She was referred to the ENT clinic in May and her hearing "
        "test in July showed moderate hearing loss on both sides. Grommets were offered and are booked for January. "
        "Her speech is behind for her age: the health visitor's two-and-a-half year review recorded about 20 words, "
        "and the speech and language therapy referral is waiting.",
    )
    b.para(
        "medical_conditions",
        "She also has constipation treated with a daily laxative. Her mother says she gives it most days; the repeat was collected three times in six months against a monthly prescription.",
    )
    _tick(b, "Are the child's immunisations up to date?", False)
    b.para(
        "immunisations",
        "Her first-year vaccinations were given on time. The pre-school booster and the second MMR are overdue: "
        "three invitations were sent this year and none was answered. Ms Tarrant has not said she objects to them.",
    )
    _tick(b, "Has the child been brought to all appointments at the practice and at hospital?", False)
    b.para(
        "missed_appointments",
        "She was not brought to two ENT appointments (14 March and 11 April) or to the audiology appointment in "
        "June, which was rebooked after the health visitor chased it. She has been taken to the out-of-hours "
        "service four times this year, twice after midnight, each time with earache that had lasted several days.",
    )
    _tick(b, "Are there health concerns about a parent or other adult in the household that may affect the child?", True)
    b.para(
        "parental_health",
        "Ms Kirsty Tarrant (mother, 27) has depression and takes sertraline, which she collects regularly. In "
        "September she told me she was drinking most evenings 'to get to sleep', about a bottle of wine a night. "
        "She accepted a referral to the alcohol service and attended the first appointment but not the second.",
    )
    b.para(
        "parental_health",
        "Mr Mulvey is registered with another practice and I have no health information about him. On 2 October "
        "Ms Tarrant came to the surgery with a bruised forearm and said they had argued and he had pushed her "
        "against a door. I gave her the domestic abuse service's number and shared this with the social worker "
        "the same day with her agreement.",
    )
    _tick(b, "Has the practice any record of previous safeguarding concerns about this child or siblings?", True)
    b.para(
        "history_of_abuse",
        "Amelia-Rose was on a child in need plan from March to November 2023 because of home conditions and her "
        "mother's low mood. The plan closed when the home had improved. She has no brothers or sisters.",
    )
    b.heading("Section 2: What has happened?", 11)
    b.para(
        "worries",
        "On 21 November the health visitor found Amelia-Rose at home alone with Mr Mulvey, who was asleep and "
        "could not be woken for several minutes; she was in a soiled nappy and there was no food in the kitchen. "
        "The health visitor reported this to children's services that afternoon. Her account is the source; I "
        "did not see the home.",
    )
    b.para(
        "worries",
        "On 18 November I saw Amelia-Rose with her mother for earache. She had a nappy rash with broken skin and "
        "her clothes were damp. Her weight has fallen from the 50th to the 25th centile since March.",
    )
    b.heading("Section 3: Your analysis", 11)
    b.para(
        "impact_analysis",
        "In my opinion Ms Tarrant's drinking and low mood mean she is often not able to notice when Amelia-Rose is "
        "unwell or to keep her appointments, and this has already cost her months of hearing at the age when she "
        "should be learning to talk. The violence her mother describes at home is frightening for a child of four "
        "even when she is not the one hurt.",
    )
    b.para(
        "danger_statement",
        "I am worried that if nothing changes Amelia-Rose will be left with adults who are too drunk or asleep to "
        "look after her, will go hungry, and will be hurt either by an accident no one is awake to prevent or by "
        "being caught up in a fight between the adults.",
    )
    b.para(
        "complicating_factors",
        "Mr Mulvey is not registered with us and we have not been able to share information with his practice "
        "without his consent. The ENT clinic discharged her after the second missed appointment without telling "
        "us, so the practice did not know for two months that she had not been seen.",
    )
    b.heading("Section 4: Strengths and safety", 11)
    b.para(
        "working_well",
        "Ms Tarrant is warm with Amelia-Rose in the surgery and clearly loves her; she talks to her through the "
        "examination and comforts her well. She has come to every appointment I have offered her herself.",
    )
    b.para(
        "existing_safety",
        "After the incident in October Ms Tarrant asked Mr Mulvey to leave for two weeks and took Amelia-Rose to her own mother's house, where they stayed until he had gone.",
    )
    b.heading("Section 5: What needs to happen", 11)
    b.para(
        "safety_goals",
        "Amelia-Rose will be looked after every day by an adult who is sober and awake, will have regular meals, and "
        "will be brought to her grommet operation and her speech therapy, so that in six months her hearing and "
        "weight are back where they should be.",
    )
    b.para(
        "next_steps",
        "The practice will offer the overdue vaccinations at her next visit and by letter before 20 December (practice "
        "nurse). I will see Ms Tarrant monthly to review her mood and drinking and re-refer her to the alcohol service "
        "if she agrees. We will tell the social worker within a week of any missed hospital appointment.",
    )
    b.heading("Section 6: The child's views", 11)
    b.para(
        "child_voice",
        "Amelia-Rose is too young to give her views in words. In the surgery she stays close to her mother and "
        "reaches for her when she is upset. The health visitor saw her run to the door and say 'Nana' when her "
        "grandmother arrived.",
    )
    b.para(OTHER, "Report shared with Ms Tarrant on 3 December 2026. Signed: Dr O. Lindqvist   Date: 3 December 2026", 9)
    return b.done()


def practice_letter() -> Layout:
    """A letter on practice paper with the author's own headings and a sign-off (family U, a middling report)."""
    b = Builder("practice letter", True, "", "Brindle Row Practice - confidential")
    b.para(OTHER, "Brindle Row Practice, 40 Brindle Row, Hollinsford HF2 8DW. Tel 01632 960 412", 9)
    b.para(OTHER, "The Chair, Initial Child Protection Conference, Hollinsford Children's Services, Civic Centre, Hollinsford HF1 1AA", 9.5)
    b.para(OTHER, "27 November 2026")
    b.para(OTHER, "Dear Chair,")
    b.para(OTHER, "Re: Kai Okonjo-Pell, date of birth 12/06/2017, 5 Tanner's Close, Hollinsford")
    b.para(
        "about_author",
        "Thank you for the invitation to the conference on 4 December. I am sorry that I cannot attend because of "
        "surgery commitments, so I send this letter. I am a salaried GP here and have been Kai's usual doctor for "
        "about two years. What follows comes from our records; I have not spoken to the family about this letter.",
    )
    b.heading("How long we have known Kai", 11, "B")
    b.para(
        "registration_attendance",
        "Kai joined us in 2020 when the family moved from Bexworth. We see him two or three times a year. His mother brings him. He was last seen by the nurse on 30 September for his asthma review.",
    )
    b.heading("His health", 11, "B")
    b.para(
        "medical_conditions",
        "Kai has mild asthma and uses a brown preventer inhaler and a blue reliever. His control is fair. He is "
        "growing along the 40th centile. There are no developmental concerns recorded, though school asked in "
        "spring whether he could be assessed for ADHD and this has not been done.",
    )
    b.para("immunisations", "His childhood immunisations are complete. He has had the flu spray each autumn.")
    b.para(
        "missed_appointments",
        "He has missed one asthma review (March 2026), which was rebooked. We have no record of him going to A&E or the walk-in centre in the last two years.",
    )
    b.heading("What worries me", 11, "B")
    b.para(
        "worries",
        "On 13 November Kai's teacher brought him to the surgery because he had told her his stepdad hit him with "
        "a belt. I examined him: there were two parallel linear bruises, each about 8 cm long, on the back of his "
        "left thigh. Kai told me 'he does it when I don't listen'. I referred him to children's services and the "
        "paediatric team the same afternoon.",
    )
    b.para(
        "history_of_abuse",
        "In 2021 the health visitor recorded that his younger sister Nia had an unexplained bruise on her ear. It was "
        "looked into at the time and no further action was taken. I can find nothing else.",
    )
    b.heading("Mum and the household", 11, "B")
    b.para(
        "parental_health",
        "Ms Adaeze Okonjo has had depression on and off since Nia was born and takes citalopram. She told me in "
        "August that things were 'stressful at home' but did not say more. The stepfather, Mr Carl Pell, is our "
        "patient too; he has been seen for back pain and there is a note from 2019 of him attending an anger "
        "management course.",
    )
    b.para(
        "complicating_factors",
        "Ms Okonjo has said to the social worker that Kai 'makes things up'. The family also has money problems and Mr Pell lost his job in the summer.",
    )
    b.heading("What is going well", 11, "B")
    b.para(
        "working_well",
        "Kai is always clean and well dressed and his mother gives his inhalers properly. He gets on well at school and has good friends according to his teacher.",
    )
    b.heading("My opinion", 11, "B")
    b.para(
        "impact_analysis",
        "I think Kai is frightened of his stepfather and that his behaviour at school may partly be his way of coping with this. His mother's low mood may make it hard for her to stand up for him.",
    )
    b.para(
        "danger_statement",
        "My worry is that Kai will be hit again, possibly harder, and that he will stop telling adults because he was not believed at home.",
    )
    b.heading("What the practice can do", 11, "B")
    b.para(
        "next_steps",
        "We will put an alert on the records of Kai, Nia and both adults, see Kai if any school or family member "
        "raises a concern, and send the social worker a copy of any letters about him. I can be reached on the "
        "practice number for a telephone discussion.",
    )
    b.para(
        "child_voice",
        "When I saw him Kai said he liked living with his mum and Nia and wanted 'Carl to stop'. He asked if he would get in trouble for telling.",
    )
    b.para(OTHER, "Yours sincerely,")
    b.para(OTHER, "Dr Helen Matsuda MBChB MRCGP, Salaried GP, Brindle Row Practice")
    return b.done()


V_CHILD = "Mabel Fenwick-Oduya"


def joint_health_report() -> Layout:
    """A health visiting and GP joint health agency report under Signs of Safety headings (family V, careful)."""
    b = Builder("joint health agency report", True, "Harrowgate Vale Health Visiting Service and Harrowgate Vale Medical Group", "Health agency report - restricted")
    b.heading("Health Agency Report to Initial Child Protection Conference", 14)
    b.labelled(OTHER, "Child", f"{V_CHILD}, born 14 October 2026 (seven weeks)")
    b.labelled(OTHER, "Parents", "Jade Fenwick (19), Tobias Oduya (24)")
    b.labelled(OTHER, "Authors", "Sian Penhallow, health visitor; Dr Tariq Umerji, GP")
    b.heading("Our involvement", 11)
    b.para(
        "about_author",
        "This is a joint report from the health visiting service and the GP practice. Sian Penhallow has been the "
        "family's health visitor since the antenatal contact in August and has visited five times. Dr Umerji has "
        "been Jade's GP since 2023 and saw Mabel at her six-week check. We used our own records, the maternity "
        "discharge summary and the midwife's handover.",
    )
    b.para(
        "registration_attendance",
        "Mabel was registered with Harrowgate Vale Medical Group on 20 October. She has been seen at the surgery "
        "twice: the six-week check on 25 November and a visit with her mother for a blocked tear duct.",
    )
    b.heading("Danger / Harm", 11)
    b.para(
        "worries",
        "On 16 November Jade phoned the health visitor at 7am and said Tobias had shaken the Moses basket while "
        "shouting because Mabel would not stop crying. She said Mabel was not hurt. Sian visited that morning: "
        "Mabel had no marks, was feeding and was alert. This was reported to children's services the same day.",
    )
    b.para(
        "worries",
        "On 22 November Jade told Dr Umerji at her own appointment that Tobias had grabbed her by the throat during "
        "an argument while she was holding Mabel. Dr Umerji saw faint red marks on both sides of her neck.",
    )
    b.heading("Worries", 11)
    b.para(
        "danger_statement",
        "We are worried that Tobias may shake or throw Mabel when he is angry or has been smoking cannabis, and that "
        "a baby of her age could be left with a brain injury or die. We are also worried that Mabel could be "
        "dropped or struck while her mother is being attacked.",
    )
    b.heading("Complicating factors", 11)
    b.para(
        "parental_health",
        "Tobias uses cannabis daily, which he told the midwife he does to control his temper. Jade had postnatal "
        "low mood screened at the six-week check (score 14, moderate); she is not on treatment yet and has been "
        "offered talking therapy.",
    )
    b.para(
        "history_of_abuse",
        "Jade was in foster care herself from the age of eleven. There is no earlier record of harm to Mabel, who is the couple's first child.",
    )
    b.para(
        "complicating_factors",
        "Jade is a care leaver with no family nearby, the couple live in a one-bedroom flat above a takeaway, and "
        "Tobias refuses to meet the health visitor. The GP out-of-hours service was not told about the 16 November "
        "referral, so a later call about Mabel's crying was not linked to it.",
    )
    b.heading("Analysis", 11)
    b.para(
        "impact_analysis",
        "Jade's low mood and her fear of Tobias make it harder for her to respond to Mabel's cues, and we have seen "
        "her hesitate to pick Mabel up when Tobias was in the room. Babies who live with violence and a carer who "
        "cannot manage crying are at real risk of injury, and Mabel has no one but her parents to notice if she is "
        "unwell.",
    )
    b.heading("Safety: what is working well", 11)
    b.para(
        "working_well",
        "Jade feeds Mabel well (breastfeeding with formula top-ups) and Mabel has regained her birth weight and is "
        "gaining steadily on the 50th centile. Jade keeps a feeding diary and asks good questions.",
    )
    b.para(
        "existing_safety",
        "Jade phoned the health visitor herself after the incident on 16 November, and since then she has taken "
        "Mabel to her friend's flat when Tobias has been angry. She put Mabel down in her cot and left the room "
        "when she felt overwhelmed, as the midwife had advised.",
    )
    b.para("immunisations", "Mabel's eight-week immunisations are booked for 9 December and Jade has said she will bring her.")
    b.heading("Safety goals", 11)
    b.para(
        "safety_goals",
        "Mabel will always be cared for by an adult who is calm and not under the influence of cannabis. When she "
        "cries for a long time her carer will put her down safely and get help, and the adults around her will "
        "resolve arguments without violence. Health staff will see her growing and being handled gently at every "
        "contact for the next six months.",
    )
    b.heading("Next steps", 11)
    b.para(
        "next_steps",
        "The health visitor will visit weekly until the first core group and go through the ICON crying programme "
        "with both parents. Dr Umerji will review Jade's mood in two weeks and refer her to perinatal mental "
        "health if the score has not improved. The practice will flag Mabel's record so out-of-hours clinicians "
        "see the plan.",
    )
    b.heading("Scaling", 11)
    b.para(
        OTHER,
        "On a scale where 0 means Mabel will certainly be harmed and 10 means everyone is confident she is safe "
        "enough to close the case, we put the situation at 3 to 4. The lower figure is the GP's and the higher "
        "the health visitor's, who has seen Jade keep Mabel safe twice.",
    )
    b.heading("Mabel's experience", 11)
    b.para(
        "child_voice",
        "Mabel is too young to speak. At visits she settles quickly when her mother holds her and watches her face. "
        "On the morning of 16 November she was unusually quiet and startled at loud noises from the street.",
    )
    b.para(OTHER, "Sian Penhallow RN SCPHN(HV) and Dr Tariq Umerji MRCGP, 2 December 2026", 9)
    return b.done()


W_CHILDREN = "Leon Darrow (12) and Skye Darrow (6)"


def long_question_form() -> Layout:
    """A ruled two-column form whose long questions wrap over two or three lines (family W, a poor report)."""
    b = Builder("long question form", True, "Ferncastle Local Safeguarding Children Partnership", "")
    b.heading("Health (General Practice) Report for Child Protection Conference", 13)
    b.para(OTHER, f"Children: {W_CHILDREN}. Practice: Ferncastle Surgery, Dale Street, Ferncastle FC4 6PE. Completed by: Dr J. Anand (locum)", 9.5)
    rows = [
        (
            "Please state your name, your role and the basis on which you know the child and the family, and list the sources used to write this report",
            [Unit("about_author", "Locum GP. Have not met the children. Info from computer records.")],
        ),
        (
            "How long have the children been registered with the practice and when were they last seen by a clinician?",
            [Unit("registration_attendance", "Both reg since 2019. Leon last seen July 2026 (sports injury), Skye last seen Feb 2026 with dad.")],
        ),
        (
            "Please describe any physical or mental health conditions, disabilities or developmental concerns for each child and whether treatment is being followed",
            [
                Unit("medical_conditions", "Leon - nil significant. Skye - eczema, on emollients, last issued over a year ago. Dental decay noted by school nurse."),
            ],
        ),
        (
            "Are the immunisations of each child up to date? If not, please give details of any declined or delayed",
            [Unit("immunisations", "Leon missing teenage booster. Skye up to date to age 3, pre-school booster not given.")],
        ),
        (
            "Please give details of any appointments (at the practice or in hospital) that the children were not brought to, and of any use of A&E or out of hours services",
            [
                Unit("missed_appointments", "Skye DNA dermatology x2 2025, discharged. Leon DNA orthodontics. Several A&E attendances for Skye in 2025 for minor injuries."),
            ],
        ),
        (
            "Is the practice aware of any health issues for parents or carers in the household, such as mental ill health, substance misuse or domestic abuse, that may affect their ability to care for the children?",
            [Unit("parental_health", "Father (Mr Gary Darrow) - alcohol dependence coded 2018, on and off. Mother not registered here.")],
        ),
        ("Is there any previous history of child protection concerns, abuse or neglect for these children or their siblings?", [Unit("history_of_abuse", "Not known to us.")]),
        (
            "What are the current concerns about the children that have led to this conference, and how do you know about them?",
            [
                Unit("worries", "Letter from school 10/11 re Skye coming in hungry and unwashed, and Leon saying he looks after her at night. Not seen by us."),
                Unit(OTHER, "See social care report."),
            ],
        ),
        (
            "What in your view is the impact on the children of the concerns described above and of the parents' health and behaviour?",
            [Unit("impact_analysis", "Likely impact of dad's drinking on care. Leon may be taking on too much for his age.")],
        ),
        ("What strengths or protective factors are there in the family?", [Unit("working_well", "Dad has brought Skye when she was ill. Children attend school.")]),
        (
            "What will the practice do to support the child protection plan, and what does the practice think should happen next?",
            [Unit("next_steps", "Will flag notes. Happy to offer dad alcohol review if he attends. Imms recall letters to go out.")],
        ),
        ("Has the child been seen and have their wishes and feelings been recorded? Please record them in the child's own words where possible", [Unit("child_voice", "No.")]),
        ("Any other information the practice wishes to share with conference", [Unit(OTHER, "Nothing further. Regular GP Dr Whitcombe away until January.")]),
    ]
    b.form(rows, bordered=True, widths=(75, 110))
    b.para(OTHER, "Signed: J Anand   Date: 1/12/26", 9)
    return b.done()


def run_in_labels() -> Layout:
    """A report whose headings are bold run-in labels; some paragraphs cover two sections (family X, a teenager)."""
    b = Builder("run-in labels", True, "Quayside Family Practice, Saltmarsh", "Confidential: for conference use only")
    b.heading("Report to Initial Child Protection Conference: Priya Castellane (15)", 13)
    b.para(OTHER, "Conference date 11 December 2026. Date of birth 22/04/2011. NHS number 628 104 3395.", 9.5)
    b.runin(
        "about_author",
        "Author and sources.",
        "Dr Matthew Orrin, GP. I have known Priya since she was nine and have seen her six times this year, twice "
        "on her own. I have used her records, letters from the emergency department and the child and adolescent "
        "mental health service, and a conversation with the school nurse, Ms Joanne Teague, on 28 November.",
    )
    b.runin(
        "registration_attendance",
        "Registration.",
        "Priya has been registered with us since 2020. Up to this summer she came with her mother; since September "
        "she has come alone or with a friend, which is appropriate at her age. She was last seen on 24 November.",
    )
    b.runin(
        "worries",
        "Why we are here.",
        "Priya was found by police at 3am on 8 November in a flat in Harbour Street with two men in their twenties, "
        "intoxicated, and was taken to the emergency department. The department's letter records that she had "
        "been given vodka and tablets she could not name, and that she had a new mobile phone she said was a gift. "
        "She has been reported missing four times since August (police notifications to the practice).",
    )
    b.runin(
        "medical_conditions",
        "Her health.",
        "Priya self-harms by cutting her forearms, which began in spring; the cuts I saw on 24 November were "
        "superficial and healing. She is on the CAMHS waiting list and was seen once for assessment. She asked me "
        "for the contraceptive pill in October and I saw her alone; she is on it, and I offered sexual health "
        "screening, which she declined. Her immunisations are complete, including the teenage booster.",
    )
    b.runin(
        "missed_appointments",
        "Appointments.",
        "She did not go to the second CAMHS appointment on 13 November. Apart from 8 November she has been to the "
        "emergency department once this year, in June, after cutting, and was sent home with a follow-up letter to us.",
    )
    b.runin(
        "parental_health",
        "At home.",
        "Priya lives with her mother, Mrs Lorna Castellane, and her younger brother. Mrs Castellane works nights "
        "and has had treatment for anxiety. She told me she does not know where Priya goes in the evenings and "
        "feels she has 'lost her'. There is no record of drug or alcohol misuse or of domestic abuse at home.",
    )
    b.runin(
        "history_of_abuse",
        "Earlier concerns.",
        "There is nothing in the record about earlier abuse or neglect of Priya or her brother.",
    )
    b.runin(
        "impact_analysis",
        "What I think this means.",
        "In my opinion Priya is being groomed for sexual exploitation: older men, gifts, alcohol, going missing and "
        "self-harm together fit that pattern. Her mother's working hours mean she is out of the house when Priya "
        "is most at risk, and her anxiety makes it harder for her to set limits. I am also concerned that Priya is "
        "using cutting to manage feelings she cannot talk about yet. I would want conference to know that she has "
        "told me the men are 'just friends'.",
    )
    b.runin(
        "danger_statement",
        "If nothing changes.",
        "I am worried that Priya will be raped or assaulted by the men she is spending time with, could become "
        "pregnant or infected, and may take an overdose or cut more deeply when she is drunk and alone.",
    )
    b.runin(
        "complicating_factors",
        "What makes it harder.",
        "Priya does not see herself as at risk and will stop coming to the practice if she thinks we are reporting "
        "everything. CAMHS have closed waiting-list cases after two missed appointments before. The emergency "
        "department letter took nine days to reach us.",
    )
    b.runin(
        "working_well",
        "Strengths.",
        "Priya is bright and funny, still goes to school most days and is doing well in art. She trusts the school "
        "nurse and has kept coming to see me. Her mother is worried and wants help, and phoned the police herself "
        "on two of the four occasions Priya was missing.",
    )
    b.runin(
        "existing_safety",
        "Safety already in place.",
        "Since 8 November Mrs Castellane has changed to day shifts three nights a week and her sister stays on the other nights. Priya has agreed to share her location on her phone with her mother.",
    )
    b.runin(
        "safety_goals",
        "What we want to see.",
        "Priya will spend her evenings with adults who know where she is, will have someone she trusts to tell when "
        "she feels like cutting, and will not be in contact with the men from Harbour Street; by the review "
        "conference she will not have gone missing again.",
    )
    b.runin(
        "next_steps",
        "What the practice will do.",
        "I will offer Priya a fortnightly appointment with me to review her self-harm and mood, write to CAMHS asking "
        "them to keep her case open and to expedite treatment, and share any new injury or disclosure with the "
        "social worker the same day. I will review her sexual health at each appointment.",
    )
    b.runin(
        "child_voice",
        "Priya's views.",
        "Priya told me she does not want social workers involved and that she is 'not a kid'. She said she cuts when "
        "she 'can't stop thinking'. She said she would talk to the school nurse and to me, but not to the police.",
    )
    b.para(OTHER, "Dr M. Orrin, 4 December 2026. This report has been discussed with Priya and shared with her mother.", 9)
    return b.done()


HELD_OUT_SIXTH = [tick_box_template, practice_letter, joint_health_report, long_question_form, run_in_labels]
