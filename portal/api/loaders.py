"""DataLoaders: every relationship the schema exposes is fetched in one batched query per request."""

import asyncio
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from portal import clock
from portal.audit.models import AuditorLevel, AuditRound, ModeratorDecision
from portal.careplans.models import CarePlanView, CareProceedings, ProceedingsChild
from portal.children.models import Child
from portal.conferences.models import ChildConsultation, Conference, ConferenceChild, Invitation
from portal.contributions.models import Contribution, ContributionVersion, WithholdingRequest
from portal.ingest.models import UploadedReport, upload_details
from portal.people.models import LocalAuthority, Organisation, Person
from portal.readiness.loading import load_readiness
from portal.readiness.result import ReadinessResult
from portal.timescales import LARules


class Reader:
    """One request's session, shared by loaders that may run concurrently."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.lock = asyncio.Lock()
        self.children_seen: set[int] = set()

    async def all(self, statement: Select[Any]) -> Sequence[Any]:
        async with self.lock:
            return (await self.session.execute(statement)).all()

    async def scalars(self, statement: Select[Any]) -> Sequence[Any]:
        async with self.lock:
            return (await self.session.execute(statement)).scalars().all()

def _one_each(reader: Reader, model: Any) -> DataLoader[int, Any]:
    async def load(ids: list[int]) -> list[Any]:
        rows = {row.id: row for row in await reader.scalars(select(model).where(model.id.in_(ids)))}
        if model is Child:
            reader.children_seen.update(rows)
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)

def _many_each(reader: Reader, statement: Callable[[list[Hashable]], Select[Any]], key: Callable[[Any], Hashable]) -> DataLoader[Any, list[Any]]:
    async def load(keys: list[Hashable]) -> list[list[Any]]:
        groups: dict[Hashable, list[Any]] = defaultdict(list)
        for row in await reader.all(statement(keys)):
            item = row[-1] if len(row) > 1 else row[0]
            if isinstance(item, Child):
                reader.children_seen.add(item.id)
            groups[key(row)].append(item)
        return [groups.get(k, []) for k in keys]

    return DataLoader(load_fn=load)

def _readiness(reader: Reader, rules: Mapping[str, LARules]) -> DataLoader[int, ReadinessResult | None]:
    """Every conference's readiness on a page from one call to load_readiness."""

    async def load(ids: list[int]) -> list[ReadinessResult | None]:
        async with reader.lock:
            results = await load_readiness(reader.session, ids, clock.now(), rules)
        return [results.get(i) for i in ids]

    return DataLoader(load_fn=load)


class Loaders:
    def __init__(self, reader: Reader, rules: Mapping[str, LARules]) -> None:
        self.readiness = _readiness(reader, rules)
        self.organisation = _one_each(reader, Organisation)
        self.person = _one_each(reader, Person)
        self.local_authority = _one_each(reader, LocalAuthority)
        self.conference = _one_each(reader, Conference)
        self.invitation = _one_each(reader, Invitation)
        self.child = _one_each(reader, Child)
        self.children_by_conference = _many_each(
            reader,
            lambda ids: select(ConferenceChild.conference_id, Child)
            .join(Child, Child.id == ConferenceChild.child_id)
            .where(ConferenceChild.conference_id.in_(ids))
            .order_by(Child.date_of_birth, Child.id),
            lambda row: row[0],
        )
        self.invitations_by_conference = _many_each(
            reader,
            lambda ids: select(Invitation).where(Invitation.conference_id.in_(ids)).order_by(Invitation.id),
            lambda row: row[0].conference_id,
        )
        self.contributions_by_conference = _many_each(
            reader,
            lambda ids: select(Contribution).where(Contribution.conference_id.in_(ids)).order_by(Contribution.id),
            lambda row: row[0].conference_id,
        )
        self.contribution_by_invitation = _many_each(
            reader,
            lambda ids: select(Contribution).where(Contribution.invitation_id.in_(ids)),
            lambda row: row[0].invitation_id,
        )
        self.withholdings_by_contribution = _many_each(
            reader,
            lambda ids: select(WithholdingRequest).where(WithholdingRequest.contribution_id.in_(ids)).order_by(WithholdingRequest.id),
            lambda row: row[0].contribution_id,
        )
        self.versions_by_contribution = _many_each(
            reader,
            lambda ids: select(ContributionVersion)
            .where(ContributionVersion.contribution_id.in_(ids))
            .order_by(ContributionVersion.number),
            lambda row: row[0].contribution_id,
        )
        self.consultations_by_conference = _many_each(
            reader,
            lambda ids: select(ChildConsultation).where(ChildConsultation.conference_id.in_(ids)).order_by(ChildConsultation.child_id),
            lambda row: row[0].conference_id,
        )
        self.children_by_proceedings = _many_each(
            reader,
            lambda ids: select(ProceedingsChild.proceedings_id, Child)
            .join(Child, Child.id == ProceedingsChild.child_id)
            .where(ProceedingsChild.proceedings_id.in_(ids))
            .order_by(Child.id),
            lambda row: row[0],
        )
        self.care_plan_views_by_proceedings = _many_each(
            reader,
            lambda ids: select(CarePlanView)
            .where(CarePlanView.proceedings_id.in_(ids))
            .order_by(CarePlanView.child_id, CarePlanView.version),
            lambda row: row[0].proceedings_id,
        )
        self.proceedings = _one_each(reader, CareProceedings)
        self.uploads_by_contribution = _many_each(
            reader,
            lambda ids: select(UploadedReport.contribution_id, upload_details())
            .join(ContributionVersion, ContributionVersion.id == UploadedReport.contribution_version_id)
            .where(UploadedReport.contribution_id.in_(ids))
            .order_by(UploadedReport.id),
            lambda row: row[0],
        )
        self.contribution = _one_each(reader, Contribution)
        self.audit = AuditLoaders(reader)


class AuditLoaders:
    def __init__(self, reader: Reader) -> None:
        self.round = _one_each(reader, AuditRound)
        self.auditor_levels_by_item = _many_each(
            reader,
            lambda ids: select(AuditorLevel).where(AuditorLevel.item_id.in_(ids)).order_by(AuditorLevel.auditor_id),
            lambda row: row[0].item_id,
        )
        self.decisions_by_item = _many_each(
            reader, lambda ids: select(ModeratorDecision).where(ModeratorDecision.item_id.in_(ids)), lambda row: row[0].item_id
        )
