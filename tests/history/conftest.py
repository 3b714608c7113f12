from dataclasses import dataclass

import pytest

from portal.people.models import LocalAuthority, Region


@dataclass(frozen=True)
class La:
    id: int
    slug: str


@pytest.fixture
async def la(database) -> La:
    """One local authority (Ashby) and nothing else."""
    async with database.session() as session:
        region = Region(slug="fellside", name="Fellside")
        session.add(region)
        await session.flush()
        authority = LocalAuthority(region_id=region.id, slug="ashby", name="Ashby Borough Council")
        session.add(authority)
        await session.commit()
        return La(authority.id, authority.slug)
