"""The shapes of UK contact details: what a case records and what pseudonymisation looks for."""

import re

POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\b")
# 10 or 11 digits starting 0 (or +44 or 0044 without the 0), grouped by spaces or hyphens, the area code perhaps in brackets.
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)44\s?(?:\(0\)\s?)?\d{2,4}|\(0\d{2,4}\)|0\d{2,4})[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")


def is_postcode(text: str) -> bool:
    return POSTCODE.fullmatch(text.strip()) is not None


def is_email(text: str) -> bool:
    return EMAIL.fullmatch(text.strip()) is not None


def is_phone(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    return PHONE.fullmatch(text.strip()) is not None and len(digits) in (10, 11, 12)
