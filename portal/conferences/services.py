"""Creating and scheduling conferences, inviting organisations, recording children's consultation."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access, clock
from portal.children.models import Child
from portal.conferences.models import ChildConsultation, Conference, ConferenceChild, Invitation
from portal.conferences.timescales import due_times, next_review_due, rules_for_la
from portal.enums import ConferenceKind, ConferenceStatus, Role, ViewsConveyed
from portal.errors import DomainError, Problem, conflict, invalid, not_found
from portal.identity import Actor
from portal.lookup import parse_id, visible_conference, visible_la, visible_organisation
from portal.people.models import LocalAuthority, PersonRole
from portal.readiness.changes import conference_changed
from portal.timescales import LARules

CLOSED = (ConferenceStatus.HELD, ConferenceStatus.CANCELLED)
MAX_CHILDREN = 12
REVIEWS = (ConferenceKind.RCPC, ConferenceKind.LAC_REVIEW)


@dataclass(frozen=True)
class NewConference:
    la_id: str
    kind: ConferenceKind
    child_ids: Sequence[str]
    scheduled_at: datetime | None = None
    chair_id: str | None = None
    strategy_discussion_on: date | None = None
    became_looked_after_on: date | None = None
    previous_conference_id: str | None = None


async def _la_rules(session: AsyncSession, la_id: int, rules: Mapping[str, LARules]) -> LARules:
    slug = (await session.execute(select(LocalAuthority.slug).where(LocalAuthority.id == la_id))).scalar_one()
    return rules_for_la(rules, slug)


async def _review_number(session: AsyncSession, actor: Actor, new: NewConference, la_id: int) -> tuple[int | None, int | None]:
    """The previous conference in the child's chain (checked) and this conference's review number."""
    previous = None
    if new.previous_conference_id is not None:
        previous = await visible_conference(session, actor, new.previous_conference_id, ("input", "previousConferenceId"))
        if previous.la_id != la_id:
            raise invalid(("input", "previousConferenceId"), "The previous conference must be in the same local authority.")
        if new.kind not in REVIEWS:
            raise invalid(("input", "previousConferenceId"), "Only a review (RCPC or LAC review) follows a previous conference.")
        if new.kind == ConferenceKind.RCPC and previous.kind == ConferenceKind.LAC_REVIEW:
            raise invalid(("input", "previousConferenceId"), "An RCPC follows an ICPC or an earlier RCPC, not a looked-after child review.")
        if new.kind == ConferenceKind.LAC_REVIEW and previous.kind != ConferenceKind.LAC_REVIEW:
            raise invalid(("input", "previousConferenceId"), "A looked-after child review follows an earlier looked-after child review.")
    if new.kind not in REVIEWS:
        return None, None
    if previous is not None and previous.kind == new.kind:
        return previous.id, (previous.review_number or 1) + 1
    return (previous.id if previous else None), 1


async def _check_chair(session: AsyncSession, chair_id: str, la_id: int, path: tuple[str, ...]) -> int:
    number = parse_id(chair_id, path, "chair")
    found = (
        await session.execute(
            select(PersonRole.id).where(PersonRole.person_id == number, PersonRole.role == Role.CHAIR, PersonRole.la_id == la_id)
        )
    ).first()
    if found is None:
        raise invalid(path, "That person is not a chair in this local authority.")
    return number


def _check_future(when: datetime, path: tuple[str, ...]) -> None:
    if when.tzinfo is None:
        raise invalid(path, "Give the time with a time zone, for example 2026-12-18T10:00:00+00:00.")
    if when <= clock.now():
        raise invalid(path, "The meeting must be scheduled in the future.")


async def create_conference(session: AsyncSession, actor: Actor, new: NewConference) -> Conference:
    path = ("input",)
    la_id = visible_la(actor, new.la_id, (*path, "laId"))
    access.require(actor, "conference.create", la_id, path=(*path, "laId"))
    problems: list[Problem] = []
    if not new.child_ids:
        problems.append(Problem((*path, "childIds"), "Name at least one child the conference is about."))
    if len(new.child_ids) > MAX_CHILDREN:
        problems.append(Problem((*path, "childIds"), f"A conference covers at most {MAX_CHILDREN} children."))
    if len(set(new.child_ids)) != len(new.child_ids):
        problems.append(Problem((*path, "childIds"), "Each child may be named only once."))
    if new.kind == ConferenceKind.LAC_REVIEW and new.became_looked_after_on is None:
        problems.append(Problem((*path, "becameLookedAfterOn"), "A looked-after child review needs the date the child became looked after."))
    if new.kind in (ConferenceKind.ICPC, ConferenceKind.TRANSFER_IN_ICPC) and new.strategy_discussion_on is None:
        problems.append(Problem((*path, "strategyDiscussionOn"), "An initial conference needs the date of the strategy discussion."))
    if problems:
        raise DomainError(*problems)
    child_numbers = [parse_id(c, (*path, "childIds", str(i)), "child") for i, c in enumerate(new.child_ids)]
    found = set((await session.execute(select(Child.id).where(Child.id.in_(child_numbers), Child.la_id == la_id))).scalars())
    for i, number in enumerate(child_numbers):
        if number not in found:
            raise not_found((*path, "childIds", str(i)), "child")
    chair = await _check_chair(session, new.chair_id, la_id, (*path, "chairId")) if new.chair_id else None
    if new.scheduled_at is not None:
        _check_future(new.scheduled_at, (*path, "scheduledAt"))
    previous_id, review_number = await _review_number(session, actor, new, la_id)
    conference = Conference(
        la_id=la_id,
        kind=new.kind,
        status=ConferenceStatus.SCHEDULED if new.scheduled_at else ConferenceStatus.DRAFT,
        scheduled_at=new.scheduled_at,
        chair_id=chair,
        strategy_discussion_on=new.strategy_discussion_on,
        became_looked_after_on=new.became_looked_after_on,
        previous_conference_id=previous_id,
        review_number=review_number,
    )
    session.add(conference)
    await session.flush()
    session.add_all(ConferenceChild(conference_id=conference.id, child_id=c) for c in child_numbers)
    await session.flush()
    conference_changed(session, conference.id)
    return conference


async def schedule_conference(
    session: AsyncSession, actor: Actor, conference_id: str, scheduled_at: datetime, chair_id: str | None, rules: Mapping[str, LARules]
) -> Conference:
    """Schedule or reschedule the meeting; every invitation's due times follow the new meeting time
    (one overridden returns to the rules: the override was made against the old meeting)."""
    conference = await visible_conference(session, actor, conference_id, ("input", "conferenceId"))
    access.require(actor, "conference.schedule", conference, path=("input", "conferenceId"))
    if conference.status in CLOSED:
        raise conflict(("input", "conferenceId"), f"This conference is {conference.status.lower()} and cannot be rescheduled.")
    _check_future(scheduled_at, ("input", "scheduledAt"))
    if chair_id is not None:
        conference.chair_id = await _check_chair(session, chair_id, conference.la_id, ("input", "chairId"))
    conference.scheduled_at = scheduled_at
    conference.status = ConferenceStatus.SCHEDULED
    due = due_times(conference, await _la_rules(session, conference.la_id, rules))
    for invitation in (await session.execute(select(Invitation).where(Invitation.conference_id == conference.id))).scalars():
        invitation.report_due_at = due.report_due_at
        invitation.family_due_at = due.family_due_at
        invitation.due_override_reason = invitation.due_overridden_at = invitation.due_overridden_by_id = None
    await session.flush()
    conference_changed(session, conference.id)
    return conference


async def record_held(session: AsyncSession, actor: Actor, conference_id: str, held_on: date, rules: Mapping[str, LARules]) -> Conference:
    """Mark the conference held and work out the latest date for the next review."""
    path = ("input", "conferenceId")
    conference = await visible_conference(session, actor, conference_id, path)
    access.require(actor, "conference.record_held", conference, path=path)
    if conference.status != ConferenceStatus.SCHEDULED:
        raise conflict(path, f"Only a scheduled conference can be recorded as held; this one is {conference.status.lower()}.")
    if held_on > clock.now().date():
        raise invalid(("input", "heldOn"), "The date held cannot be in the future.")
    conference.status = ConferenceStatus.HELD
    conference.held_on = held_on
    conference.next_review_due_on = next_review_due(conference, held_on, await _la_rules(session, conference.la_id, rules))
    await session.flush()
    conference_changed(session, conference.id)
    return conference


async def invite_organisation(
    session: AsyncSession,
    actor: Actor,
    conference_id: str,
    organisation_id: str,
    report_due_at: datetime | None,
    family_due_at: datetime | None,
    rules: Mapping[str, LARules],
) -> Invitation:
    """Invite an organisation. Without a report due time, both due times come from the LA's rules
    for the conference's kind and meeting time."""
    path = ("input",)
    conference = await visible_conference(session, actor, conference_id, (*path, "conferenceId"))
    access.require(actor, "conference.invite", conference, path=(*path, "conferenceId"))
    if conference.status in CLOSED:
        raise conflict((*path, "conferenceId"), f"This conference is {conference.status.lower()}; no more invitations can be sent.")
    organisation = await visible_organisation(session, actor, organisation_id, (*path, "organisationId"))
    org_number = organisation.id
    existing = (
        await session.execute(
            select(func.count()).where(Invitation.conference_id == conference.id, Invitation.organisation_id == org_number)
        )
    ).scalar_one()
    if existing:
        raise conflict((*path, "organisationId"), f"{organisation.name} is already invited to this conference.")
    for name, when in (("reportDueAt", report_due_at), ("familyDueAt", family_due_at)):
        if when is not None and when.tzinfo is None:
            raise invalid((*path, name), "Give the time with a time zone, for example 2026-12-15T10:00:00+00:00.")
    if report_due_at is None:
        if conference.scheduled_at is None:
            raise invalid((*path, "reportDueAt"), "Schedule the meeting first, or give the time the report is due.")
        due = due_times(conference, await _la_rules(session, conference.la_id, rules))
        report_due_at = due.report_due_at
        family_due_at = due.family_due_at if family_due_at is None else family_due_at
    if conference.scheduled_at is not None and report_due_at > conference.scheduled_at:
        raise invalid((*path, "reportDueAt"), "The report must be due before the meeting.")
    if family_due_at is not None and conference.scheduled_at is not None and family_due_at > conference.scheduled_at:
        raise invalid((*path, "familyDueAt"), "The family must receive the report before the meeting.")
    invitation = Invitation(
        conference_id=conference.id,
        organisation_id=org_number,
        report_due_at=report_due_at,
        family_due_at=family_due_at,
        invited_by_id=actor.person_id,
    )
    session.add(invitation)
    await session.flush()
    conference_changed(session, conference.id)
    return invitation


async def record_child_consultation(
    session: AsyncSession,
    actor: Actor,
    conference_id: str,
    child_id: str,
    seen: bool,
    views_conveyed: ViewsConveyed,
    note: str,
) -> ChildConsultation:
    path = ("input",)
    conference = await visible_conference(session, actor, conference_id, (*path, "conferenceId"))
    access.require(actor, "consultation.record", conference, path=(*path, "conferenceId"))
    child_number = parse_id(child_id, (*path, "childId"), "child")
    covered = (
        await session.execute(
            select(ConferenceChild.child_id).where(
                ConferenceChild.conference_id == conference.id, ConferenceChild.child_id == child_number
            )
        )
    ).first()
    if covered is None:
        raise not_found((*path, "childId"), "child in this conference")
    if views_conveyed == ViewsConveyed.ATTENDED and not seen:
        raise invalid((*path, "seen"), "A child who attends the meeting has been seen; set seen to true.")
    if len(note) > 4000:
        raise invalid((*path, "note"), "The note is longer than 4,000 characters.")
    consultation = (
        await session.execute(
            select(ChildConsultation).where(
                ChildConsultation.conference_id == conference.id, ChildConsultation.child_id == child_number
            )
        )
    ).scalar_one_or_none()
    if consultation is None:
        consultation = ChildConsultation(conference_id=conference.id, child_id=child_number, seen=seen, views_conveyed=views_conveyed, recorded_by_id=actor.person_id)
        session.add(consultation)
    consultation.seen = seen
    consultation.views_conveyed = views_conveyed
    consultation.note = note
    consultation.recorded_by_id = actor.person_id
    consultation.recorded_at = clock.now()
    await session.flush()
    conference_changed(session, conference.id)
    return consultation
