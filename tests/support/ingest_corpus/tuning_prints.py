"""Tuning layouts, sixth batch (family S only, kept out of the agency file's examples like family J): the shapes the
fifth held-out batch showed failing, written with new content and other wording, never its text. A letter of
numbered requests in bold that wrap over two lines and end with a full stop, each answered by terse one-line
paragraphs; and a clinical record print with qualified problem-list headings ("Current Problems"), dated bulleted
entries, and journal entries opened by a bold date-and-clinician label with no colon."""

from tests.support.ingest_corpus.build import OTHER, Builder, Layout, Unit

S_CHILDREN = "Mia Kowalczyk (6) and Noah Kowalczyk (3)"

REQUESTS = [
    ("1. Please describe how long the children have been registered with the practice, how often they are seen "
     "and who usually brings them to their appointments.", [
         ("registration_attendance", "Both children registered since 2019. Seen about four times a year, nearly "
                                     "always with their grandmother."),
         ("missed_appointments", "Mia WNB x2 for dental referrals in 2026. No A&E."),
     ]),
    ("2. Please summarise each child's health, development and any treatment, and whether the treatment is being "
     "followed.", [
         ("medical_conditions", "Mia: recurrent ear infections, listed for grommets in January. Noah: nil of note."),
         ("immunisations", "Imms UTD apart from Noah's pre-school booster."),
     ]),
    ("3. Please give details of any health problems of the parents or carers that may affect how they look after "
     "the children.", [
         ("parental_health", "Father - opiate dependence, on methadone since March 2025, collects daily."),
         ("parental_health", "Mother not registered with the practice."),
     ]),
    ("4. Please set out your concerns about the children and how you came to know of them.", [
        ("worries", "Grandmother told the practice nurse on 8 October 2026 that Noah swallowed one of his father's "
                    "tablets in August."),
        ("history_of_abuse", "CIN plan for both in 2023."),
    ]),
    ("5. Please say what is going well for the children.", [
        ("working_well", "Grandmother very involved - brings them to every appointment."),
    ]),
    ("6. Is there anything else the conference should know.", [
        ("next_steps", "GP to review how the methadone is stored at father's next appointment."),
    ]),
]


def numbered_request_letter() -> Layout:
    b = Builder("numbered request letter", False, "", "Calder Vale Health Centre")
    b.para(OTHER, "Calder Vale Health Centre, 2 Mill Brow, Hebworth HB3 1LR", 9)
    b.heading("GP report to child protection conference", 12)
    b.para(OTHER, f"Children: {S_CHILDREN}")
    for request, answers in REQUESTS:
        b.heading(request, 10, "B")
        for section, text in answers:
            b.para(section, text)
    return b.done()


def clinical_record_print() -> Layout:
    b = Builder("clinical record print", False, "Practice record print | Calder Vale Health Centre", "")
    b.heading("Safeguarding summary for conference", 13)
    b.labelled(OTHER, "Patient", "Mia Kowalczyk   DOB 02/04/2020   NHS 962 417 5530", 9.5)
    for heading, entries in (
        ("Current Problems", [("medical_conditions", "11/02/2026 Recurrent otitis media - ENT listed for grommets"),
                              ("medical_conditions", "06/09/2025 Glue ear - hearing test 30 dB both ears")]),
        ("Past Problems", [("medical_conditions", "14/05/2022 Iron deficiency anaemia - treated, resolved")]),
    ):
        b.heading(heading, 10.5)
        for section, text in entries:
            b.pdf.set_font(b.font, "", 9.5)
            b.pdf.multi_cell(0, 4.8, f"- {text}", new_x="LMARGIN", new_y="NEXT")
            b.pdf.ln(1)
            b.units.append(Unit(section, text))
    b.heading("Consultations", 10.5)
    for label, section, text in (
        ("08/10/2026 Practice nurse - surgery", "worries",
         "Grandmother says Noah swallowed one of his father's methadone tablets in August and was sick; nobody "
         "took him to hospital. Told the duty social worker the same day."),
        ("21/08/2026 Dental practice letter", "missed_appointments",
         "Mia not brought to her second dental referral appointment; the dentist has discharged her."),
        ("03/07/2026 Dr M Haworth - telephone", "parental_health",
         "Father, Mr Piotr Kowalczyk, asked for his methadone to be increased; says he has used heroin on top twice "
         "this month."),
    ):
        b.runin(section, label, text, 9.5)
    b.heading("Comments", 10.5)
    b.para("about_author", "Written by Dr Martin Haworth, the children's usual GP, from the practice record and my "
                           "own consultations with their father.")
    b.para("danger_statement", "I am worried that if Mr Kowalczyk keeps his methadone where the children can reach "
                               "it, Noah or Mia could swallow it again and stop breathing.")
    return b.done()


TUNING_PRINTS = [numbered_request_letter, clinical_record_print]
