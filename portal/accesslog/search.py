"""Finding access-log rows: by the children they are about, the person who acted, and when.

A row names the children and contributions it touched in JSON arrays; `holds_any(column, ids)` asks,
on SQLite and PostgreSQL alike, whether such an array holds any id a subquery gives."""

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, or_, select
from sqlalchemy.ext.compiler import compiles

from portal.accesslog.models import AccessLogEntry
from portal.children.models import Child
from portal.conferences.models import Conference, ConferenceChild
from portal.contributions.models import Contribution
from portal.people.models import Organisation, Person


class holds_any(ColumnElement[bool]):  # noqa: N801 (used like a SQL function)
    """Whether the JSON array of integers in `column` holds any id that `ids` (a one-column SELECT) gives."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, column: Any, ids: Select[Any]) -> None:
        self.column = column
        self.ids = ids


@compiles(holds_any, "sqlite")
def _sqlite(element: holds_any, compiler: Any, **kw: Any) -> str:
    column, ids = compiler.process(element.column, **kw), compiler.process(element.ids, **kw)
    return f"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value IN ({ids}))"


@compiles(holds_any, "postgresql")
def _postgresql(element: holds_any, compiler: Any, **kw: Any) -> str:
    column, ids = compiler.process(element.column, **kw), compiler.process(element.ids, **kw)
    return f"EXISTS (SELECT 1 FROM json_array_elements_text({column}) AS item(value) WHERE item.value::integer IN ({ids}))"


def about_children(children: Select[Any]) -> ColumnElement[bool]:
    """Rows that read or changed one of these children's records, or a report for one of their conferences."""
    reports = select(Contribution.id).join(ConferenceChild, ConferenceChild.conference_id == Contribution.conference_id).where(
        ConferenceChild.child_id.in_(children))
    return or_(holds_any(AccessLogEntry.child_ids, children), holds_any(AccessLogEntry.contribution_ids, reports))


def of_local_authorities(la_ids: frozenset[int]) -> ColumnElement[bool]:
    """An LA's part of the log: rows about its children or its conferences' reports, and rows by the
    people of its own organisations."""
    children = select(Child.id).where(Child.la_id.in_(la_ids))
    reports = select(Contribution.id).join(Conference, Conference.id == Contribution.conference_id).where(Conference.la_id.in_(la_ids))
    staff = select(Person.id).join(Organisation, Organisation.id == Person.organisation_id).where(Organisation.la_id.in_(la_ids))
    return or_(holds_any(AccessLogEntry.child_ids, children), holds_any(AccessLogEntry.contribution_ids, reports), AccessLogEntry.person_id.in_(staff))


def matching(text: str, *columns: Any) -> ColumnElement[bool]:
    """Any of the columns contains the text, ignoring case (LIKE's wildcards in it match themselves)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(*(column.ilike(f"%{escaped}%", escape="\\") for column in columns))


def searched(statement: Select[Any], la_ids: frozenset[int], *, child: str = "", person: str = "", since: date | None = None,
             until: date | None = None, zone: Any = None) -> Select[Any]:
    """The rows of `statement` about a child of these LAs whose name or NHS number has `child` in it,
    by a person whose name or email has `person` in it, on or after `since` and on or before `until`
    (days in `zone`)."""
    if child:
        found = select(Child.id).where(Child.la_id.in_(la_ids), matching(child.replace(" ", ""), Child.nhs_number) | matching(child, Child.given_name, Child.family_name, Child.given_name + " " + Child.family_name))
        statement = statement.where(about_children(found))
    if person:
        statement = statement.where(AccessLogEntry.person_id.in_(select(Person.id).where(matching(person, Person.name, Person.email))))
    if since is not None:
        statement = statement.where(AccessLogEntry.at >= datetime.combine(since, time(0), zone))
    if until is not None:
        statement = statement.where(AccessLogEntry.at < datetime.combine(until + timedelta(days=1), time(0), zone))
    return statement
