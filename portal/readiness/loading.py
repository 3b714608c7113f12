"""Readiness for many conferences from the database in a fixed number of batched queries."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from portal.conferences.models import ChildConsultation, Conference, ConferenceChild, Invitation
from portal.conferences.timescales import anchors, rules_for_la
from portal.contributions.models import Contribution, WithholdingRequest
from portal.enums import ConferenceKind, ContributionStatus, ViewsConveyed, WithholdingDecision
from portal.people.models import LocalAuthority, Organisation
from portal.readiness import inputs
from portal.readiness.engine import assess
from portal.readiness.result import ReadinessResult
from portal.timescales import LARules


async def load_readiness(
    session: AsyncSession, conference_ids: Iterable[int], now: datetime, rules: Mapping[str, LARules]
) -> dict[int, ReadinessResult]:
    """Readiness of each conference that exists and has a meeting time, by conference id.
    At most six queries whatever the number of conferences."""
    ids = sorted(set(conference_ids))
    if not ids:
        return {}
    previous = aliased(Conference)
    heads = (
        await session.execute(
            select(Conference, LocalAuthority.slug, previous.kind, previous.held_on)
            .join(LocalAuthority, LocalAuthority.id == Conference.la_id)
            .outerjoin(previous, previous.id == Conference.previous_conference_id)
            .where(Conference.id.in_(ids), Conference.scheduled_at.is_not(None))
        )
    ).all()
    ids = [row[0].id for row in heads]
    if not ids:
        return {}
    children: dict[int, list[str]] = defaultdict(list)
    for conference_id, child_id in await session.execute(
        select(ConferenceChild.conference_id, ConferenceChild.child_id).where(ConferenceChild.conference_id.in_(ids)).order_by(ConferenceChild.child_id)
    ):
        children[conference_id].append(str(child_id))
    invitations: dict[int, list[inputs.Invitation]] = defaultdict(list)
    for invitation, organisation in await session.execute(
        select(Invitation, Organisation)
        .join(Organisation, Organisation.id == Invitation.organisation_id)
        .where(Invitation.conference_id.in_(ids))
        .order_by(Invitation.id)
    ):
        invitations[invitation.conference_id].append(
            inputs.Invitation(
                str(invitation.id),
                inputs.Organisation(str(organisation.id), organisation.name, organisation.agency_id),
                invitation.report_due_at,
                invitation.family_due_at,
            )
        )
    contributions: dict[int, list[inputs.Contribution]] = defaultdict(list)
    for c in (await session.execute(select(Contribution).where(Contribution.conference_id.in_(ids)).order_by(Contribution.id))).scalars():
        contributions[c.conference_id].append(
            inputs.Contribution(
                str(c.id), str(c.invitation_id), ContributionStatus(c.status), c.submitted_at, c.shared_with_family_on, c.sections, c.scales
            )
        )
    withholdings: dict[int, list[inputs.WithholdingRequest]] = defaultdict(list)
    for conference_id, w in await session.execute(
        select(Contribution.conference_id, WithholdingRequest)
        .join(Contribution, Contribution.id == WithholdingRequest.contribution_id)
        .where(Contribution.conference_id.in_(ids))
        .order_by(WithholdingRequest.id)
    ):
        withholdings[conference_id].append(
            inputs.WithholdingRequest(str(w.id), str(w.contribution_id), w.section_id, WithholdingDecision(w.decision))
        )
    consultations: dict[int, list[inputs.ChildConsultation]] = defaultdict(list)
    for c in (await session.execute(select(ChildConsultation).where(ChildConsultation.conference_id.in_(ids)))).scalars():
        consultations[c.conference_id].append(inputs.ChildConsultation(str(c.child_id), c.seen, ViewsConveyed(c.views_conveyed)))

    results: dict[int, ReadinessResult] = {}
    for conference, slug, previous_kind, previous_held_on in heads:
        la_rules = rules_for_la(rules, slug)
        results[conference.id] = assess(
            inputs.ReadinessInput(
                conference_id=str(conference.id),
                kind=ConferenceKind(conference.kind),
                meeting_at=conference.scheduled_at,
                anchors=anchors(conference, previous_kind, previous_held_on),
                rules=la_rules,
                children=tuple(children[conference.id]),
                invitations=tuple(invitations[conference.id]),
                contributions=tuple(contributions[conference.id]),
                now=now,
                withholding_requests=tuple(withholdings[conference.id]),
                consultations=tuple(consultations[conference.id]),
            )
        )
    return results
