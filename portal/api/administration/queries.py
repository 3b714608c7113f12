"""An LA administrator's reads: the people they administer, and their local authority's part of the access log."""

from collections.abc import Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

import strawberry
from sqlalchemy import func, select

from portal import access
from portal.access.scopes import administered_la_ids
from portal.accesslog.models import AccessLogEntry
from portal.accesslog.search import matching, searched
from portal.api.administration.types import AccessLogRowType, AdministeredPersonType, LoggedChildType, RoleGrantType, grant
from portal.api.common import by_client_id
from portal.api.context import Info
from portal.api.pagination import Connection, page
from portal.children.models import Child
from portal.identity.events import Event
from portal.identity.models import SignInEvent
from portal.ids import parse_id
from portal.people.models import LocalAuthority, Organisation, Person, PersonRole

ENGLAND = ZoneInfo("Europe/London")
MAX_SEARCH = 100


def _search(text: str | None, name: str) -> str:
    text = (text or "").strip()
    if len(text) > MAX_SEARCH:
        raise ValueError(f"'{name}' may be at most {MAX_SEARCH} characters.")
    return text


async def _administered(info: Info, people: Sequence[Person]) -> list[AdministeredPersonType]:
    """The people with their organisations, roles and last sign-in: one query each for the whole page."""
    ids = [p.id for p in people]
    reader = info.context.reader
    organisations = {o.id: o for o in await reader.scalars(select(Organisation).where(Organisation.id.in_({p.organisation_id for p in people})))}
    async with reader.lock:
        grants = (await reader.session.execute(
            select(PersonRole.person_id, PersonRole.role, LocalAuthority).outerjoin(LocalAuthority, LocalAuthority.id == PersonRole.la_id)
            .where(PersonRole.person_id.in_(ids)).order_by(PersonRole.role, PersonRole.la_id))).all()
        last: dict[int, Any] = dict((await reader.session.execute(
            select(SignInEvent.person_id, func.max(SignInEvent.at)).where(SignInEvent.person_id.in_(ids), SignInEvent.kind == Event.SIGNED_IN)
            .group_by(SignInEvent.person_id))).all())
    roles: dict[int, list[RoleGrantType]] = {}
    for person_id, role, la in grants:
        roles.setdefault(person_id, []).append(grant(role, la))
    return [AdministeredPersonType.of(p, organisations[p.organisation_id], roles.get(p.id, []), last.get(p.id)) for p in people]  # type: ignore[index]


def _row(entry: AccessLogEntry, names: dict[int, Child]) -> AccessLogRowType:
    return AccessLogRowType(
        id=strawberry.ID(str(entry.id)), at=entry.at, action=entry.action, operation_type=entry.operation_type, operation_name=entry.operation_name,
        fields=list(entry.fields), person_id=entry.person_id, api_token_id=strawberry.ID(str(entry.api_token_id)) if entry.api_token_id else None,
        children=[LoggedChildType(id=strawberry.ID(str(c)), given_name=names[c].given_name, family_name=names[c].family_name)
                  for c in entry.child_ids if c in names],
        contribution_ids=[strawberry.ID(str(c)) for c in entry.contribution_ids],
    )


@strawberry.type
class AdministrationQuery:
    @strawberry.field(description="The people you administer (LA administrators), by name: those of your local authority's organisations and "
                                  "of the region's that belong to no local authority.")
    async def administered_people(self, info: Info, search: str | None = None, organisation_id: strawberry.ID | None = None,
                                  first: int | None = None, after: str | None = None) -> Connection[AdministeredPersonType]:
        statement = select(Person).where(access.scope(info.context.actor, "person.administered"))
        if text := _search(search, "search"):
            statement = statement.where(matching(text, Person.name, Person.email))
        if organisation_id is not None:
            statement = statement.where(Person.organisation_id == (parse_id(organisation_id) or 0))
        found = await page(info, statement.order_by(Person.name, Person.id), first, after)
        found.nodes = await _administered(info, found.nodes)
        return found

    @strawberry.field(description="One person you administer.")
    async def administered_person(self, info: Info, id: strawberry.ID) -> AdministeredPersonType | None:
        person = await by_client_id(info, id, lambda n: select(Person).where(Person.id == n, access.scope(info.context.actor, "person.administered")))
        return (await _administered(info, [person]))[0] if person is not None else None

    @strawberry.field(description="Who read or changed your local authority's children's records and reports, newest first (LA administrators): "
                                  "by a child's name or NHS number, a person's name or email, and days (in England's time).")
    async def access_log(self, info: Info, child: str | None = None, person: str | None = None, since: date | None = None, until: date | None = None,
                         first: int | None = None, after: str | None = None) -> Connection[AccessLogRowType]:
        actor = info.context.actor
        la_ids = administered_la_ids(actor)
        statement = searched(select(AccessLogEntry).where(access.scope(actor, "access_log.read")), la_ids, child=_search(child, "child"),
                             person=_search(person, "person"), since=since, until=until, zone=ENGLAND)
        found = await page(info, statement.order_by(AccessLogEntry.id.desc()), first, after)
        wanted = {c for entry in found.nodes for c in entry.child_ids}
        names = {c.id: c for c in await info.context.reader.scalars(select(Child).where(Child.id.in_(wanted), Child.la_id.in_(la_ids)))} if wanted else {}
        info.context.reader.children_seen.update(names)
        await info.context.loaders.person.load_many(list({e.person_id for e in found.nodes}))
        found.nodes = [_row(entry, names) for entry in found.nodes]
        return found
