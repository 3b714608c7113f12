"""Tuning layouts, seventh batch (family Y only, kept out of the agency file's examples like families J and S): the
shapes the fifth held-out batch still showed failing after tuning_prints.py, written with new content and other
wording, never its text. A clinical template print opening with a patient details table (column names above one
row of identifiers), shaded bars whose names fit more than one section ("Positives", "Plan"), each bar holding
paragraphs of two neighbouring sections; a questionnaire print of "Question | Answer" rows answered in a few words;
a letter of broad numbered questions each answered by one-line labels ("Poor home conditions."); and a partnership's
prompt form whose prompts each name one section while a later answer under them is about another."""

from fpdf.fonts import FontFace

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit

Y_CHILD = "Kacey Farrimond"


def _bar(b: Builder, text: str) -> None:
    b.room(25)
    b.pdf.ln(2)
    b.pdf.set_fill_color(222, 230, 214)
    b.pdf.set_font(b.font, "B", 10)
    b.pdf.cell(0, 6, text, fill=True, new_x="LMARGIN", new_y="NEXT")
    b.pdf.ln(1.5)
    b.headings.append(text)


def template_bars_print() -> Layout:
    b = Builder("template bars print", False, "Practice system | Template print | Ellerby Fold Surgery", "Sensitive")
    b.heading("GP Safeguarding Report for Case Conference", 13)
    b.table(OTHER, [("Name", "Born", "NHS No.", "Registered GP"),
                    (Y_CHILD, "18-Jan-2019", "971 330 4826", "Dr K Amadi")], (55, 35, 40, 55))
    b.table(OTHER, [("Conference", "Venue", "Chair"),
                    ("ICPC 30-Nov-2026", "Ellerby civic centre", "Ms J Prothero")], (60, 70, 55))
    _bar(b, "Purpose")
    b.para("worries", "Kacey, aged seven, was found by a neighbour walking along the ring road in her nightdress at "
                      "6 am on 14 October 2026. She said her mother would not wake up. Police took her home and "
                      "found her mother unconscious after taking pills and vodka.")
    _bar(b, "Our Involvement")
    b.para("about_author", "Written by Dr Kelechi Amadi, Kacey's registered GP at Ellerby Fold Surgery since 2021, "
                           "using the practice record, two letters from the children's ward and my own notes.")
    _bar(b, "Presenting Health")
    b.para("medical_conditions", "Kacey has type 1 diabetes, diagnosed in 2024. Her last blood test showed poor "
                                 "control and the diabetes nurse thinks insulin doses are often missed at home.")
    b.para("immunisations", "Her pre-school booster and second MMR have not been given.")
    _bar(b, "Contact With The Practice")
    b.table("registration_attendance", [("Date", "Clinician", "Why"),
                                        ("02-Oct-2026", "Diabetes nurse", "Review"),
                                        ("19-Jun-2026", "Dr K Amadi", "Earache")], (35, 60, 90))
    b.para("missed_appointments", "Kacey was not brought to three diabetes clinic appointments this year and to "
                                  "her eye screening in July.")
    _bar(b, "Adults In The Home")
    b.para("parental_health", "Her mother, Ms Dionne Farrimond, has bipolar disorder and has stopped her lithium. "
                              "She took an overdose in 2023 and again this October.")
    _bar(b, "Positives")
    b.para("working_well", "When she is well Ms Farrimond is warm with Kacey, plaits her hair for school and knows "
                           "a lot about managing the diabetes.")
    b.para("existing_safety", "Since the October overdose Kacey's aunt has slept at the house each night and checks "
                              "Kacey's blood sugar before school.")
    _bar(b, "What Kacey Says")
    b.para("child_voice", "Kacey told the diabetes nurse she likes it when auntie stays because \"mummy is sleepy a "
                          "lot\". She wants to keep her cat.")
    _bar(b, "Plan")
    b.para("safety_goals", "Everyone needs to see Kacey living with an adult who is awake and able to give her "
                           "insulin every morning and evening, with steady sugar levels, over the next six months.")
    b.para("next_steps", "I will write to the community mental health team this week about Ms Farrimond's lithium "
                         "and the diabetes nurse will share Kacey's readings with the social worker monthly.")
    return b.done()


Y_ANSWERS = [
    ("Conference date", [(OTHER, "30/11/2026")]),
    ("Author and role", [("about_author", "Dr Seren Vaughan, GP registrar, supervised by Dr K Amadi.")]),
    ("Registration and contact", [("registration_attendance", "Registered 2021. Last seen 02/10/2026 with mum.")]),
    ("Medical problems and treatment", [("medical_conditions", "T1DM - poorly controlled.")]),
    ("Vaccination history", [("immunisations", "Pre-school booster and MMR2 outstanding.")]),
    ("Missed or urgent contacts", [("missed_appointments", "WNB diabetes clinic x3.")]),
    ("Health of parents and other adults", [("parental_health", "Mum - bipolar, off lithium.")]),
    ("Worries about the child", [("worries", "Found alone on the ring road at 6 am.")]),
    ("Likely harm if nothing changes", [("danger_statement", "Missed insulin and no supervision.")]),
    ("Good things for the child", [("working_well", "Aunt helping.")]),
    ("What the practice will do", [("next_steps", "Share readings with social worker.")]),
    ("Views of the young person", [("child_voice", "Unknown.")]),
]


def short_answer_questionnaire() -> Layout:
    b = Builder("short answer questionnaire", False, "Questionnaire print | Ellerby Fold Surgery", "")
    b.heading("Child Protection - Practice Questionnaire", 12)
    b.labelled(OTHER, "Patient", f"{Y_CHILD} (F)   DOB 18 Jan 2019   NHS No. 971 330 4826", 9)
    b.pdf.set_font(b.font, "", 9)
    with b.pdf.table(col_widths=(70, 115), first_row_as_headings=True,
                     headings_style=FontFace(emphasis="BOLD", fill_color=(205, 205, 205))) as t:
        t.row(("Question", "Answer"))
        for question, answers in Y_ANSWERS:
            row = t.row()
            row.cell(question)
            row.cell("\n\n".join(text for _, text in answers))
    b.pdf.ln(3)
    b.units.extend(Unit(s, text) for _, answers in Y_ANSWERS for s, text in answers)
    b.headings.extend(["Question", "Answer", *(q for q, _ in Y_ANSWERS)])
    return b.done()


Y_QUESTIONS = [
    ("1. What does the practice know about the child's health and how she uses the surgery?", [
        ("medical_conditions", "Diabetic since 2024, control poor."),
        ("registration_attendance", "On our list since 2021, seen every few months."),
        ("missed_appointments", "Three clinic appointments missed this year."),
    ]),
    ("2. What does the practice know about the adults caring for the child?", [
        ("parental_health", "Mother: bipolar disorder, two overdoses."),
        ("complicating_factors", "Mum will not let the mental health nurse into the house."),
    ]),
    ("3. What are the practice's views about the child's situation?", [
        ("worries", "Poor home conditions."),
        ("working_well", "Mum clearly adores her daughter."),
        ("history_of_abuse", "Earlier child in need plan in 2023."),
    ]),
    ("4. Anything further.", [
        ("other_information", "Please ring the surgery if you need anything more from us."),
        ("next_steps", "We will keep seeing Kacey in the diabetes clinic."),
    ]),
]


def broad_questions_letter() -> Layout:
    b = Builder("broad questions letter", False, "", "Ellerby Fold Surgery")
    b.para(OTHER, "Ellerby Fold Surgery, 9 Fold Lane, Ellerby EL7 2WD", 9)
    b.heading("Practice report for child protection conference", 12)
    b.para(OTHER, f"Regarding: {Y_CHILD} (DOB 18/01/2019)")
    for question, answers in Y_QUESTIONS:
        b.heading(question, 10, "B")
        for section, text in answers:
            b.para(section, text)
    return b.done()


PROMPTS = [
    ("Why is the practice involved and for how long?", [
        ("about_author", "I am Dr Kelechi Amadi. Kacey and her mother have been on my list since 2021 and I see Kacey "
                         "in the diabetes clinic every three months; this report draws on those visits and the record."),
    ]),
    ("What are we worried about?", [
        ("worries", "On 14 October 2026 Kacey was found alone by the ring road at dawn after her mother collapsed at "
                    "home, and her sugar readings show many missed insulin doses since the summer."),
        ("history_of_abuse", "Children's social care held a child in need plan for Kacey in 2023 after her mother's "
                             "first overdose; it closed in 2024."),
        ("parental_health", "Ms Farrimond has bipolar disorder and stopped taking lithium in August. She drinks "
                            "heavily when low and missed her last two psychiatry reviews."),
    ]),
    ("What needs to happen?", [
        ("next_steps", "I will ask the community mental health team to see Ms Farrimond within a week and the diabetes "
                       "nurse will send Kacey's readings to the social worker every month."),
        ("safety_goals", "For the next six months Kacey should have an adult at home who is well enough to wake with "
                         "her, give her insulin and get her to school each day."),
    ]),
]


def partnership_prompts() -> Layout:
    b = Builder("partnership prompts", False, "Ellerby Safeguarding Partnership", "Report format for conference")
    b.heading("Agency report to child protection conference", 13)
    b.labelled(OTHER, "Child", Y_CHILD)
    for prompt, answers in PROMPTS:
        b.heading(prompt, 10.5)
        for section, text in answers:
            b.para(section, text)
    return b.done()


TUNING_BANNERS = [template_bars_print, short_answer_questionnaire, broad_questions_letter, partnership_prompts]
