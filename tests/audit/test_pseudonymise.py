from datetime import date

import pytest

from portal.audit.pseudonymise import KnownPerson, Protected, Pseudonymiser, role_labels
from tests.support.pseudonymise_corpus import reports, score

CASE = [
    KnownPerson("child 1", "Kayleigh", "Brennan", "Kay", date(2017, 3, 4)),
    KnownPerson("mother", "Shannon", "Brennan", date_of_birth=date(1996, 11, 20)),
    KnownPerson("mother's partner", "Dean", "Whitlock"),
    KnownPerson("sibling", "Will", "Brennan"),
]
ORGANISATIONS = Protected(["Riverside Surgery", "Easterby Children's Services", "Mill Brow Primary School"])


def clean(text: str) -> str:
    return Pseudonymiser(CASE, ORGANISATIONS, "Dr Asha Penrose").text(text)


def test_every_known_person_becomes_their_role_whole_in_part_by_nickname_and_possessive():
    assert clean("Kayleigh Brennan lives with Shannon Brennan and Dean Whitlock. Kay's mum said Dean had left; Mr Whitlock denies it.") == (
        "[child 1] lives with [mother] and [mother's partner]. [child 1]'s mum said [mother's partner] had left; Mr [mother's partner] denies it."
    )
    assert clean("Ms Brennan agreed; BRENNAN, Kayleigh (Miss).") == "Ms [family name] agreed; [family name], [child 1] (Miss)."


def test_a_known_name_that_is_an_ordinary_word_is_replaced_only_as_a_name():
    assert clean("Will said he will come; his brother Will Brennan is 9.") == "[sibling] said he will come; his brother [sibling] is 9."


def test_contact_details_by_pattern():
    text = "Call 07700 900123, +44 7700 900552, 0044 (0) 7700 900552 or (01632) 960781; email jade.m84@example.co.uk. NHS 943 476 5919 / 9434765919."
    assert clean(text) == "Call [phone], [phone], [phone] or [phone]; email [email]. NHS [NHS number] / [NHS number]."


def test_addresses_and_postcodes():
    assert clean("Lives at Flat 2, Rosebank House, Mill Brow, Easterby EB4 7QT.") == "Lives at [address], Easterby [postcode]."
    assert clean("moved to Apartment 5, Weaver Court, 3 Canal Street in May") == "moved to [address] in May"
    assert clean("with her nan at 45 Kingsway, Easterby") == "with her nan at [address], Easterby"


def test_dates_of_birth_by_cue_or_by_a_known_date_of_birth_and_other_dates_kept():
    assert clean("DOB: 20/11/1996; born on 9 January 2021; d.o.b. 02.10.2019") == "DOB: [date of birth]; born on [date of birth]; d.o.b. [date of birth]"
    assert clean("Kay (4th March 2017) was seen on 02/09/2026 and 18-Jun-2026.") == "[child 1] ([date of birth]) was seen on 02/09/2026 and 18-Jun-2026."


def test_unknown_names_are_masked_and_ordinary_words_places_organisations_and_the_author_are_kept():
    text = (
        "Shannon's new partner, Jason, has moved in. Nurse Okonkwo saw her; Josh Tully was admitted too.\n"
        "Faltering growth. Seen at Riverside Surgery by Dr Asha Penrose; Easterby Children's Services and Mill Brow Primary School informed. "
        "Immunisations are delayed and the Health Visitor is worried. In October she went to London."
    )
    assert clean(text) == (
        "[mother]'s new partner, [name], has moved in. Nurse [name] saw her; [name] was admitted too.\n"
        "Faltering growth. Seen at Riverside Surgery by Dr Asha Penrose; Easterby Children's Services and Mill Brow Primary School informed. "
        "Immunisations are delayed and the Health Visitor is worried. In October she went to London."
    )


def test_role_labels_number_repeated_roles_and_every_child():
    assert role_labels(["CHILD", "MOTHER", "MOTHERS_PARTNER", "SIBLING", "SIBLING", "GRANDMOTHER"]) == [
        "child 1", "mother", "mother's partner", "sibling 1", "sibling 2", "grandmother",
    ]


def test_the_same_input_gives_the_same_output():
    text = reports()[0].text
    assert len({Pseudonymiser(CASE, ORGANISATIONS).text(text) for _ in range(3)}) == 1


CORPUS = reports()


@pytest.mark.parametrize("part", ["tuning", "held_out", "all"])
def test_the_hand_marked_corpus_loses_99_percent_of_identifiers_and_under_1_percent_of_ordinary_words(part):
    """31 invented reports (a third held out, never tuned on). Measured: every identifier removed and
    0.37% of ordinary words masked, nearly all of them place names (Harare, Inverness). A bound of 1%
    leaves an auditor at most one word in a hundred to miss."""
    chosen = [r for r in CORPUS if part == "all" or r.held_out == (part == "held_out")]
    assert len(CORPUS) >= 30 and len([r for r in CORPUS if r.held_out]) >= 10
    result = score(chosen)
    assert result.recall >= 0.99, result.leaked
    assert result.wrongly_masked_share < 0.01, result.wrongly_masked


def test_the_case_people_of_a_conference_are_labelled_once_each():
    from portal.audit.rows import known_people
    from portal.children.models import CasePerson, Child

    kayleigh = Child(id=1, la_id=1, given_name="Kayleigh", family_name="Brennan", date_of_birth=date(2017, 3, 4))
    tyler = Child(id=2, la_id=1, given_name="Tyler", family_name="Brennan", date_of_birth=date(2020, 8, 15))
    relatives = [
        CasePerson(child_id=1, relationship="MOTHER", given_name="Shannon", family_name="Brennan", phone="07700 900123"),
        CasePerson(child_id=2, relationship="MOTHER", given_name="Shannon", family_name="Brennan", phone="07700 900123"),
        CasePerson(child_id=1, relationship="SIBLING", given_name="Tyler", family_name="Brennan"),
        CasePerson(child_id=1, relationship="MOTHERS_PARTNER", given_name="Dean", family_name="Whitlock", known_as="Deano"),
    ]
    people = known_people([kayleigh, tyler], relatives)
    assert [(p.label, p.given_name) for p in people] == [("child 1", "Kayleigh"), ("child 2", "Tyler"), ("mother", "Shannon"), ("mother's partner", "Dean")]
    text = "Tyler and Kayleigh live with Shannon (07700 900123); Deano visits."
    assert Pseudonymiser(people).text(text) == "[child 2] and [child 1] live with [mother] ([phone]); [mother's partner] visits."
