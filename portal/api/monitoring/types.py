"""The monitoring checklist of a meeting, its quarterly findings, and the drift watchlist."""

from datetime import date, datetime

import strawberry

from portal import access
from portal.monitoring.checklist import CheckAnswer

CheckAnswerEnum = strawberry.enum(CheckAnswer, name="CheckAnswer")


@strawberry.type(name="MonitoringItem")
@access.fields({access.INHERITED: ("id", "theme", "question", "challenge_reason", "answer", "note", "answered_at", "challenge_id")})
class MonitoringItemType:
    id: str = strawberry.field(description="The item's id in the LA's checklist data, e.g. child_consulted.")
    theme: str
    question: str
    challenge_reason: str = strawberry.field(description="The IRO challenge reason a 'not met' raises.")
    answer: CheckAnswerEnum | None  # type: ignore[valid-type]
    note: str
    answered_at: datetime | None
    challenge_id: strawberry.ID | None = strawberry.field(description="The alert or challenge raised from this item, if one was.")


@strawberry.type(name="MonitoringChecklist")
@access.fields({"monitoring.read": ("conference_id", "meeting_on", "items", "started_at", "completed_at", "complete", "completed_before_meeting")})
class MonitoringChecklistType:
    conference_id: strawberry.ID
    meeting_on: date | None = strawberry.field(description="The day the meeting was held, or is scheduled for.")
    items: list[MonitoringItemType] = strawberry.field(description="Every item of the LA's checklist, in its order, with the answer if given.")
    started_at: datetime | None
    completed_at: datetime | None = strawberry.field(description="When the last item was first answered.")
    complete: bool
    completed_before_meeting: bool = strawberry.field(description="Completed before the meeting's scheduled start (or the day it was held).")


@strawberry.type(name="MonitoringThemeCount")
@access.fields({access.INHERITED: ("item", "theme", "met", "not_met", "not_applicable")})
class MonitoringThemeCountType:
    item: str
    theme: str
    met: int
    not_met: int
    not_applicable: int


@strawberry.type(name="MonitoringQuarter")
@access.fields({access.INHERITED: ("label", "starts_on", "ends_on", "meetings", "completed_before_meeting", "completed_before_meeting_pct", "themes")})
class MonitoringQuarterType:
    label: str
    starts_on: date
    ends_on: date
    meetings: int = strawberry.field(description="Conferences and LAC reviews held (or scheduled) in the quarter, not cancelled.")
    completed_before_meeting: int
    completed_before_meeting_pct: float | None
    themes: list[MonitoringThemeCountType]


@strawberry.type(name="MonitoringSummary")
@access.fields({"monitoring.summary.read": ("year", "quarters")})
class MonitoringSummaryType:
    year: str
    quarters: list[MonitoringQuarterType]


@strawberry.type(name="WatchlistReason")
@access.fields({access.INHERITED: ("theme", "label", "evidence", "record", "since", "days")})
class WatchlistReasonType:
    theme: str = strawberry.field(description="second_plan, long_plan, very_long_plan, placement_order, placed_with_parents, "
                                              "placement_moves, short_breaks or connected_carers_care_order.")
    label: str
    evidence: str = strawberry.field(description="Which plan or episode, its dates and how long.")
    record: str = strawberry.field(description="protection plan or looked after episode")
    since: date
    days: int


@strawberry.type(name="WatchlistChild")
@access.fields({access.INHERITED: ("la_child_id", "child_id", "reasons")})
class WatchlistChildType:
    la_child_id: str = strawberry.field(description="The LA's own child id, as its returns give it.")
    child_id: strawberry.ID | None = strawberry.field(description="The portal's record of the child, where one carries that id.")
    reasons: list[WatchlistReasonType]


@strawberry.type(name="DriftWatchlist")
@access.fields({"watchlist.read": ("on", "children")})
class DriftWatchlistType:
    on: date = strawberry.field(description="The day the list is worked out for (today).")
    children: list[WatchlistChildType]
