"""The monitoring checklist of a meeting (its chair, the LA's IRO manager and head of service), its findings by
quarter (the IRO manager and head of service) and the drift watchlist (the LA's IROs, IRO manager and head of service)."""

import strawberry
from sqlalchemy import select

from portal import access, clock, ids
from portal.api.context import Info
from portal.api.monitoring.types import (
    DriftWatchlistType,
    MonitoringChecklistType,
    MonitoringItemType,
    MonitoringQuarterType,
    MonitoringSummaryType,
    MonitoringThemeCountType,
    WatchlistChildType,
    WatchlistReasonType,
)
from portal.conferences.models import Conference, ConferenceChild
from portal.conferences.timescales import rules_for_la
from portal.history.annual import ReportingYear
from portal.monitoring.checklist import check_of
from portal.monitoring.config import monitoring_for
from portal.monitoring.reads import summary_rows, watchlist_rows
from portal.monitoring.summary import quarterly_summary
from portal.monitoring.timing import completed_before, meeting_day
from portal.monitoring.watchlist import drift_watchlist
from portal.people.models import LocalAuthority


async def _slug(info: Info, la_id: int) -> str | None:
    return (await info.context.session.execute(select(LocalAuthority.slug).where(LocalAuthority.id == la_id))).scalar_one_or_none()


async def checklist_of(info: Info, conference: Conference) -> MonitoringChecklistType:
    slug = await _slug(info, conference.la_id)
    assert slug is not None
    zone = rules_for_la(info.context.rules, slug).zone
    check, answers = await check_of(info.context.session, conference.id)  # type: ignore[arg-type]
    if answers:  # the chair's notes are about the meeting's children: reading them is in the access log
        children = await info.context.session.execute(select(ConferenceChild.child_id).where(ConferenceChild.conference_id == conference.id))
        info.context.reader.children_seen.update(children.scalars())
    given = {a.item: a for a in answers}
    items = [MonitoringItemType(id=item.id, theme=item.theme, question=item.question, challenge_reason=item.challenge_reason,
                                answer=given[item.id].answer if item.id in given else None,  # type: ignore[arg-type]
                                note=given[item.id].note if item.id in given else "",
                                answered_at=given[item.id].answered_at if item.id in given else None,
                                challenge_id=strawberry.ID(str(given[item.id].challenge_id)) if item.id in given and given[item.id].challenge_id else None)
             for item in monitoring_for(slug).checklist]
    completed = check.completed_at if check else None
    return MonitoringChecklistType(
        conference_id=strawberry.ID(str(conference.id)), meeting_on=meeting_day(conference, zone), items=items,
        started_at=check.started_at if check else None, completed_at=completed, complete=completed is not None,
        completed_before_meeting=completed_before(completed, conference.scheduled_at, conference.held_on, zone))


@strawberry.type
class MonitoringQuery:
    @strawberry.field(description=(
        "The monitoring checklist of a conference or LAC review, every item with its answer; for the meeting's chair and the IRO "
        "manager and head of service of its local authority (null for anyone else)."))
    async def monitoring_checklist(self, info: Info, conference_id: strawberry.ID) -> MonitoringChecklistType | None:
        async with info.context.reader.lock:  # the request's one session, shared with the other root fields
            return await _checklist(info, conference_id)

    @strawberry.field(description=(
        "The monitoring checklist's findings for a reporting year (like 2025-26), by quarter and theme; for the head of service "
        "and the IRO manager of that local authority (null for anyone else)."))
    async def monitoring_summary(self, info: Info, la_id: strawberry.ID, year: str) -> MonitoringSummaryType | None:
        reporting = ReportingYear.parse(year)
        async with info.context.reader.lock:
            return await _summary(info, la_id, reporting)

    @strawberry.field(description=(
        "The challenge clinic's drift watchlist today: the local authority's children meeting any of the clinic's themes, each with "
        "the evidence; for its independent reviewing officers, IRO manager and head of service (null for anyone else)."))
    async def drift_watchlist(self, info: Info, la_id: strawberry.ID) -> DriftWatchlistType | None:
        async with info.context.reader.lock:
            return await _watchlist(info, la_id)


async def _checklist(info: Info, conference_id: strawberry.ID) -> MonitoringChecklistType | None:
    number = ids.parse_id(conference_id)
    if number is None:
        return None
    # monitoring.read is the whole rule: the LA's managers may read a checklist of a meeting they are not invited to
    conference = await info.context.session.get(Conference, number)
    if conference is None or not access.allowed(info.context.actor, "monitoring.read", conference):
        return None
    return await checklist_of(info, conference)

async def _summary(info: Info, la_id: strawberry.ID, reporting: ReportingYear) -> MonitoringSummaryType | None:
    number = ids.parse_id(la_id)
    if number is None or not access.allowed(info.context.actor, "monitoring.summary.read", number):
        return None
    slug = await _slug(info, number)
    if slug is None:
        return None
    meetings, answers = await summary_rows(info.context.session, number)
    found = quarterly_summary(meetings, answers, monitoring_for(slug), reporting, rules_for_la(info.context.rules, slug).zone)
    return MonitoringSummaryType(year=reporting.label, quarters=[
        MonitoringQuarterType(label=q.label, starts_on=q.starts_on, ends_on=q.ends_on, meetings=q.meetings, completed_before_meeting=q.completed_before,
                              completed_before_meeting_pct=q.completed_before_pct,
                              themes=[MonitoringThemeCountType(item=t.item, theme=t.theme, met=t.met, not_met=t.not_met, not_applicable=t.not_applicable)
                                      for t in q.themes])
        for q in found])

async def _watchlist(info: Info, la_id: strawberry.ID) -> DriftWatchlistType | None:
    number = ids.parse_id(la_id)
    if number is None or not access.allowed(info.context.actor, "watchlist.read", number):
        return None
    slug = await _slug(info, number)
    if slug is None:
        return None
    episodes, plans, linked = await watchlist_rows(info.context.session, number)
    today = clock.now().astimezone(rules_for_la(info.context.rules, slug).zone).date()
    entries = drift_watchlist(episodes, plans, today, monitoring_for(slug).watchlist)
    info.context.reader.children_seen.update(linked[e.la_child_id] for e in entries if e.la_child_id in linked)
    return DriftWatchlistType(on=today, children=[
        WatchlistChildType(la_child_id=e.la_child_id, child_id=strawberry.ID(str(linked[e.la_child_id])) if e.la_child_id in linked else None,
                           reasons=[WatchlistReasonType(theme=r.theme, label=r.label, evidence=r.evidence, record=r.record, since=r.since, days=r.days)
                                    for r in e.reasons])
        for e in entries])
