"""How the audit's pages write levels, scores and dates."""

from portal.pages.chairs.display import day, moment

LEVEL = {"MET": "Met", "PARTLY_MET": "Partly met", "NOT_MET": "Not met", "NOT_APPLICABLE": "Not applicable"}
LEVEL_TAG = {"MET": "govuk-tag--green", "PARTLY_MET": "govuk-tag--yellow", "NOT_MET": "govuk-tag--red", "NOT_APPLICABLE": "govuk-tag--grey"}


def level(value: str | None) -> str:
    return LEVEL.get(value or "", "Not recorded")


def score(value: float | None) -> str:
    return "No score" if value is None else f"{round(value, 1):g}"


def kappa(value: float | None) -> str:
    """Cohen's kappa to two places, or why there is none."""
    return "Not defined" if value is None else f"{value:.2f}"


def percent(value: float | None) -> str:
    return "None compared" if value is None else f"{round(value, 1):g}%"


FILTERS = {"audit_level": level, "audit_tag": lambda v: LEVEL_TAG.get(v or "", "govuk-tag--grey"), "audit_score": score,
           "audit_kappa": kappa, "audit_percent": percent, "audit_day": day, "audit_moment": moment}
