"""Clinical shorthand spelt out before a text is read for its meaning ("Imms UTD", "WNB x2", "CIN plan 2023").

Only the meaning is read from the long form; the text the author sees is never changed. Short forms that are also
ordinary words ("SALT", "CP") count only in capitals."""

import re
from functools import lru_cache

ANY_CASE = {
    "imms": "immunisations", "immns": "immunisations", "utd": "up to date", "wnb": "was not brought",
    "dna": "did not attend", "dnas": "did not attend", "dna'd": "did not attend", "ooh": "out of hours",
    "a&e": "emergency department", "camhs": "child and adolescent mental health service", "etoh": "alcohol",
    "pnd": "postnatal depression", "lac": "looked after child", "cpp": "child protection plan",
}
CAPITALS = {
    "SALT": "speech and language therapy", "CIN": "child in need", "CP": "child protection", "HV": "health visitor",
    "DV": "domestic abuse", "DA": "domestic abuse", "MH": "mental health", "SW": "social worker",
    "ED": "emergency department", "CSC": "children's social care", "ICPC": "child protection conference",
}
_ANY = re.compile(r"(?<![\w&])(" + "|".join(re.escape(k) for k in sorted(ANY_CASE, key=len, reverse=True)) + r")(?![\w&])",
                  re.IGNORECASE)
_CAPS = re.compile(r"(?<![\w&])(" + "|".join(sorted(CAPITALS, key=len, reverse=True)) + r")(?![\w&])")


@lru_cache(maxsize=4096)  # a paragraph is read several times (its words, its little words, the learnt model's view)
def spelt_out(text: str) -> str:
    text = _ANY.sub(lambda m: ANY_CASE[m.group(1).lower()], text)
    return _CAPS.sub(lambda m: CAPITALS[m.group(1)], text)
