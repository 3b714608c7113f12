"""The demo's regional audit round, drawn and scored as the lead draws one, with two council
auditors' levels on its first reports: one disagreement between them is left for the lead to
moderate, and one place where both differ from the scorer shows in the agreement figures.

Runs after `seed_demo`, once: a second run changes nothing."""

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import clock
from portal.agencies import AgencyRegistry
from portal.audit import services
from portal.audit.models import AuditItem, AuditRound
from portal.audit.results import Level
from portal.db import Database
from portal.enums import Role
from portal.identity import Actor
from portal.people.models import Organisation, Person, PersonRole

SEED = 20261203
PER_COUNCIL = 4
OTHER = {Level.MET: Level.PARTLY_MET}  # a different level an auditor may give; MET for any other


async def _auditors(session: AsyncSession) -> list[Actor]:
    """The region's audit lead first, then each council's auditor, as actors."""
    rows = (
        await session.execute(
            select(Person, Organisation, PersonRole.la_id)
            .join(Organisation, Organisation.id == Person.organisation_id)
            .join(PersonRole, PersonRole.person_id == Person.id)
            .where(PersonRole.role == Role.AUDITOR)
            .order_by(PersonRole.la_id.is_not(None), PersonRole.la_id)
        )
    ).all()
    return [Actor(person_id=p.id, name=p.name, organisation_id=o.id, agency_id=o.agency_id, region_id=o.region_id, roles=frozenset({(Role.AUDITOR, la)}))
            for p, o, la in rows]


async def seed_demo_round(database: Database, agencies_dir: Path) -> int:
    """How many reports the round drew; 0 when there is a round already (or no demo region)."""
    async with database.session() as session:
        if (await session.execute(select(AuditRound.id).limit(1))).first():
            return 0
        auditors = await _auditors(session)
        if len(auditors) < 3:
            return 0
        lead, first, second = auditors[:3]
        today = clock.today()
        new = services.NewRound(name="ICPC GP reports, the last nine months", period_start=today - timedelta(days=270), period_end=today,
                                per_council=PER_COUNCIL, seed=SEED)
        audit_round = await services.create_round(session, lead, AgencyRegistry.load(agencies_dir), agencies_dir, new)
        items = (await session.execute(select(AuditItem).where(AuditItem.round_id == audit_round.id).order_by(AuditItem.la_id, AuditItem.contribution_id))).scalars().all()
        disputed, doubted = items[0], items[1]
        for auditor, item, changed in ((first, disputed, ()), (second, disputed, ("child_voice",)),
                                       (first, doubted, ("impact_analysis",)), (second, doubted, ("impact_analysis",))):
            levels = [services.LevelEntry(c, OTHER.get(Level(level), Level.MET) if c in changed else Level(level)) for c, level in item.levels.items()]
            await services.record_levels(session, auditor, agencies_dir, str(item.id), levels)
        await session.commit()
        return len(items)
