"""Adding an organisation to the region: a GP practice by its ODS code, a school by its URN, or a service."""

import re
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal import access
from portal.errors import invalid
from portal.identity import Actor
from portal.people.models import Organisation

ODS_PRACTICE = re.compile(r"[A-Z][0-9]{5}")
URN = re.compile(r"[0-9]{6}")
OTHER_CODE = re.compile(r"[A-Z0-9-]{1,32}")
NOT_ADDED = "social_care"  # a council's own children's social care comes with the council


def checked_code(agency_id: str, code: str) -> str | None:
    """The organisation's code as stored (upper case), None for none; a code of the wrong form is an error."""
    code = re.sub(r"\s+", "", code).upper()
    path = ("input", "code")
    if agency_id == "gp":
        if not ODS_PRACTICE.fullmatch(code):
            raise invalid(path, "Enter the practice’s ODS code: a letter and five digits, like B81001.")
    elif agency_id == "school":
        if code and not URN.fullmatch(code):
            raise invalid(path, "Enter the school’s unique reference number (URN): six digits, like 140001.")
    elif code and not OTHER_CODE.fullmatch(code):
        raise invalid(path, "A code is up to 32 letters, digits and hyphens.")
    return code or None


async def add_organisation(db: AsyncSession, actor: Actor, *, agencies: Collection[str], agency_id: str, name: str, code: str,
                           la_id: int | None) -> Organisation:
    access.require(actor, "organisation.add", la_id, path=("input", "localAuthorityId"))
    if agency_id not in agencies or agency_id == NOT_ADDED:
        raise invalid(("input", "agencyId"), "Choose what kind of organisation it is.")
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise invalid(("input", "name"), "Enter the organisation’s name, up to 200 characters.")
    stored = checked_code(agency_id, code)
    if stored is not None:
        same = (await db.execute(select(Organisation).where(Organisation.region_id == actor.region_id, Organisation.code == stored))).scalar_one_or_none()
        if same is not None:
            raise invalid(("input", "code"), f"{same.name} already has the code {stored} in your region.")
    organisation = Organisation(region_id=actor.region_id, la_id=la_id, agency_id=agency_id, name=name, code=stored)
    db.add(organisation)
    await db.flush()
    return organisation
