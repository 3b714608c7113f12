"""Tuning layouts, eighth batch (family K only, kept out of the agency file's examples like families J, S and Y): the
shapes the sixth held-out batch showed failing, judged from where its paragraphs went, written with new content and
other wording, never its text. A ruled two-column form whose questions are long sentences wrapping over two or three
lines in a bold left cell, answered in a few words (ruled and unruled); a letter opening with an address, a date, a salutation and a "Re:"
line and closing with a sign-off and the author's name and qualifications; a report whose bold run-in labels end with
a full stop and name no section in its words; tick-box questions answered by free text under a plain heading whose
later paragraphs move on to a neighbouring section; headings of a broad label, a colon and a narrower section's name;
and a ruled table of questions with Yes and No columns and a column of details."""

from fpdf.fonts import FontFace

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit

K_CHILDREN = "Reuben Quayle (9) and Ivy Quayle (4)"

LONG_QUESTIONS = [
    ("Please tell us who is completing this form, in what capacity, how well you know the children and their carers, "
     "and which records you have drawn on.", [
         ("about_author", "Dr S Varga, GP registrar. Seen Reuben once. Read notes and HV letters."),
     ]),
    ("How long have the children been on the practice list and when did a clinician at the practice last see each "
     "of them, and with whom?", [
         ("registration_attendance", "Registered 2021. Reuben seen Oct 2026 with nan. Ivy seen Sept 2026 with mum."),
     ]),
    ("Please list any physical, developmental or emotional health needs each child has, with any treatment and "
     "whether it is being given.", [
         ("medical_conditions", "Reuben - bedwetting, on desmopressin, not collected since July. Ivy - speech delay."),
     ]),
    ("Have the children received all of the vaccinations offered to them for their age, and if any are missing, "
     "were they refused?", [
         ("immunisations", "Ivy's MMR2 and 4-in-1 pre-school jabs outstanding. Reuben complete."),
     ]),
    ("Please record any hospital, clinic or practice appointments the children were not brought to, and any "
     "unusual use of walk-in or urgent care.", [
         ("missed_appointments", "Ivy WNB SALT x3 this year. Two walk-in visits for Reuben, both at night."),
     ]),
    ("Are you aware of anything about the physical or mental health of any adult in the household, including drug "
     "or alcohol use, that could affect their parenting?", [
         ("parental_health", "Mum - bipolar disorder, stopped lithium in summer. Partner - heroin use, on script."),
     ]),
    ("Has the practice held any earlier safeguarding information, referrals or plans for these children or for "
     "their brothers and sisters?", [
         ("history_of_abuse", "Older half-brother removed to kinship care 2019."),
     ]),
    ("What incidents or observations have led to the practice's present concern for the children's welfare, and "
     "when did they happen?", [
         ("worries", "25/10 Reuben came to surgery with nan, scald on ankle, said he ran his own bath."),
     ]),
    ("In your professional view, how is the adults' behaviour or health affecting the children's day-to-day lives "
     "and their development?", [
         ("impact_analysis", "Probably missing school and meals when mum is high. Reuben takes on caring."),
     ]),
    ("What do you think could happen to the children if nothing about their care changes over the coming months?", [
        ("danger_statement", "Worried Ivy could be badly hurt by a hot drink or needle left out."),
    ]),
    ("Is there anything that is getting in the way of professionals helping the family, or that makes the concerns "
     "harder to put right?", [
         ("complicating_factors", "Mum cancels home visits. Partner refuses to give his address."),
     ]),
    ("Which people or arrangements around the children are good for them, and what are their parents managing "
     "to do well at the moment?", [
         ("working_well", "Nan very supportive, has them most weekends."),
     ]),
    ("What will the practice offer, and who will follow it up, to help the children and their family once the "
     "conference has finished?", [
         ("next_steps", "Alert on records. Named GP to call mum re lithium within a fortnight."),
     ]),
    ("Have you been able to talk to the children on their own, and if so what did they tell you about their lives "
     "at home and how they feel?", [
         ("child_voice", "Reuben said he likes it best at nan's because it is quiet there."),
     ]),
    ("Other information or comments for the conference", [
        (OTHER, "None beyond the above. Usual GP on leave until 5 January."),
    ]),
]


def wrapping_question_form() -> Layout:
    """A ruled form: long questions in the bold left cell, wrapping over lines; terse answers beside them."""
    b = Builder("long wrapping questions form", False, "Ostbury Safeguarding Children Partnership", "")
    b.heading("Medical information for an initial child protection conference", 13)
    b.para(OTHER, f"Children: {K_CHILDREN}. Surgery: Greyfriars Lane, Ostbury OB2 7TN.", 9.5)
    rows = [(q, [Unit(s, t) for s, t in answers]) for q, answers in LONG_QUESTIONS]
    b.form(rows, bordered=True, widths=(78, 107))
    b.para(OTHER, "Signature: S Varga   Dated: 28/11/26", 9)
    return b.done()


def borderless_wrapping_form() -> Layout:
    """The same long questions in an unruled two-column form: bold questions on the left, answers beside them."""
    b = Builder("borderless wrapping questions", False, "", "Greyfriars Lane Surgery")
    b.heading("Safeguarding health questionnaire: Reuben and Ivy Quayle", 13)
    rows = [(q, [Unit(s, t) for s, t in answers]) for q, answers in LONG_QUESTIONS]
    b.form(rows, bordered=False, widths=(80, 105))
    return b.done()


def plain_question_form() -> Layout:
    """A ruled form whose long questions are in plain type in a shaded left cell, the answers beside them."""
    b = Builder("plain long questions form", False, "Ostbury Safeguarding Children Partnership", "")
    b.heading("Primary care report: Reuben Quayle", 13)
    b.pdf.set_font(b.font, "", 9)
    with b.pdf.table(col_widths=(80, 105), first_row_as_headings=False) as t:
        for question, answers in LONG_QUESTIONS:
            row = t.row()
            row.cell(question, style=FontFace(fill_color=(230, 230, 230)))
            row.cell("\n\n".join(text for _, text in answers))
    b.pdf.ln(3)
    b.units.extend(Unit(section, text) for _, answers in LONG_QUESTIONS for section, text in answers)
    b.headings.extend(q for q, _ in LONG_QUESTIONS)
    return b.done()


def signed_letter() -> Layout:
    """A letter on practice paper: address, date, salutation, a "Re:" line, own headings, a sign-off and a name."""
    b = Builder("signed letter", False, "", "")
    b.para(OTHER, "Greyfriars Lane Surgery, 14 Greyfriars Lane, Ostbury OB2 7TN. Telephone 01632 961 207", 9)
    b.para(OTHER, "Ms P Adeyinka, Conference Chair, Ostbury Children's Services, Quayside House, Ostbury OB1 3QD", 9.5)
    b.para(OTHER, "30 November 2026")
    b.para(OTHER, "Dear Ms Adeyinka,")
    b.para(OTHER, "Re: Reuben Quayle (born 19/03/2017) and Ivy Quayle (born 08/08/2022), 3 Wharf Terrace, Ostbury")
    b.para("about_author", "I am writing as the children's usual doctor, having looked after the family for three "
                           "years. I cannot attend the conference because of a clinic, so I have set out below what "
                           "our notes and my own consultations show.")
    b.heading("Our contact with Reuben and Ivy", 11)
    b.para("registration_attendance", "Both children came onto our list in 2021. Reuben comes in about twice a year, "
                                      "usually with his grandmother; Ivy was last in on 9 September with her mother.")
    b.heading("Their wellbeing", 11)
    b.para("medical_conditions", "Reuben still wets the bed most nights and his tablets have not been picked up "
                                 "since July. Ivy uses very few words for her age and is waiting for a speech "
                                 "assessment.")
    b.para("missed_appointments", "Ivy has not been brought to three speech therapy sessions this year, and Reuben was "
                                  "taken to the walk-in centre twice late at night.")
    b.heading("My main concern", 11)
    b.para("worries", "On 25 October Reuben's grandmother brought him in with a scald on his ankle. He said he had run "
                      "the bath himself while his mother was asleep in the afternoon.")
    b.heading("The adults at home", 11)
    b.para("parental_health", "Ms Dana Quayle has bipolar disorder and stopped her lithium over the summer. Her "
                              "partner, Mr Lewis Strand, is on a methadone script for heroin use.")
    b.heading("What helps", 11)
    b.para("working_well", "The children's grandmother is a steady presence and has them to stay most weekends.")
    b.heading("Looking ahead", 11)
    b.para("next_steps", "I will ring Ms Quayle within two weeks to talk about restarting her lithium, and we have "
                         "added an alert to all four records.")
    b.para(OTHER, "With kind regards,")
    b.para(OTHER, "Dr Anwen Roskilly MB BCh DRCOG MRCGP")
    b.para(OTHER, "GP Partner, Greyfriars Lane Surgery")
    return b.done()


def full_stop_labels() -> Layout:
    """Bold run-in labels ending with a full stop, in words of the author's own."""
    b = Builder("full stop run-in labels", False, "", "Greyfriars Lane Surgery")
    b.heading("Practice report for conference: Reuben Quayle (9)", 13)
    b.para(OTHER, "Date of birth 19/03/2017. NHS 719 240 6651. Conference 3 December 2026.", 9.5)
    b.runin("about_author", "Writer.", "Dr Anwen Roskilly, GP partner, who has looked after Reuben since he joined us; "
                                       "compiled from his record and two recent consultations.")
    b.runin("registration_attendance", "On our list.", "Reuben joined in 2021 and is seen about twice a year, usually "
                                                       "with his grandmother and once this autumn on his own.")
    b.runin("medical_conditions", "Body and mind.", "He has night-time wetting treated with desmopressin, not "
                                                   "collected since July, and he is small for his age.")
    b.runin("missed_appointments", "Not brought.", "He missed a continence clinic in June and two dental check-ups; "
                                                   "nobody rang to rearrange them.")
    b.runin("worries", "The event.", "On 25 October he had a scald on his ankle from a bath he ran himself while his "
                                     "mother slept; his grandmother brought him in.")
    b.runin("impact_analysis", "How he is affected.", "I think Reuben is growing up too fast: he gets himself and his "
                                                      "sister ready for school and is anxious about leaving home.")
    b.runin("complicating_factors", "Obstacles.", "His mother cancels most home visits and her partner will not say "
                                                  "where he lives, so no one has spoken to him.")
    b.runin("working_well", "Good things.", "Reuben is polite and chatty, reads well and is close to his "
                                            "grandmother, who has him most weekends.")
    b.runin("next_steps", "From here.", "I will see Reuben in a month to review the wetting and speak to his mother "
                                        "about her own treatment.")
    b.runin("child_voice", "Reuben's say.", "He told me he wants to live at his nan's because nobody shouts there.")
    b.para(OTHER, "Dr A. Roskilly, 1 December 2026. Shared with Ms Quayle.", 9)
    return b.done()


def _tick(b: Builder, question: str, answer: str) -> None:
    """A bold question, then its answer boxes on one line ("Yes [x]  No [ ]")."""
    b.room(26)
    b.pdf.ln(1.5)
    b.pdf.set_font(b.font, "B", 10)
    b.pdf.multi_cell(0, 5, question, new_x="LMARGIN", new_y="NEXT")
    b.pdf.set_font(b.font, "", 9.5)
    b.pdf.multi_cell(0, 5, answer, new_x="LMARGIN", new_y="NEXT")
    b.pdf.ln(2)
    b.headings.extend((question, answer))


def tick_questions() -> Layout:
    """Tick-box questions, each with free text after its boxes; a second paragraph may be about the next section."""
    b = Builder("tick questions and free text", False, "Ostbury Safeguarding Children Partnership", "")
    b.heading("Health report for a child protection conference", 13)
    b.para(OTHER, "Child: Ivy Quayle   Born: 08/08/2022   Practice: Greyfriars Lane", 9.5)
    b.table(OTHER, [("Surgery address", "Form filled in by"),
                    ("Greyfriars Lane Surgery, 14 Greyfriars Lane, Ostbury OB2 7TN",
                     "Dr S Varga, GP registrar, supervised by Dr A Roskilly")], (95, 90))
    b.heading("Part A: About this report", 11)
    b.para("about_author", "I am a GP registrar at the practice and saw Ivy with her mother in September; I have also "
                           "read her record and the health visitor's notes.")
    _tick(b, "Has a clinician from the practice seen the child in the last six months?", "[x] Yes   [ ] No")
    b.para("registration_attendance", "Ivy was last seen on 9 September by the practice nurse for a cough, with her "
                                      "mother. She has been on our list since 2022.")
    _tick(b, "Is the child behind with any of her vaccinations?", "[x] Yes   [ ] No")
    b.para("immunisations", "Her second MMR and the pre-school booster are overdue; two invitations went unanswered.")
    b.para("missed_appointments", "She was also not brought to three speech therapy sessions in 2026.")
    _tick(b, "Does a parent or carer have a health problem that may affect their care of the child?", "[x] Yes   [ ] No")
    b.para("parental_health", "Her mother has bipolar disorder and stopped taking lithium in the summer; her mother's "
                              "partner is prescribed methadone.")
    b.para("complicating_factors", "The partner is not our patient and has refused to let the health visitor in, so "
                                   "we cannot check how his medicine is stored.")
    _tick(b, "Is there a record of earlier concerns about this child or her siblings?", "[x] Yes   [ ] No")
    b.para("history_of_abuse", "Her older half-brother was placed with relatives in 2019 after a neglect enquiry.")
    b.heading("Your view", 11)
    b.para("impact_analysis", "Ivy's speech and her missed checks suggest she gets little attention at home when her "
                              "mother is unwell.")
    b.para("danger_statement", "If nothing changes I am worried she will swallow methadone or be scalded while no "
                               "adult is watching.")
    b.para(OTHER, "Form completed by Dr S Varga on 28 November 2026. Signed: S Varga", 9)
    return b.done()


def two_part_headings() -> Layout:
    """Headings of a broad label, a colon and a narrower section's name ("Attendance: missed appointments")."""
    b = Builder("two-part headings", False, "Ostbury Community Health Partnership", "")
    b.heading("Joint health summary for conference: Ivy Quayle", 13)
    b.heading("About this report", 11)
    b.para("about_author", "Written by Dr S Varga, GP registrar, with the health visitor Ms Corinne Abbot, from the GP "
                           "record, the health visiting notes and two home visits this autumn.")
    b.heading("Attendance: missed appointments", 11)
    b.para("missed_appointments", "Ivy was not brought to speech therapy on 4 March, 10 June or 2 September, and the "
                                  "clinic's letters were not answered.")
    b.heading("Concerns: history of abuse or neglect", 11)
    b.para("history_of_abuse", "Ivy's half-brother was the subject of a neglect enquiry in 2019 and now lives with an "
                               "aunt.")
    b.heading("Analysis: danger statement", 11)
    b.para("danger_statement", "We are worried that Ivy will swallow her stepfather's methadone or be scalded while her "
                               "mother is asleep, and could die or be badly hurt.")
    b.heading("Strengths: existing safety", 11)
    b.para("existing_safety", "When Ms Quayle was unwell in October she asked her own mother to come and stay, and the "
                              "methadone is now kept in a locked box that the health visitor has seen.")
    b.para("working_well", "Ivy is a cheerful, sociable girl who is growing well and is close to her brother.")
    b.heading("Actions: safety goals", 11)
    b.para("safety_goals", "Ivy will always be looked after by a sober, awake adult, and every medicine in the house "
                           "will stay locked away, for the next six months.")
    return b.done()


def tick_table() -> Layout:
    """A ruled table of questions with Yes and No columns, one of them marked, and a column of details beside them."""
    b = Builder("tick column table", False, "Ostbury Safeguarding Children Partnership", "")
    b.heading("Health checklist for a child protection conference: Reuben Quayle", 13)
    rows = [
        ("Is the child known to a clinician at the practice?", True,
         "registration_attendance", "Reuben has been on our list since 2021 and was last seen on 14 October with his "
                                    "grandmother for a sore throat."),
        ("Has the child any long-term illness, disability or delay?", True,
         "medical_conditions", "Night-time wetting, treated with desmopressin, which has not been collected since "
                               "July."),
        ("Are all the routine vaccinations given?", True, "immunisations", "Complete for his age."),
        ("Has the child missed any hospital or practice appointments?", True,
         "missed_appointments", "A continence clinic in June and two dental check-ups, none rearranged."),
        ("Is there a health concern about either parent or another adult at home?", True,
         "parental_health", "His mother has bipolar disorder and has stopped her lithium; her partner is on a "
                            "methadone script."),
        ("Were there earlier child protection concerns in this family?", True,
         "history_of_abuse", "His half-brother was the subject of a neglect enquiry in 2019."),
        ("Does the practice hold the child's own account of home life?", False, "child_voice", ""),
    ]
    b.pdf.set_font(b.font, "", 9)
    with b.pdf.table(col_widths=(70, 12, 12, 91), first_row_as_headings=True,
                     headings_style=FontFace(emphasis="BOLD")) as t:
        t.row(["Question", "Yes", "No", "Details"])
        for question, yes, _, details in rows:
            t.row([question, "X" if yes else "", "" if yes else "X", details])
    b.pdf.ln(3)
    b.units.extend(Unit(section, details) for _, _, section, details in rows if details)
    b.headings.extend(q for q, *_ in rows)
    b.heading("Comments", 11)
    b.para("worries", "On 25 October Reuben came in with a scald to his ankle from a bath he had run alone while his "
                      "mother slept.")
    return b.done()


TUNING_FORMS = [wrapping_question_form, borderless_wrapping_form, plain_question_form, signed_letter, full_stop_labels, tick_questions, two_part_headings, tick_table]
