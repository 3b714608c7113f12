from datetime import date

from portal.audit.contribution import parse_contribution
from portal.audit.pseudonymise import Person, Pseudonymiser, pseudonymise
from tests.support.audit_builders import contribution

FAMILY = [
    Person("Kayden Marsh", child=True, date_of_birth=date(2023, 6, 14)),
    Person("Jade Marsh"),
    Person("Lee Dawson"),
]


def clean(text: str) -> str:
    return Pseudonymiser(FAMILY).text(text)


def test_names_from_the_case_are_replaced_whole_and_in_part():
    text = (
        "Kayden Marsh attends with Jade Marsh. Kayden's mum, Jade, says Lee Dawson no longer visits. Ms Marsh agreed."
    )
    assert clean(text) == (
        "[Child A] attends with [Adult 1]. [Child A]'s mum, [Adult 1], says [Adult 2] no longer visits. "
        "Ms [family name] agreed."
    )


def test_dates_of_birth_in_any_common_form():
    assert clean("DOB: 14/06/2023") == "[date of birth]"
    assert clean("Kayden was born on 14 June 2023.") == "[Child A] was [date of birth]."
    assert clean("date of birth 2023-06-14; seen 02/09/2026") == "[date of birth]; seen 02/09/2026"
    assert clean("Tia, d.o.b. 3 Feb 2026") == "Tia, [date of birth]"


def test_nhs_numbers_with_or_without_spaces():
    assert clean("NHS number 943 476 5919 and 9434765919, or 943-476-5919.") == (
        "NHS number [NHS number] and [NHS number], or [NHS number]."
    )
    assert clean("Phone 01632 960123") == "Phone 01632 960123"


def test_postcodes_and_street_addresses():
    assert clean("Lives at 14 Rowan Close, Easterby EB4 7QT.") == "Lives at [address], Easterby [postcode]."
    assert clean("moved to Flat 3, 22 Old Mill Road in May") == "moved to [address] in May"
    assert clean("staying with grandmother on Marsh Lane") == "staying with grandmother on [address]"


def test_contribution_keeps_professional_details_and_loses_child_names():
    data = contribution()
    data["conference"]["children"] = [{"id": "4", "name": "Kayden Marsh", "dateOfBirth": "2023-06-14"}, {"id": "5"}]
    result = pseudonymise(parse_contribution(data), [Person("Jade Marsh"), Person("Tia Marsh", child=True)])
    text = " ".join(s.source + s.html for s in result.sections)
    for secret in ("Kayden", "Jade", "Tia", "Marsh"):
        assert secret not in text
    assert result.author.name == "Dr Asha Penrose" and result.organisation.name == "Riverside Surgery"
    assert [(c.id, c.name, c.date_of_birth) for c in result.conference.children] == [("4", "", None), ("5", "", None)]
    assert "[Child A]" in result.section("child_voice").source
