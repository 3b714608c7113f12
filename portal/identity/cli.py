"""`portal users add|suspend|list`: for the first administrator of a new deployment, and for scripts."""

import asyncio

import typer
from sqlalchemy import func, or_, select

from portal.db import Database
from portal.enums import Role
from portal.errors import DomainError
from portal.identity.events import Event, record
from portal.identity.people import add_person, suspend_person
from portal.ids import parse_id
from portal.people.models import LocalAuthority, Organisation, Person, PersonRole
from portal.settings import get_settings
from portal.unit_of_work import commit_identity_change

users_app = typer.Typer(help="People who may sign in.", no_args_is_help=True)


def _run(work) -> None:
    async def main() -> None:
        database = Database(get_settings().database_url)
        try:
            async with database.session() as db:
                await work(db)
        finally:
            await database.dispose()

    try:
        asyncio.run(main())
    except DomainError as error:
        typer.echo(f"Nothing changed: {error}", err=True)
        raise typer.Exit(1) from None


async def _organisation(db, key: str) -> Organisation:
    found = (await db.execute(select(Organisation).where(or_(Organisation.code == key, Organisation.id == (parse_id(key) or -1))))).scalars().all()
    if len(found) != 1:
        typer.echo(f"Nothing changed: no single organisation has the id or code {key!r}.", err=True)
        raise typer.Exit(1)
    return found[0]


async def _role(db, text: str) -> tuple[Role, int | None]:
    name, _, la_slug = text.partition(":")
    try:
        role = Role(name.upper())
    except ValueError:
        typer.echo(f"Nothing changed: {name!r} is not a role ({', '.join(Role)}).", err=True)
        raise typer.Exit(1) from None
    if not la_slug:
        return role, None
    la = (await db.execute(select(LocalAuthority).where(LocalAuthority.slug == la_slug))).scalar_one_or_none()
    if la is None:
        typer.echo(f"Nothing changed: there is no local authority {la_slug!r}.", err=True)
        raise typer.Exit(1)
    return role, la.id


@users_app.command("add")
def add(
    name: str = typer.Option(..., help="Full name."),
    email: str = typer.Option(..., help="Work email address: the person signs in with it."),
    organisation: str = typer.Option(..., help="The organisation's id or code."),
    role: list[str] = typer.Option([], help="ROLE or ROLE:la-slug, e.g. LA_ADMIN:westmarsh; repeat for more."),
) -> None:
    """Add a person who may sign in."""
    async def work(db) -> None:
        org = await _organisation(db, organisation)
        roles = [await _role(db, r) for r in role]
        person = await add_person(db, name=name, email=email, organisation_id=org.id, roles=roles)
        record(db, Event.INVITED, person_id=person.id, email=person.email, method="cli", detail="by portal users add")
        await commit_identity_change(db, None, None)
        typer.echo(f"Added {person.name} <{person.email}> (person {person.id}) to {org.name}.")

    _run(work)


@users_app.command("suspend")
def suspend(email: str = typer.Argument(..., help="The person's email address.")) -> None:
    """Suspend a person: their sessions end and their tokens stop at once."""
    async def work(db) -> None:
        person = (await db.execute(select(Person).where(func.lower(Person.email) == email.strip().lower()))).scalar_one_or_none()
        if person is None:
            typer.echo(f"Nothing changed: nobody has the email address {email!r}.", err=True)
            raise typer.Exit(1)
        await suspend_person(db, person.id)
        record(db, Event.SUSPENDED, person_id=person.id, email=person.email, method="cli", detail="by portal users suspend")
        await commit_identity_change(db, None, None)
        typer.echo(f"Suspended {person.name} <{person.email}>.")

    _run(work)


@users_app.command("list")
def list_people() -> None:
    """Everyone who may sign in, with their organisation, status and roles."""
    async def work(db) -> None:
        rows = (await db.execute(select(Person, Organisation.name).join(Organisation, Organisation.id == Person.organisation_id).order_by(Person.id))).all()
        roles = (await db.execute(select(PersonRole.person_id, PersonRole.role, LocalAuthority.slug).outerjoin(LocalAuthority, LocalAuthority.id == PersonRole.la_id))).all()
        held: dict[int, list[str]] = {}
        for person_id, role, slug in roles:
            held.setdefault(person_id, []).append(f"{role}:{slug}" if slug else role)
        for person, organisation in rows:
            typer.echo(f"{person.id}\t{person.email}\t{person.name}\t{organisation}\t{person.status}\t{' '.join(sorted(held.get(person.id, [])))}")

    _run(work)
