"""A GOV.UK date input's three boxes read as a date, or the message saying what is wrong with them."""

from dataclasses import dataclass
from datetime import date

PARTS = ("day", "month", "year")


@dataclass(frozen=True)
class DateAnswer:
    typed: dict[str, str]
    value: date | None
    problem: str | None
    wrong: tuple[str, ...]  # the parts the problem is about, to mark in red

    @property
    def first_wrong(self) -> str:
        return self.wrong[0] if self.wrong else "day"


def read_date(fields: dict[str, str], prefix: str, what: str) -> DateAnswer:
    """`what` names the date in messages, e.g. "The date you shared the report"."""
    typed = {part: fields.get(f"{prefix}-{part}", "").strip() for part in PARTS}
    missing = tuple(part for part in PARTS if not typed[part])
    if len(missing) == len(PARTS):
        return DateAnswer(typed, None, f"Enter {what[0].lower()}{what[1:]}", PARTS)
    if missing:
        return DateAnswer(typed, None, f"{what} must include a {' and '.join(missing)}", missing)
    not_numbers = tuple(part for part in PARTS if not (typed[part].isascii() and typed[part].isdigit()))
    if not_numbers or len(typed["year"]) != 4:
        return DateAnswer(typed, None, f"{what} must be a real date", not_numbers or ("year",))
    try:
        value = date(int(typed["year"]), int(typed["month"]), int(typed["day"]))
    except ValueError:
        return DateAnswer(typed, None, f"{what} must be a real date", PARTS)
    return DateAnswer(typed, value, None, ())
