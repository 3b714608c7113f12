"""Which person a provider's answer names: the person linked to the provider's subject, or, at the
first sign-in through that provider, the active person with the verified email address (and the link
is then recorded). Nothing the provider says gives a role."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from portal.enums import PersonStatus
from portal.identity.codes import active_person
from portal.identity.config import Provider
from portal.identity.models import ProviderLink
from portal.people.models import LocalAuthority, Organisation, Person, PersonRole


class Unlinked(StrEnum):
    NO_CLAIM = "NO_CLAIM"  # the provider did not send the claim that identifies people
    UNKNOWN = "UNKNOWN"  # nobody the portal knows (or only a suspended person)
    NOT_VERIFIED = "NOT_VERIFIED"  # an email address the provider does not vouch for
    LINKED_ELSEWHERE = "LINKED_ELSEWHERE"  # the address's person is already linked to another subject there
    NOT_ADMITTED = "NOT_ADMITTED"  # a known person whose organisation may not use this provider


@dataclass(frozen=True)
class Found:
    person_id: int | None
    subject: str = ""
    email: str = ""
    unlinked: Unlinked | None = None


async def _admitted(db: AsyncSession, provider: Provider, person: Person) -> bool:
    organisation = await db.get(Organisation, person.organisation_id)
    assert organisation is not None
    la_ids = {la for (la,) in (await db.execute(select(PersonRole.la_id).where(PersonRole.person_id == person.id))).all() if la is not None}
    if organisation.la_id is not None:
        la_ids.add(organisation.la_id)
    slugs = set((await db.execute(select(LocalAuthority.slug).where(LocalAuthority.id.in_(la_ids)))).scalars()) if la_ids else set()
    return provider.admits(organisation.code, organisation.id, slugs)


async def find_person(db: AsyncSession, provider: Provider, claims: dict[str, Any]) -> Found:
    subject = claims.get(provider.claim)
    email = claims.get(provider.email_claim)
    email = email.strip() if isinstance(email, str) else ""
    if not isinstance(subject, str) or not subject:
        return Found(None, email=email, unlinked=Unlinked.NO_CLAIM)
    link = (await db.execute(select(ProviderLink).where(ProviderLink.provider_id == provider.id, ProviderLink.subject == subject))).scalar_one_or_none()
    if link is not None:
        person = await db.get(Person, link.person_id)
        if person is None or person.status != PersonStatus.ACTIVE:
            return Found(None, subject, email, Unlinked.UNKNOWN)
    else:
        if not email:
            return Found(None, subject, email, Unlinked.UNKNOWN)
        if provider.require_verified_email and claims.get("email_verified") is not True:
            return Found(None, subject, email, Unlinked.NOT_VERIFIED)
        person = await active_person(db, email)
        if person is None:
            return Found(None, subject, email, Unlinked.UNKNOWN)
        other = (await db.execute(select(ProviderLink.id).where(ProviderLink.provider_id == provider.id, ProviderLink.person_id == person.id))).first()
        if other is not None:
            return Found(None, subject, email, Unlinked.LINKED_ELSEWHERE)
    if not await _admitted(db, provider, person):
        return Found(None, subject, email, Unlinked.NOT_ADMITTED)
    if link is None:
        db.add(ProviderLink(provider_id=provider.id, subject=subject[:255], person_id=person.id))
    return Found(person.id, subject, email)
