"""Working-day timescales: each LA's rules and the deadlines they give a conference."""

from portal.enums import ConferenceKind
from portal.timescales.deadlines import (
    Anchors,
    Deadline,
    InvitationDueTimes,
    MissingAnchor,
    compute_deadlines,
    invitation_due_times,
    next_review_latest,
    statutory_latest,
)
from portal.timescales.rules import RULES_DIR, LARules, RulesFileError, UnknownLocalAuthority, load_rules, rules_for
from portal.timescales.workdays import WorkingCalendar, add_months

__all__ = [
    "RULES_DIR",
    "Anchors",
    "ConferenceKind",
    "Deadline",
    "InvitationDueTimes",
    "LARules",
    "MissingAnchor",
    "RulesFileError",
    "UnknownLocalAuthority",
    "WorkingCalendar",
    "add_months",
    "compute_deadlines",
    "invitation_due_times",
    "load_rules",
    "next_review_latest",
    "rules_for",
    "statutory_latest",
]
