"""A held conference's outcome, as each reader may see it field by field (portal/access/outcome_actions.py)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import strawberry

from portal import access
from portal.conferences.models import Conference
from portal.history.codes import PARTICIPATION
from portal.outcomes import codes
from portal.outcomes.codes import CategoryOfAbuse, ParticipationCode, ProtectionDecision
from portal.outcomes.deadlines import OutcomeDeadlines, met
from portal.outcomes.models import ChildOutcome, ConferenceOutcome

ProtectionDecisionEnum = strawberry.enum(ProtectionDecision, name="ProtectionDecision")
CategoryOfAbuseEnum = strawberry.enum(
    CategoryOfAbuse, name="CategoryOfAbuse",
    description="The CIN census category of abuse: NEG neglect, PHY physical, EMO emotional, SAB sexual; MUL multiple (several chosen).",
)
ParticipationCodeEnum = strawberry.enum(
    ParticipationCode, name="ParticipationCode", description="How the child took part in their LAC review (SSDA903 PN0-PN7).",
)


@dataclass(frozen=True)
class OutcomeView:
    """An outcome with what its fields need: the conference (whose LA and chair the access rules read) and its deadlines."""

    outcome: ConferenceOutcome
    conference: Conference
    children: Sequence[ChildOutcome]
    deadlines: OutcomeDeadlines

    @property
    def la_id(self) -> int:
        return self.conference.la_id

    @property
    def chair_id(self) -> int | None:
        return self.conference.chair_id


def _categories(text: str) -> list[CategoryOfAbuse]:
    return [CategoryOfAbuse(code) for code in codes.listed(text)]


def _code(text: str) -> CategoryOfAbuse | None:
    found = codes.census_code(text)
    return CategoryOfAbuse(found) if found else None


@strawberry.type(name="ChildOutcome")
@access.fields({"outcome.decision.read": (
    "child_id", "decision", "initial_category", "initial_categories", "latest_category", "latest_categories", "plan_started_on",
    "participation", "participation_meaning", "recorded_in_history")})
class ChildOutcomeType:
    """The decision for one child; reached only through ConferenceOutcome.children, which `outcome.decision.read` guards."""

    @strawberry.field
    def child_id(self, root: strawberry.Parent[ChildOutcome]) -> strawberry.ID:
        return strawberry.ID(str(root.child_id))

    @strawberry.field(description="An ICPC's or RCPC's decision; null for a LAC review.")
    def decision(self, root: strawberry.Parent[ChildOutcome]) -> ProtectionDecisionEnum | None:  # type: ignore[valid-type]
        return ProtectionDecision(root.decision) if root.decision else None

    @strawberry.field(description="The plan's category of abuse when it began, as the CIN census records it (several: MUL).")
    def initial_category(self, root: strawberry.Parent[ChildOutcome]) -> CategoryOfAbuseEnum | None:  # type: ignore[valid-type]
        return _code(root.initial_categories)

    @strawberry.field(description="Each category chosen when the plan began.")
    def initial_categories(self, root: strawberry.Parent[ChildOutcome]) -> list[CategoryOfAbuseEnum]:  # type: ignore[valid-type]
        return _categories(root.initial_categories)

    @strawberry.field(description="The plan's category of abuse as of this conference (several: MUL).")
    def latest_category(self, root: strawberry.Parent[ChildOutcome]) -> CategoryOfAbuseEnum | None:  # type: ignore[valid-type]
        return _code(root.latest_categories)

    @strawberry.field
    def latest_categories(self, root: strawberry.Parent[ChildOutcome]) -> list[CategoryOfAbuseEnum]:  # type: ignore[valid-type]
        return _categories(root.latest_categories)

    @strawberry.field
    def plan_started_on(self, root: strawberry.Parent[ChildOutcome]) -> date | None:
        return root.plan_started_on

    @strawberry.field(description="A LAC review's participation code, as the chair confirmed it.")
    def participation(self, root: strawberry.Parent[ChildOutcome]) -> ParticipationCodeEnum | None:  # type: ignore[valid-type]
        return ParticipationCode(root.participation) if root.participation else None

    @strawberry.field
    def participation_meaning(self, root: strawberry.Parent[ChildOutcome]) -> str | None:
        return PARTICIPATION.get(root.participation)

    @strawberry.field(description="Whether the child's DfE history (protection plan or LAC review) was written: false when the child "
                      "has no LA child id, when a review found no open plan, or when no plan was made.")
    def recorded_in_history(self, root: strawberry.Parent[ChildOutcome]) -> bool:
        return root.recorded_in_history


@strawberry.type(name="ConferenceOutcome")
@access.fields({
    "outcome.read": ("conference_id", "held_on", "recorded_at", "next_review_on", "next_review_due_by", "next_review_in_timescale",
                     "outcome_sent_on", "outcome_due_by", "outcome_sent_on_time", "minutes_sent_on", "minutes_due_by", "minutes_sent_on_time"),
    "outcome.decision.read": ("children", "core_group_on", "core_group_due_by", "core_group_in_timescale", "care_plan_endorsed", "decisions"),
    "outcome.notes.read": ("notes",),
})
class ConferenceOutcomeType:
    """What the chair recorded once the conference was held, and whether the outcome letter and the minutes went out in time
    (deadlines in working days from the LA's rules: after_meeting in portal/timescales/rules/)."""

    @strawberry.field
    def conference_id(self, root: strawberry.Parent[OutcomeView]) -> strawberry.ID:
        return strawberry.ID(str(root.conference.id))

    @strawberry.field
    def held_on(self, root: strawberry.Parent[OutcomeView]) -> date:
        assert root.conference.held_on is not None
        return root.conference.held_on

    @strawberry.field
    def recorded_at(self, root: strawberry.Parent[OutcomeView]) -> datetime:
        return root.outcome.recorded_at

    @strawberry.field(description="The date set for the next review (null when no child has a plan).")
    def next_review_on(self, root: strawberry.Parent[OutcomeView]) -> date | None:
        return root.outcome.next_review_on

    @strawberry.field(description="The latest date the law allows for the next review, from the LA's rules.")
    def next_review_due_by(self, root: strawberry.Parent[OutcomeView]) -> date | None:
        return root.conference.next_review_due_on

    @strawberry.field(description="The next review is set on or before its latest date; null when there is none.")
    def next_review_in_timescale(self, root: strawberry.Parent[OutcomeView]) -> bool | None:
        return met(root.outcome.next_review_on, root.conference.next_review_due_on)

    @strawberry.field(description="The day the outcome was sent to the family and agencies.")
    def outcome_sent_on(self, root: strawberry.Parent[OutcomeView]) -> date | None:
        return root.outcome.outcome_sent_on

    @strawberry.field(description="The LA's deadline for the outcome (outcome_working_days_after_meeting working days after the meeting).")
    def outcome_due_by(self, root: strawberry.Parent[OutcomeView]) -> date:
        return root.deadlines.outcome_due

    @strawberry.field(description="Sent on or before its deadline; null while not sent.")
    def outcome_sent_on_time(self, root: strawberry.Parent[OutcomeView]) -> bool | None:
        return met(root.outcome.outcome_sent_on, root.deadlines.outcome_due)

    @strawberry.field
    def minutes_sent_on(self, root: strawberry.Parent[OutcomeView]) -> date | None:
        return root.outcome.minutes_sent_on

    @strawberry.field(description="The LA's deadline for the minutes (minutes_working_days_after_meeting working days after the meeting).")
    def minutes_due_by(self, root: strawberry.Parent[OutcomeView]) -> date:
        return root.deadlines.minutes_due

    @strawberry.field(description="Sent on or before their deadline; null while not sent.")
    def minutes_sent_on_time(self, root: strawberry.Parent[OutcomeView]) -> bool | None:
        return met(root.outcome.minutes_sent_on, root.deadlines.minutes_due)

    @strawberry.field(description="Each child's decision.")
    def children(self, root: strawberry.Parent[OutcomeView]) -> list[ChildOutcomeType]:
        return list(root.children)  # type: ignore[arg-type]

    @strawberry.field(description="After an ICPC that made a plan: the date of the first core group.")
    def core_group_on(self, root: strawberry.Parent[OutcomeView]) -> date | None:
        return root.outcome.core_group_on

    @strawberry.field(description="After an ICPC: the latest date for the first core group (10 working days unless the LA's rules say otherwise).")
    def core_group_due_by(self, root: strawberry.Parent[OutcomeView]) -> date | None:
        return root.deadlines.core_group_due

    @strawberry.field(description="The first core group is set on or before its latest date; null when there is none.")
    def core_group_in_timescale(self, root: strawberry.Parent[OutcomeView]) -> bool | None:
        return met(root.outcome.core_group_on, root.deadlines.core_group_due)

    @strawberry.field(description="A LAC review: whether the chair endorsed the care plan.")
    def care_plan_endorsed(self, root: strawberry.Parent[OutcomeView]) -> bool | None:
        return root.outcome.care_plan_endorsed

    @strawberry.field(description="A LAC review's decisions.")
    def decisions(self, root: strawberry.Parent[OutcomeView]) -> str | None:
        return root.outcome.decisions

    @strawberry.field(description="The chair's own notes: for the conference's chair and the IRO manager only.")
    def notes(self, root: strawberry.Parent[OutcomeView]) -> str | None:
        return root.outcome.notes


@strawberry.type(name="ParticipationSuggestion")
@access.fields({"outcome.record": ("child_id", "code", "meaning", "reason")})
class ParticipationSuggestionType:
    """The participation code the child's consultation points to, for the chair to confirm or change."""

    child_id: strawberry.ID
    code: ParticipationCodeEnum | None  # type: ignore[valid-type]
    meaning: str | None
    reason: str
