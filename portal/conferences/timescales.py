"""A conference's timescales from its LA's rules: invitation due times, statutory and next-review dates."""

from collections.abc import Mapping
from datetime import date

from portal.conferences.models import Conference
from portal.enums import ConferenceKind
from portal.timescales import Anchors, InvitationDueTimes, LARules, invitation_due_times, next_review_latest, statutory_latest
from portal.timescales.deadlines import ICPC_KINDS


def rules_for_la(rules: Mapping[str, LARules], slug: str) -> LARules:
    """The LA's own rules, or the defaults for an LA without a rules file."""
    return rules.get(slug) or rules["default"]


def due_times(conference: Conference, rules: LARules) -> InvitationDueTimes:
    assert conference.scheduled_at is not None
    return invitation_due_times(ConferenceKind(conference.kind), conference.scheduled_at, rules, rules.calendar())


def anchors(conference: Conference, previous_kind: str | None, previous_held_on: date | None) -> Anchors:
    """The dates this conference's statutory timescale counts from. A review follows the previous
    conference in the child's chain: an RCPC after the ICPC, a review after the previous review."""
    after_icpc = previous_kind is not None and ConferenceKind(previous_kind) in ICPC_KINDS
    return Anchors(
        strategy_discussion=conference.strategy_discussion_on,
        looked_after_date=conference.became_looked_after_on,
        icpc_date=previous_held_on if after_icpc else None,
        previous_review_date=None if after_icpc else previous_held_on,
        review_number=conference.review_number,
    )


def statutory_deadline(conference: Conference, rules: LARules, previous_kind: str | None, previous_held_on: date | None) -> date | None:
    """The latest date the conference itself must be held by, or None when its anchor is not recorded."""
    return statutory_latest(ConferenceKind(conference.kind), anchors(conference, previous_kind, previous_held_on), rules, rules.calendar())


def next_review_due(conference: Conference, held_on: date, rules: LARules) -> date:
    return next_review_latest(ConferenceKind(conference.kind), held_on, rules, rules.calendar(), conference.review_number or 1)
