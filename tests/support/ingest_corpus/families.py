"""Invented families: what a GP would write about each child, paragraph by paragraph, keyed by the
GP agency's section the paragraph belongs in. Every person, practice and place here is invented.

Families A-C and G feed the tuning layouts; D and E feed only the held-out layouts, so their wording
never shaped the matcher or the agency vocabulary.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Family:
    key: str
    child: str
    dob: str
    nhs: str
    practice: str
    author: str
    conference: str
    text: dict[str, list[str]] = field(default_factory=dict)

    def one(self, section: str, n: int = 0) -> str:
        return self.text[section][n]


A = Family(
    "A", "Leo Ashgrove", "14-Feb-2022", "999 012 3456", "Holm Lane Medical Centre", "Dr Priya Mendes",
    "Initial child protection conference, 20 October 2026, Calderby Town Hall",
    {
        "about_author": [
            "I am Dr Priya Mendes, a salaried GP at Holm Lane Medical Centre. I have been Leo's named GP since "
            "2023 and have seen him and his mother in surgery on several occasions. This report is based on the "
            "practice records and my own consultations.",
        ],
        "worries": [
            "On 3 September 2026 Leo was brought to the surgery by a neighbour with a burn on the back of his left "
            "hand about the size of a coin. The neighbour said Leo had been left alone in the flat that afternoon. "
            "His mother later told me he had touched the kettle.",
        ],
        "registration_attendance": [
            "Leo has been registered with the practice since birth. He was last seen on 3 September 2026. He is "
            "usually brought by his mother, but twice this year by a neighbour, and his attendance is mostly for "
            "minor illness at the walk-in clinic rather than booked appointments.",
        ],
        "medical_conditions": [
            "Leo has mild asthma, treated with a blue reliever inhaler as needed; the prescription has not been "
            "collected since May. His speech is behind what is expected for his age and he was referred to speech "
            "and language therapy in March 2026.",
        ],
        "immunisations": [
            "Leo's routine vaccinations are incomplete. He has not had the second MMR dose or the pre-school "
            "booster, and three invitations from the practice nurse were not answered.",
        ],
        "missed_appointments": [
            "Leo was not brought to his speech and language therapy assessment on 12 May or to the asthma clinic "
            "on 30 June. Nobody phoned to cancel or rebook either appointment.",
        ],
        "parental_health": [
            "Leo's mother, Kerry-Ann Ashgrove, has generalised anxiety and has told the practice she drinks most "
            "evenings to help her sleep. Her alcohol screening score in July was in the harmful range and she "
            "declined a referral to the community alcohol team.",
        ],
        "history_of_abuse": [
            "Leo was made subject to a child in need plan in 2024 because of concerns about home conditions. The "
            "plan closed in early 2025. There are no earlier child protection records for Leo or his half-sister.",
        ],
        "impact_analysis": [
            "In my opinion the main effect on Leo of his mother's drinking is that he is not always supervised and "
            "his health needs are missed. The burn, the uncollected inhaler and the missed therapy all point the "
            "same way: his care depends on how his mother is coping that week.",
        ],
        "danger_statement": [
            "The practice is worried that if Leo's mother continues to drink in the evenings while she is alone "
            "with him, Leo could be seriously hurt in an accident at home, or have an asthma attack with nobody "
            "able to help him.",
        ],
        "complicating_factors": [
            "The family has no phone credit for long periods, so reminders from the practice do not reach them. "
            "Ms Ashgrove has changed her address twice this year and hospital letters have gone to the old flat.",
        ],
        "working_well": [
            "Ms Ashgrove clearly loves Leo and he is warm and affectionate with her in the consulting room. She "
            "came back promptly when asked to bring him for the burn to be dressed, and the neighbour is a "
            "reliable help.",
        ],
        "existing_safety": [
            "When Leo was burned, the neighbour took him straight to the surgery and stayed with him, and Ms "
            "Ashgrove's sister has since been staying over on the nights she works.",
        ],
        "safety_goals": [
            "Leo will always have a sober adult looking after him, his inhaler will be at home and in date, and "
            "professionals will see him brought to his appointments for the next six months.",
        ],
        "next_steps": [
            "The practice will book a joint appointment with the health visitor within two weeks to catch up Leo's "
            "vaccinations, send reminders by letter as well as text, and offer Ms Ashgrove a review of her anxiety "
            "and drinking with the practice mental health worker.",
        ],
        "child_voice": [
            "Leo is four and his speech is limited. When I asked about his hand he said \"hot, hot, Mummy "
            "sleeping\" and pointed to the kitchen.",
        ],
    },
)

B = Family(
    "B", "Ava Brindle", "02-Jan-2026", "999 045 7781", "Quarry Bank Surgery", "Dr Tom Ellery",
    "Review child protection conference, 9 November 2026, Westmarsh Family Hub",
    {
        "about_author": [
            "This report has been prepared by Dr Tom Ellery, GP partner at Quarry Bank Surgery, who has known the "
            "family since Ava's mother registered in 2024. Information is drawn from the electronic record, "
            "letters from the maternity unit and discussions with the health visitor.",
        ],
        "worries": [
            "At her eight-week check Ava had a small bruise on her cheek. Her parents could not explain it and a "
            "baby who is not yet rolling should not bruise. She was seen by the paediatric team the same day and "
            "the findings were passed to children's social care.",
        ],
        "registration_attendance": [
            "Ava was registered with the practice shortly after birth. She has been seen five times, most recently "
            "on 21 September 2026 for a cold, when both parents came with her.",
        ],
        "medical_conditions": [
            "Ava was born at 36 weeks and was treated for neonatal abstinence syndrome for eleven days on the "
            "special care unit. She is now gaining weight along the 9th centile and her development appears "
            "normal for her corrected age.",
        ],
        "immunisations": [
            "Ava's eight- and twelve-week vaccinations were given on time. The sixteen-week vaccinations are "
            "overdue: the appointment was rebooked twice by her father.",
        ],
        "missed_appointments": [
            "Ava was not brought to her hip ultrasound at the hospital in February, and the family did not attend "
            "a weighing clinic in April. Both were later rebooked by the health visitor.",
        ],
        "parental_health": [
            "Ava's father, Darren Brindle, is prescribed methadone through the shared care service and has had two "
            "positive urine tests for heroin since the summer. Ava's mother, Shona Lister, has a history of "
            "postnatal depression and was restarted on medication in June.",
        ],
        "history_of_abuse": [
            "Mr Brindle's two older children from a previous relationship were placed with their grandparents in "
            "2019 after a child protection plan for neglect.",
        ],
        "impact_analysis": [
            "A baby of Ava's age depends entirely on her carers. When Mr Brindle is using heroin and Ms Lister is "
            "low in mood, there may be times when neither parent is able to respond to her, to notice illness or "
            "to keep her safe from harm.",
        ],
        "danger_statement": [
            "The GP and health visitor are worried that if Ava's father uses heroin again while caring for her, "
            "Ava could be dropped, shaken or left without feeds, and could swallow drugs left within reach.",
        ],
        "complicating_factors": [
            "The parents live with Mr Brindle's brother, who is not registered with any GP and whose own drug use "
            "is not known to services. The couple are reluctant to let professionals into the house.",
        ],
        "working_well": [
            "Both parents attend with Ava and are gentle with her. Ms Lister has kept every appointment with her "
            "own mental health worker and the feeding chart she keeps is careful and up to date.",
        ],
        "existing_safety": [
            "Since the bruise was found, Ava's maternal grandmother has come every morning to help, and the "
            "parents have agreed that Mr Brindle is not left alone with Ava.",
        ],
        "safety_goals": [
            "For the next three months Ava will be cared for only by adults who are not using drugs, her "
            "methadone-free home will have medicines locked away, and she will be brought to every check.",
        ],
        "next_steps": [
            "Dr Ellery will see Ava for her overdue vaccinations before the end of October, share any further "
            "positive drug tests with the social worker, and review Ms Lister's medication in four weeks.",
        ],
        "child_voice": [
            "Ava is nine months old. She is a smiley baby who reaches for her mother and settles quickly when "
            "picked up; she was unsettled and flinched when approached by her uncle in the waiting room.",
        ],
    },
)

C = Family(
    "C", "Jayden Corrie", "30-Jun-2012", "999 077 2014", "Millford Health Centre", "Dr Ruth Okonjo",
    "Initial child protection conference, 14 October 2026, Millford Civic Offices",
    {
        "about_author": [
            "My name is Dr Ruth Okonjo. I am a GP at Millford Health Centre and the practice safeguarding lead. I "
            "have seen Jayden three times this year and his mother more often. I have also read the letters from "
            "the emergency department and the child and adolescent mental health service.",
        ],
        "worries": [
            "Jayden attended the emergency department on 28 August 2026 after cutting his forearms. He told the "
            "nurse that his mother's partner had pushed him against a wall the week before and that he was scared "
            "to go home.",
        ],
        "registration_attendance": [
            "Jayden has been registered with us since 2018. He usually comes alone or with his older sister; his "
            "last appointment was on 2 October 2026, a follow-up after the emergency department visit.",
        ],
        "medical_conditions": [
            "Jayden has low mood and anxiety and is on the waiting list for the child and adolescent mental health "
            "service. He is otherwise physically well, but he has lost four kilograms since the spring.",
        ],
        "immunisations": [
            "His childhood immunisations are complete. He has not yet had the teenage booster or the MenACWY "
            "vaccine offered at school this year.",
        ],
        "missed_appointments": [
            "Jayden has not come to two booked reviews of his mood, in June and in September. The first time his "
            "mother phoned to say he was ill; the second time there was no contact.",
        ],
        "parental_health": [
            "Jayden's mother, Mrs Lorraine Corrie, has told me that her partner is controlling and has hit her. "
            "She has been coded at the practice as a victim of domestic abuse since 2025 and has been referred to "
            "the domestic abuse advocacy service.",
        ],
        "history_of_abuse": [
            "The practice record shows a police notification of a domestic incident at the family home in 2023, "
            "when Jayden was present. There was no child protection plan at that time.",
        ],
        "impact_analysis": [
            "Jayden is living in a home where violence happens and he has begun to hurt himself. In my view his "
            "self-harm, weight loss and missed reviews are a response to fear at home rather than a separate "
            "illness.",
        ],
        "danger_statement": [
            "We are worried that if Jayden keeps living with his mother's partner and the violence continues, he "
            "will be hurt again, his self-harm will become more serious, and he could end his own life.",
        ],
        "complicating_factors": [
            "Mrs Corrie is frightened of what her partner will do if she tells professionals more, and the partner "
            "is registered at a different practice, so we hold no information about him.",
        ],
        "working_well": [
            "Jayden has a close relationship with his older sister, who comes with him to appointments, and he is "
            "still going to school most days. His mother has been honest with me about what happens at home.",
        ],
        "existing_safety": [
            "After the push in August, Jayden's sister took him to stay at their aunt's house for three nights, "
            "and his mother asked the partner to leave for a week.",
        ],
        "safety_goals": [
            "Jayden will live somewhere he is not hit or threatened, will have an adult he trusts to tell when he "
            "feels like hurting himself, and professionals will see his self-harm stop over the next six months.",
        ],
        "next_steps": [
            "I will see Jayden again within two weeks, chase the mental health referral as urgent, and offer his "
            "mother an appointment with the domestic abuse advocate at the surgery.",
        ],
        "child_voice": [
            "Jayden said to me: \"I just want it to be quiet at home. I don't want Mum to get hurt because of me.\" "
            "He asked that his mother's partner is not told what he said.",
        ],
    },
)

D = Family(  # held out
    "D", "Sophie Dunmore", "11-May-2019", "999 083 6620", "Fenby Road Surgery", "Dr Hamid Qureshi",
    "Review child protection conference, 2 November 2026, Fenby Children's Centre",
    {
        "about_author": [
            "Report written by Dr Hamid Qureshi, GP principal, Fenby Road Surgery. I have looked after Sophie, her "
            "brother Alfie and their mother for six years, and I have taken this information from our records and "
            "from talking with the school nurse.",
        ],
        "worries": [
            "Sophie has come to school several times this term hungry and in dirty clothes, and the school nurse "
            "found untreated head lice and infected scratches on her scalp. She has eight decayed teeth and has "
            "complained of toothache for months.",
        ],
        "registration_attendance": [
            "Sophie and Alfie have both been registered here since 2020. Sophie was last seen on 18 September 2026 "
            "with earache. Their mother usually brings them, often late in the day and without an appointment.",
        ],
        "medical_conditions": [
            "Sophie has recurrent ear infections and her hearing was reduced in the left ear at her last test. She "
            "is overweight for her height, and the dentist has listed her for extraction of several teeth under "
            "general anaesthetic.",
        ],
        "immunisations": [
            "Both children are up to date with their jabs apart from the annual flu nasal spray, which their "
            "mother declined last winter.",
        ],
        "missed_appointments": [
            "Sophie was not brought to the dental hospital twice and missed her ear, nose and throat follow-up in "
            "July. We have counted nine missed appointments across both children in the past year.",
        ],
        "parental_health": [
            "Ms Natalie Dunmore has a mild learning disability and epilepsy that is not well controlled. She told "
            "me she sometimes forgets her tablets and has had two seizures at home this year while the children "
            "were there.",
        ],
        "history_of_abuse": [
            "Sophie and Alfie were on child protection plans under the category of neglect in 2021 and 2022. The "
            "plans ended when the family moved nearer their grandmother.",
        ],
        "impact_analysis": [
            "Ms Dunmore wants to do her best but struggles to organise the children's care without help. The "
            "result for Sophie is pain, poor hearing and being picked on at school for how she looks, which "
            "affects her confidence and her learning.",
        ],
        "danger_statement": [
            "We are worried that if nothing changes, Sophie will go on living with pain from her teeth and ears, "
            "will lose more of her hearing, and could be hurt if her mother has a seizure while caring for her "
            "alone.",
        ],
        "complicating_factors": [
            "The grandmother who used to help has moved away. Ms Dunmore finds letters hard to read, so written "
            "appointment letters are often not understood.",
        ],
        "working_well": [
            "Sophie is cheerful and chatty, and Ms Dunmore is affectionate with both children. She has agreed to "
            "let the family support worker help with mornings.",
        ],
        "existing_safety": [
            "Ms Dunmore has taught Sophie to ring 999 and to put Alfie in front of the television if Mummy falls "
            "down, and a neighbour now has a key to the house.",
        ],
        "safety_goals": [
            "Sophie will be free of toothache and ear pain by the spring, will go to school clean and fed every "
            "day, and will always have an adult nearby who can help if her mother has a seizure.",
        ],
        "next_steps": [
            "The practice will phone Ms Dunmore before each appointment instead of writing, refer her back to the "
            "epilepsy nurse, and liaise with the dental hospital so that Sophie's treatment goes ahead this term.",
        ],
        "child_voice": [
            "Sophie told the school nurse: \"My teeth hurt when I eat. Mummy says we'll go to the dentist soon.\" She "
            "drew a picture of her family with Grandma in it.",
        ],
    },
)

E = Family(  # held out
    "E", "Kacper Ewing-Nowak", "23-Sep-2016", "999 091 4407", "Brookhaven Practice", "Dr Lucy Tran",
    "Initial child protection conference, 27 October 2026, Brookhaven Council House",
    {
        "about_author": [
            "I write as Kacper's GP. I qualified in 2011 and have worked at Brookhaven Practice since 2019. Most "
            "of what follows comes from our clinical system and hospital correspondence; where it comes from what "
            "the family told me, I say so.",
        ],
        "worries": [
            "Kacper's father, who has a psychotic illness, stopped his medication in the summer. In August Kacper "
            "told his teacher that his father had locked him in his bedroom for a night because the neighbours "
            "were \"listening through the walls\".",
        ],
        "registration_attendance": [
            "Kacper joined the practice list in 2019 when the family moved from Poland. He is seen about twice a "
            "year, nearly always with his father, most recently on 5 August 2026 for a sore throat.",
        ],
        "medical_conditions": [
            "Kacper has attention deficit hyperactivity disorder, diagnosed by the community paediatrician in "
            "2024, and takes methylphenidate on school days. His growth and weight are being monitored because "
            "of the medicine.",
        ],
        "immunisations": [
            "Kacper's vaccination record from Poland was translated and checked in 2019; he has had everything "
            "due for his age in the UK schedule.",
        ],
        "missed_appointments": [
            "Kacper was not brought to two ADHD medication reviews with the paediatrician this year, which means "
            "his prescription may have to stop.",
        ],
        "parental_health": [
            "Mr Marek Nowak has schizophrenia and is under the early intervention team; he disengaged from them "
            "in June. Kacper's mother, Ms Joanne Ewing, works night shifts and has no health problems known to us.",
        ],
        "history_of_abuse": [
            "There is nothing in Kacper's record, or his father's, about earlier abuse or neglect, and no previous "
            "referrals to children's social care.",
        ],
        "impact_analysis": [
            "When his father is unwell, Kacper is left to manage a frightening adult on his own at night. This is "
            "likely to add to his anxiety and attention problems and may explain the recent fall in his behaviour "
            "at school.",
        ],
        "danger_statement": [
            "The practice is worried that if Mr Nowak stays off his medication and cares for Kacper alone at night, "
            "Kacper could be locked in, hurt, or drawn into his father's beliefs, and would be too scared to tell "
            "anyone.",
        ],
        "complicating_factors": [
            "Mr Nowak does not believe he is ill and refuses home visits. Ms Ewing's night shifts mean she is not "
            "home when her partner's symptoms are worst.",
        ],
        "working_well": [
            "Kacper's mother is very committed to him and has already asked her employer for day shifts. Kacper "
            "does well in maths and has a good friend at school whose family he can visit.",
        ],
        "existing_safety": [
            "When Kacper was locked in, his mother came home early, let him out and took him to his grandmother's "
            "for the rest of the week.",
        ],
        "safety_goals": [
            "Kacper will not be alone overnight with his father while his father is unwell, will know who to call "
            "if he is scared, and will be brought to every medication review for the coming year.",
        ],
        "next_steps": [
            "The practice will ask the early intervention team for an urgent review of Mr Nowak, book Kacper's "
            "medication review with the paediatrician, and tell the social worker of any further missed "
            "appointments.",
        ],
        "child_voice": [
            "Kacper said he likes football and drawing. He told me \"Tata is different when he is poorly. I don't "
            "like the nights.\"",
        ],
    },
)

F = Family(  # held out, second batch: only the layouts in held_out_fresh.py use it
    "F", "Ruby Castellan", "02-Aug-2020", "999 104 7781", "Quarry Hill Health Centre", "Dr Nadia Osei-Fox",
    "Initial child protection conference, 9 November 2026, Quarry Hill Family Hub",
    {
        "about_author": [
            "My name is Dr Nadia Osei-Fox and I am one of five partners at Quarry Hill Health Centre, where I lead "
            "on safeguarding. Ruby is registered with my list; I have met her four times and her mother more "
            "often. I checked the electronic record and spoke to our practice nurse before writing this.",
        ],
        "worries": [
            "On 14 October 2026 Ruby's nursery sent her to us with a bruise shaped like a hand on her upper arm. "
            "Her mother's partner said she had fallen off the sofa. Ruby flinched when I went to examine her and "
            "would not let me lift her sleeve until her mother held her.",
        ],
        "registration_attendance": [
            "Ruby joined the practice in March 2024 when the family moved from Leeds. She has been seen nine times "
            "since, mostly for coughs and rashes, and was last seen by the practice nurse on 21 October 2026.",
        ],
        "medical_conditions": [
            "Ruby has eczema on her hands and behind her knees that flares in winter, and her weight has fallen "
            "from the 50th to the 9th centile over the last year. She had a febrile convulsion at eighteen months "
            "and none since.",
        ],
        "immunisations": [
            "Ruby had all of her baby vaccinations on time but has not had the pre-school booster or the second "
            "MMR dose, which were due in the spring. Three reminders have gone unanswered.",
        ],
        "missed_appointments": [
            "Ruby was not brought to the dietitian in June or to the eczema clinic at the hospital in August, and "
            "the health visitor's two-year review was cancelled by her mother twice.",
        ],
        "parental_health": [
            "Ms Jade Castellan has been treated here for postnatal depression and, since the spring, for "
            "anxiety and panic attacks. Her partner, Mr Dean Harrow, is not registered with us; she has told the "
            "nurse he drinks most evenings.",
        ],
        "history_of_abuse": [
            "The records transferred from Leeds show that Ruby's older half-brother was the subject of a child "
            "protection plan for physical abuse in 2019, when the family lived with a previous partner.",
        ],
        "impact_analysis": [
            "Taken together, an unexplained injury, a child who is losing weight and missing health care, and a "
            "mother who is unwell and frightened suggest that Ruby's basic needs and her safety are not being "
            "met, and that she may be learning to keep quiet about what happens at home.",
        ],
        "danger_statement": [
            "My worry is that unless the adults at home change, Ruby will be hit again and could be seriously "
            "hurt, and that her growth and her eczema will keep getting worse because she is not taken to the "
            "people who can treat her.",
        ],
        "complicating_factors": [
            "Ms Castellan has no family nearby and no car, and the hospital is two buses away. Mr Harrow has "
            "refused to speak to the health visitor and answers the door when professionals call.",
        ],
        "working_well": [
            "Ruby attends nursery every weekday and staff there describe her as bright and sociable. Ms Castellan "
            "came to the surgery on her own to ask for help with her anxiety and is taking her medication.",
        ],
        "existing_safety": [
            "Since the bruise, Ms Castellan has arranged for Ruby to spend two nights a week with her aunt, and "
            "she rings the nursery if Ruby will be absent so that staff know where she is.",
        ],
        "safety_goals": [
            "Ruby will live in a home where no adult hurts her, will be back on her growth curve by the summer, and "
            "will be brought to every health appointment she needs.",
        ],
        "next_steps": [
            "The practice will offer Ruby's outstanding vaccinations at a home visit, re-refer her to the "
            "dietitian with a reminder call the day before, review Ms Castellan's anxiety monthly, and tell the "
            "social worker straight away if an appointment is missed.",
        ],
        "child_voice": [
            "Ruby is too young to say much about her life, but she told the nurse, \"Dean shouts at Mummy,\" and "
            "hid behind her mother's legs when his name came up.",
        ],
    },
)

G = Family(  # tuning, second batch: the one-column question tables and header-row grids in tuning.py
    "G", "Isla Brennock", "27-Jun-2019", "999 045 7712", "Wyvern Street Surgery", "Dr Hamid Okonjo",
    "Review child protection conference, 12 November 2026, Ashby Children's Centre",
    {
        "about_author": [
            "I am Dr Hamid Okonjo, a GP partner and the practice's lead for children's safeguarding. Isla and "
            "her father are on my list and I have seen Isla myself four times in the last year. I have read her "
            "whole record, the health visiting notes and the letters from the hospital to write this.",
        ],
        "worries": [
            "In August 2026 Isla came to an evening appointment with two fingertip bruises on her upper arm and a "
            "graze on her cheek. Her father said she had fallen off a wall; Isla said nothing and would not let the "
            "nurse look at her back. The school reported in September that she arrived without breakfast most days.",
        ],
        "registration_attendance": [
            "Isla has been registered here since she was born. She has been seen eleven times in two years, "
            "almost always at short-notice appointments, and last came in on 30 October 2026 with her father.",
        ],
        "medical_conditions": [
            "Isla has had recurrent urinary infections since 2025 and was started on a preventive antibiotic by the "
            "children's urology team. Her height is on the 25th centile and she is growing normally. She wets the "
            "bed most nights, which the school nurse is helping with.",
        ],
        "immunisations": [
            "Isla's childhood immunisations are complete up to the pre-school booster, which she had late, in "
            "January 2025. She has not had a flu vaccine in either of the last two winters.",
        ],
        "missed_appointments": [
            "Isla was not brought to two urology follow-ups, in March and July 2026, and the ultrasound scan "
            "requested in May has not been done because the family did not reply to the hospital.",
        ],
        "parental_health": [
            "Mr Callum Brennock, Isla's father and main carer, has chronic back pain and takes codeine and "
            "pregabalin; twice this year he asked for early prescriptions. Isla's mother lives in Scotland and is "
            "not registered with us.",
        ],
        "history_of_abuse": [
            "Isla was on a child in need plan in 2023 after the police were called to a row between her parents. "
            "The plan closed when her mother moved out.",
        ],
        "impact_analysis": [
            "The way I see it, Isla is a child whose health needs keep slipping because her father's own pain and "
            "medication leave him struggling to organise her care, and her silence about the bruises worries me "
            "more than the injury itself.",
        ],
        "danger_statement": [
            "The practice is worried that if Mr Brennock goes on misusing his medication, Isla could be physically "
            "hurt again when he is frustrated, and that untreated infections could damage her kidneys.",
        ],
        "complicating_factors": [
            "Mr Brennock works irregular shifts at a distribution centre and says he cannot take time off for "
            "hospital visits. He has twice told the health visitor that the family does not need social workers.",
        ],
        "working_well": [
            "Isla is doing well at reading and her teacher says she is kind to younger children. Her father clearly "
            "loves her, speaks proudly about her, and has kept every appointment the practice itself has offered.",
        ],
        "existing_safety": [
            "Since the school raised the breakfasts, Isla's grandmother has been taking her to the school's "
            "breakfast club three mornings a week, and her father agreed in October that she can sleep at her "
            "grandmother's when he is on nights.",
        ],
        "safety_goals": [
            "Over the next six months Isla will be cared for by adults who are well enough to look after her, will "
            "have breakfast every school day, and will get to every hospital appointment for her kidneys.",
        ],
        "next_steps": [
            "I will review Mr Brennock's pain medication with him within two weeks and move him to weekly "
            "prescriptions, the practice will book Isla's scan and flu vaccine and send the dates to her social "
            "worker, and we will report any missed appointment to children's social care the same day.",
        ],
        "child_voice": [
            "When I asked Isla what makes her happy she said \"Nana's house and my rabbit.\" She told the school "
            "nurse she does not like it when Daddy \"goes to sleep in the day.\"",
        ],
    },
)

TUNING_FAMILIES = (A, B, C, G)
HELD_OUT_FAMILIES = (D, E, F)


H = Family(  # held out, third batch: only the layouts in held_out_third.py use it
    "H", "Kian Delacourt", "09-Mar-2021", "999 078 2304", "Bramble Cross Health Centre", "Dr Eleni Marsh",
    "Initial child protection conference, 26 November 2026, Fenwick House",
    {
        "about_author": [
            "This report is written by Dr Eleni Marsh, GP registrar, with her supervisor Dr Tomas Reyes. Kian "
            "has been seen by six clinicians here; the report draws on his electronic record and on a telephone "
            "conversation with the family's health visitor on 18 November.",
        ],
        "worries": [
            "Kian's childminder phoned the practice on 9 November 2026 because he had a swollen, bruised ear and "
            "said \"Uncle Rob did it.\" He was examined the same afternoon and sent to the paediatric assessment "
            "unit, where a skeletal survey was arranged.",
        ],
        "registration_attendance": [
            "Kian moved to this practice from Norwich in January 2025. He has been seen nine times since, mostly "
            "by the duty doctor, and was brought each time by his mother, Ms Sasha Delacourt, except on 9 "
            "November, when the childminder came with him.",
        ],
        "medical_conditions": [
            "Kian has a cow's milk protein allergy and a delay in his speech; he uses about twenty words at five "
            "years old. An autism assessment was requested by the community paediatrician in April 2026 and he "
            "is waiting for it.",
        ],
        "immunisations": [
            "His vaccination record shows the primary course complete, but the MMR booster and the four-in-one "
            "pre-school jab are outstanding after two invitations.",
        ],
        "missed_appointments": [
            "Kian was not brought to the community paediatric clinic in July or to the hearing test booked for "
            "September, and the family could not be reached by phone after either.",
        ],
        "parental_health": [
            "Ms Delacourt has bipolar disorder and stopped her lithium in the summer against advice; the crisis "
            "team saw her twice in October. Her brother, Mr Robert Delacourt, has been living with the family "
            "since August and is not registered with a GP locally.",
        ],
        "history_of_abuse": [
            "Norfolk children's services sent a summary showing that Kian was on a child protection plan under "
            "the category of emotional harm for nine months in 2022.",
        ],
        "impact_analysis": [
            "My opinion is that Kian's communication difficulties leave him less able than most children to tell "
            "anyone what happens to him, and that his mother's relapse has left him in the care of an adult the "
            "services know little about.",
        ],
        "danger_statement": [
            "We are worried that if Mr Delacourt continues to look after Kian while his mother is unwell, Kian "
            "may be injured again, possibly around his head, and nobody may notice until it is serious.",
        ],
        "complicating_factors": [
            "The family has moved three times in two years and the practice's letters have gone to an old "
            "address. Ms Delacourt is wary of services because of what happened in Norfolk.",
        ],
        "working_well": [
            "Ms Delacourt brought Kian promptly whenever he was ill and has managed his allergy carefully. The "
            "childminder knows Kian well and acted quickly when she saw the ear.",
        ],
        "existing_safety": [
            "Since 10 November Kian has been staying with his maternal grandparents, and Ms Delacourt has agreed "
            "that her brother will not care for Kian on his own.",
        ],
        "safety_goals": [
            "For the next six months Kian will only be looked after by adults the conference has agreed, will "
            "see the paediatrician and have his hearing tested, and his mother will stay in touch with her "
            "mental health team.",
        ],
        "next_steps": [
            "The practice will register Mr Delacourt's details on Kian's record as a household member, send "
            "Kian's outstanding vaccination invitations to the grandparents' address, and I will phone the "
            "community paediatric team within a week to rebook the missed clinic.",
        ],
        "child_voice": [
            "Kian could not tell us much in words, but he covered his ear and turned away when his uncle was "
            "mentioned, and he was cheerful and chatty with his grandmother in the waiting room.",
        ],
    },
)

THIRD_HELD_OUT_FAMILIES = (H,)

J = Family(  # tuning, fourth batch: kept out of the agency file's examples, so its wording stays unlearnt
    "J", "Mason Threlkeld", "09-Mar-2019", "999 071 2284", "Brindle Moor Surgery", "Dr Anya Sorensen",
    "Initial child protection conference, 26 November 2026, Harrowgate Family Hub",
    {
        "about_author": [
            "I am Dr Anya Sorensen and I have worked as a GP at Brindle Moor Surgery for six years. Mason's "
            "family moved onto my list in 2022. For this report I went through his electronic notes, the discharge "
            "letters from the children's ward and what the school nurse has sent us.",
        ],
        "worries": [
            "In October Mason's teacher noticed a row of small round marks on his forearm and he told her his "
            "stepfather had done it with a lighter. When I examined him two days later the marks were healing "
            "blisters. Earlier, in June, he was found waiting outside the house after dark in pyjamas.",
        ],
        "registration_attendance": [
            "Mason came to us at three years old and has had nine face-to-face contacts since then, most of them "
            "urgent same-day slots. His mother brings him; the last time anyone here saw him was 11 November 2026.",
        ],
        "medical_conditions": [
            "Mason has constipation that needs daily laxatives and soiling at school, and he was assessed by the "
            "community paediatrician for possible autism in September; the outcome is awaited. He is small for his "
            "age but following his own line on the chart.",
        ],
        "immunisations": [
            "His baby jabs were all given, but his mother has declined the MMR second dose and the 4-in-1 pre-school "
            "injection, saying she wants to read more about them first.",
        ],
        "missed_appointments": [
            "He was not taken to the continence nurse in April or May and the first paediatric appointment was "
            "lost because no one turned up; the practice had no call from the family either time.",
        ],
        "parental_health": [
            "His mother, Ms Dawn Threlkeld, has bipolar disorder and stopped her lithium in the summer against "
            "advice. Her partner, Mr Rhys Cawley, is not our patient, but the police have told us he has convictions "
            "for violence against a former partner.",
        ],
        "history_of_abuse": [
            "Children's social care first became involved when Mason was four, after a neighbour reported shouting "
            "and a smashed window; that case closed after a short assessment with no plan.",
        ],
        "impact_analysis": [
            "Taken together, I think Mason's soiling and his withdrawn manner are signs of a boy living with fear "
            "and unpredictable care at home, and his mother's untreated illness leaves her less able to notice "
            "or stop what is happening to him.",
        ],
        "danger_statement": [
            "My fear is that unless Mr Cawley stops having unsupervised time with him, Mason will be burned or "
            "injured again, and that a relapse in his mother's illness could leave him locked out or uncared for "
            "overnight.",
        ],
        "complicating_factors": [
            "Ms Threlkeld moves between her own flat and her partner's, so we are never sure which address is "
            "current. She sees questions from professionals as criticism and has ended two consultations early.",
        ],
        "working_well": [
            "Ms Threlkeld speaks warmly about Mason and knows his favourite foods and games. She has always "
            "brought him promptly when he had a fever, and he is settled and well liked at school.",
        ],
        "existing_safety": [
            "After the marks were found, Mason's aunt collected him from school and kept him at her house for a "
            "week, and his mother has agreed that Mr Cawley does not look after him on his own.",
        ],
        "safety_goals": [
            "By the summer Mason should be living in a home where no one hurts him, with his mother taking her "
            "medication, and we want to see him at each health appointment he is offered.",
        ],
        "next_steps": [
            "I have written to the mental health team to ask for Ms Threlkeld to be seen urgently. The practice "
            "nurse will offer the outstanding vaccinations at a home visit in December, and I will tell his "
            "social worker straight away if he misses another appointment.",
        ],
        "child_voice": [
            "Mason drew his house for the school nurse and put himself in the garden. He said \"it's quiet out "
            "there\" and that he wants to live with Auntie Jo \"for ever and ever\".",
        ],
    },
)

M = Family(  # held out, fourth batch: only the layouts in held_out_fourth.py use it
    "M", "Kayden Marsh", "17-Jan-2016", "999 083 5519", "Saltley Fold Practice", "Dr Imogen Pryor",
    "Review child protection conference, 3 December 2026, Saltley Civic Centre",
    {
        "about_author": [
            "Dr Imogen Pryor, GP and deputy safeguarding lead at Saltley Fold Practice. Kayden has been under my "
            "care since 2021 and I saw him most recently last month. I have also drawn on the school nurse's letters "
            "and the practice's record of calls from his mother.",
        ],
        "worries": [
            "In September Kayden told a teaching assistant that his mum's boyfriend had kicked him in the back "
            "for spilling a drink, and the school nurse saw a large bruise over his lower ribs. Since the spring "
            "he has often come to school in the same unwashed uniform and has been sent home twice with head lice.",
        ],
        "registration_attendance": [
            "Kayden joined the practice at the age of five. We have seen him six times in the last eighteen months, "
            "on each occasion with his mother, and his most recent visit was on 28 October 2026 for a chest infection.",
        ],
        "medical_conditions": [
            "He has type 1 diabetes, diagnosed in 2023, and his blood sugar control has been poor this year, with "
            "two hospital admissions for high readings. He wears glasses and has a mild stammer that the school "
            "reports is worse when he is anxious.",
        ],
        "immunisations": [
            "All childhood vaccines were given on time. He has had the flu nasal spray each autumn through school, "
            "including this year.",
        ],
        "missed_appointments": [
            "Kayden was not brought to four of his last six diabetes clinic appointments, and the dietitian "
            "discharged him in July after two non-attendances without a call.",
        ],
        "parental_health": [
            "Ms Leanne Marsh has a long history of self-harm and a diagnosis of emotionally unstable personality "
            "disorder; she is waiting for therapy. Her boyfriend, Mr Shane Toller, drinks heavily and was arrested "
            "in August after a fight outside the flat.",
        ],
        "history_of_abuse": [
            "Kayden and his younger sister were on child protection plans under the category of neglect from 2019 "
            "to 2020, when they lived in another county, and there was a police referral for domestic abuse in 2022.",
        ],
        "impact_analysis": [
            "I believe the missed diabetes care and the injury come from the same place: the adults at home are "
            "too caught up in their own difficulties to keep Kayden safe and well, and at ten he is trying to manage "
            "a serious illness largely on his own.",
        ],
        "danger_statement": [
            "If the home stays the same, the practice fears Kayden will be assaulted again by Mr Toller, and that "
            "without an adult checking his insulin he could become dangerously ill with ketoacidosis.",
        ],
        "complicating_factors": [
            "Ms Marsh often cancels professional visits at short notice and will not let the diabetes nurse into "
            "the flat. Mr Toller is not registered with any GP, so we know little about him, and Kayden's father has "
            "no contact with the family.",
        ],
        "working_well": [
            "Kayden is bright, funny and popular with his classmates, and he understands his diabetes well. His "
            "mother phones the surgery when she is worried about him and has been honest with us about her own "
            "struggles.",
        ],
        "existing_safety": [
            "Since the kick, Ms Marsh has stopped Mr Toller staying overnight, and the school has given Kayden a "
            "safe adult he sees each morning to check his blood sugar before lessons.",
        ],
        "safety_goals": [
            "Everyone will know Kayden is safe when, for at least six months, no adult at home hurts him, his "
            "diabetes is checked every day by someone responsible, and he is brought to all of his clinic "
            "appointments.",
        ],
        "next_steps": [
            "The practice will ask the diabetes team to move his reviews to the school, the practice nurse will "
            "check his readings every two weeks, and I will update his social worker after each contact and flag "
            "any missed clinic at once.",
        ],
        "child_voice": [
            "Kayden told me he gets \"fed up of the needles\" and that he wishes \"Shane would just go\". He said "
            "the best part of his week is football with his friends on Saturday.",
        ],
    },
)
