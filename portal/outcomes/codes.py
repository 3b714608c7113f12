"""The closed lists an outcome is recorded in: the decision, the CIN census categories of abuse, PN codes."""

from collections.abc import Iterable
from enum import StrEnum

from portal.history.codes import ABUSE_CATEGORY, PARTICIPATION

MULTIPLE = "MUL"
SINGLE_CATEGORIES = tuple(code for code in ABUSE_CATEGORY if code != MULTIPLE)  # NEG PHY EMO SAB
PARTICIPATION_CODES = tuple(PARTICIPATION)


class CategoryOfAbuse(StrEnum):
    """The CIN census codes; MUL is what several categories are recorded as, never chosen itself."""

    NEG = "NEG"
    PHY = "PHY"
    EMO = "EMO"
    SAB = "SAB"
    MUL = "MUL"


ParticipationCode = StrEnum("ParticipationCode", {code: code for code in PARTICIPATION})  # type: ignore[misc]


class ProtectionDecision(StrEnum):
    CHILD_PROTECTION_PLAN = "CHILD_PROTECTION_PLAN"  # an ICPC: the child becomes subject to a plan
    NO_PLAN = "NO_PLAN"
    PLAN_CONTINUES = "PLAN_CONTINUES"  # an RCPC
    PLAN_ENDS = "PLAN_ENDS"


INITIAL_DECISIONS = (ProtectionDecision.CHILD_PROTECTION_PLAN, ProtectionDecision.NO_PLAN)
REVIEW_DECISIONS = (ProtectionDecision.PLAN_CONTINUES, ProtectionDecision.PLAN_ENDS)
DECISION_TEXT = {
    ProtectionDecision.CHILD_PROTECTION_PLAN: "Child protection plan",
    ProtectionDecision.NO_PLAN: "No child protection plan",
    ProtectionDecision.PLAN_CONTINUES: "The plan continues",
    ProtectionDecision.PLAN_ENDS: "The plan ends",
}


def stored(categories: Iterable[str]) -> str:
    """Categories as stored: each code once, in the census's order."""
    chosen = set(categories)
    return " ".join(code for code in SINGLE_CATEGORIES if code in chosen)


def listed(text: str) -> list[str]:
    return text.split()


def census_code(text: str) -> str | None:
    """The CIN census category for the stored categories: the one, or MUL for several; None for none."""
    codes = listed(text)
    if not codes:
        return None
    return codes[0] if len(codes) == 1 else MULTIPLE
