"""Who sees and records a held conference's outcome, field by field.

- the dates (held, outcome letter and minutes sent, their deadlines, the next review): the LA's chairs (IROs),
  business support (who send the letters), IRO manager and head of service;
- the decisions (each child's decision, category of abuse, plan, participation code; the core group; a LAC
  review's endorsement and decisions): the LA's chairs, IRO manager and head of service;
- the chair's notes: the conference's own chair and the LA's IRO manager; never a family member (a family's
  view may show the decision and the dates only) nor anyone else.
Recording the outcome is for the conference's chair; the dates sent, for the chair or the LA's business support."""

from typing import Any

from sqlalchemy import ColumnElement, false

from portal.conferences.models import Conference
from portal.enums import Role
from portal.identity import Actor

DECISION_READERS = frozenset({Role.CHAIR, Role.IRO_MANAGER, Role.HEAD_OF_SERVICE})
DATE_READERS = DECISION_READERS | {Role.BUSINESS_SUPPORT}
FAMILY_FIELDS = ("held_on", "outcome_sent_on", "minutes_sent_on", "next_review_on", "children.decision")  # never notes


def outcome_scope(actor: Actor) -> ColumnElement[bool]:
    la_ids = actor.la_ids(DATE_READERS)
    return Conference.la_id.in_(la_ids) if la_ids else false()


def _chairs(actor: Actor, thing: Any) -> bool:
    return thing.chair_id == actor.person_id and actor.has(Role.CHAIR, thing.la_id)


def _action(name: str, message: str, rule: Any, scope: Any = None) -> tuple[str, str, Any, Any]:
    return name, message, rule, scope


OUTCOME_ACTIONS = (
    _action("outcome.read", "A conference's outcome is for the chairs, business support, IRO manager and head of service of its local authority.",
            lambda actor, thing: actor.has_any(DATE_READERS, thing.la_id), outcome_scope),
    _action("outcome.decision.read", "The decisions are for the chairs, IRO manager and head of service of the conference's local authority.",
            lambda actor, thing: actor.has_any(DECISION_READERS, thing.la_id)),
    _action("outcome.notes.read", "The chair's notes are for the conference's chair and the IRO manager.",
            lambda actor, thing: _chairs(actor, thing) or actor.has(Role.IRO_MANAGER, thing.la_id)),
    _action("outcome.record", "Only the chair of this conference may record its outcome.", _chairs),
    _action("outcome.record_sent", "Only the chair or business support in this local authority may record when the outcome or minutes were sent.",
            lambda actor, thing: _chairs(actor, thing) or actor.has(Role.BUSINESS_SUPPORT, thing.la_id)),
)
