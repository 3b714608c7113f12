"""What would identify the world's children (tests/support/world.py), in the forms an email might show it."""

from datetime import date

CHILDREN = [
    ("Maisie", "Ashdown", date(2018, 4, 2), "9990000018"),
    ("Theo", "Ashdown", date(2021, 9, 14), "9990000026"),
    ("Esme", "Corrigan", date(2016, 1, 30), "9990000034"),
]


def forbidden() -> list[str]:
    words = []
    for given, family, born, nhs in CHILDREN:
        words += [given, family, nhs, f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}", born.isoformat(), f"{born:%d/%m/%Y}",
                  f"{born.day} {born:%B %Y}"]
    return words


def assert_no_child_details(raw: bytes) -> None:
    text = raw.decode("utf-8", "replace").lower()
    found = [word for word in forbidden() if word.lower() in text]
    assert not found, f"child details in an email: {found}"
