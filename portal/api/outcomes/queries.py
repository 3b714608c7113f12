"""A held conference's outcome: on the conference (Conference.outcome) and, for the IRO manager and head of service who
do not read conferences themselves, by the conference's id."""

from typing import Any

import strawberry
from sqlalchemy import select

from portal import access, ids
from portal.api.batching import ready, resolved
from portal.api.context import Info
from portal.api.outcomes.types import ConferenceOutcomeType, OutcomeView, ParticipationSuggestionType
from portal.conferences.models import ChildConsultation, Conference
from portal.conferences.timescales import rules_for_la
from portal.enums import ConferenceStatus, ViewsConveyed
from portal.history.codes import PARTICIPATION
from portal.history.reviews_export import UNDER_FOUR, participation_code
from portal.outcomes.deadlines import outcome_deadlines
from portal.outcomes.models import ChildOutcome, ConferenceOutcome

CONSULTATION = {
    ViewsConveyed.ATTENDED: "the consultation says the child attended",
    ViewsConveyed.ADVOCATE: "the consultation says an advocate conveyed the child's views",
    ViewsConveyed.FAMILY_MEMBER: "the consultation says a family member conveyed the child's views",
    ViewsConveyed.OTHER_MEDIUM: "the consultation says the child's views came by another medium",
    ViewsConveyed.CONSULTATION_FORM: "the consultation says the child filled in a consultation form",
    ViewsConveyed.NOT_CONVEYED: "the consultation says the child's views were not conveyed",
}


def outcome_of(info: Info, conference: Conference) -> Any:
    """The conference's outcome view, or None while none is recorded (awaitable until loaded)."""
    loaders, all_rules = info.context.loaders, info.context.rules

    def view(found: list[ConferenceOutcome], children: list[ChildOutcome], la: Any) -> OutcomeView | None:
        if not found or conference.held_on is None:
            return None
        deadlines = outcome_deadlines(conference.kind, conference.held_on, rules_for_la(all_rules, la.slug))
        return OutcomeView(found[0], conference, children, deadlines)

    return resolved(view, ready(loaders.outcome_by_conference, conference.id), ready(loaders.child_outcomes_by_conference, conference.id),
                    ready(loaders.local_authority, conference.la_id))


def suggestions_for(info: Info, conference: Conference) -> Any:
    """Each child's participation code as the consultation suggests it, for a LAC review on the day it was held
    (or is to be held)."""
    loaders = info.context.loaders
    day = conference.held_on or (conference.scheduled_at.date() if conference.scheduled_at else None)

    def suggest(children: list[Any], consultations: list[ChildConsultation]) -> list[ParticipationSuggestionType]:
        if day is None or conference.kind != "LAC_REVIEW":
            return []
        views = {c.child_id: c.views_conveyed for c in consultations}
        found = []
        for child in children:
            code = participation_code(child.date_of_birth, day, views.get(child.id))
            if code == UNDER_FOUR:
                reason = "The child was under 4 on the day of the review."
            elif code is None:
                reason = "No consultation is recorded for the child: choose the code yourself."
            else:
                reason = f"Suggested because {CONSULTATION[ViewsConveyed(views[child.id])]}; change it if the meeting went otherwise."
            found.append(ParticipationSuggestionType(child_id=strawberry.ID(str(child.id)), code=code, meaning=PARTICIPATION.get(code or ""), reason=reason))
        return found

    return resolved(suggest, ready(loaders.children_by_conference, conference.id), ready(loaders.consultations_by_conference, conference.id))


@strawberry.type
class OutcomesQuery:
    @strawberry.field(description=(
        "A held conference's outcome by the conference's id, for the chairs, business support, IRO manager and head of service of its "
        "local authority (null for anyone else, and while no outcome is recorded). Each field says who may read it."))
    async def conference_outcome(self, info: Info, conference_id: strawberry.ID) -> ConferenceOutcomeType | None:
        number = ids.parse_id(conference_id)
        if number is None:
            return None
        rows = await info.context.reader.scalars(select(Conference).where(
            Conference.id == number, Conference.status == ConferenceStatus.HELD, access.scope(info.context.actor, "outcome.read")))
        if not rows:
            return None
        found = outcome_of(info, rows[0])
        return await found if hasattr(found, "__await__") else found
