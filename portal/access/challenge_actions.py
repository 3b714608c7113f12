"""Who may see and act on IRO challenges: the IROs (chairs) and the managers of the challenge's local
authority, nobody else and nobody in another LA. Registered with the other actions in `actions`."""

from typing import Any

from sqlalchemy import ColumnElement, false

from portal.challenges.models import Challenge, ChallengeStep
from portal.enums import Role
from portal.identity import LA_STAFF_ROLES, Actor

IRO = frozenset({Role.CHAIR})
MANAGERS = frozenset({Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR, Role.IRO_MANAGER})
READERS = IRO | MANAGERS
OVERVIEW = frozenset({Role.HEAD_OF_SERVICE, Role.IRO_MANAGER})


def challenge_scope(actor: Actor) -> ColumnElement[bool]:
    return Challenge.la_id.in_(la_ids) if (la_ids := actor.la_ids(READERS)) else false()


def reads_challenges(actor: Actor, la_id: int) -> bool:
    return actor.has_any(READERS, la_id)


def is_iro(actor: Actor, la_id: int) -> bool:
    return actor.has(Role.CHAIR, la_id)


def answers(actor: Actor, challenge: Challenge, step: ChallengeStep | None) -> bool:
    """The person named to answer the stage (still a manager of the LA); at a referral outside the LA, an IRO of the LA."""
    if step is None or step.outcome is not None:
        return False
    if step.responder_id is None:
        return is_iro(actor, challenge.la_id)
    return step.responder_id == actor.person_id and actor.has_any(MANAGERS, challenge.la_id)


def oversees(actor: Actor, la_id: int) -> bool:
    return actor.has_any(OVERVIEW, la_id)


def actions(action: Any) -> tuple[Any, ...]:
    """The challenge actions, built with the registry's Action class."""
    return (
        action("challenge.read", "Only the IROs and managers of this local authority see its IRO challenges.",
               lambda actor, *resource: True, challenge_scope),
        action("challenge.la", "Only the IROs and managers of this local authority see its IRO challenges.", reads_challenges),
        action("challenge.conference", "The conference a challenge was raised from is for the staff of the local authority who see its conferences.",
               lambda actor, challenge: actor.has_any(LA_STAFF_ROLES, challenge.la_id)),
        action("challenge.iro", "Only an independent reviewing officer of this local authority may do this.",
               lambda actor, challenge: is_iro(actor, challenge.la_id)),
        action("challenge.raise", "Only an independent reviewing officer of the child's local authority may raise a challenge.", is_iro),
        action("challenge.respond", "Only the person asked to answer this stage of the challenge may answer it.", answers),
        action("challenge.escalate", "Only an independent reviewing officer of this local authority may escalate or close a challenge.",
               lambda actor, challenge: is_iro(actor, challenge.la_id)),
        action("challenge.overview", "Only the head of service or the IRO manager of this local authority sees every challenge.", oversees),
    )
