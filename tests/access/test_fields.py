"""Field-level default deny: every field of every type in the schema names the action that guards it
(or is declared public), so a field added without one fails here."""

import pytest
import strawberry

from portal import access
from portal.api.schema import build_schema
from portal.settings import Settings


def test_every_field_of_the_schema_has_a_declared_action():
    assert access.undeclared(build_schema(Settings())) == []


def test_the_check_finds_an_unguarded_type_a_new_field_and_a_stale_name():
    @strawberry.type
    class Unguarded:
        secret: str

    @strawberry.type
    @access.fields({"conference.read": ("id", "gone")})
    class Declared:
        id: strawberry.ID
        added_later: str

    @strawberry.type
    class Query:
        unguarded: Unguarded
        declared: Declared

    assert access.undeclared(strawberry.Schema(query=Query)) == [
        "Declared.added_later: no action declared",
        "Declared.gone: declared but not a field",
        "Unguarded.secret: no action declared",
    ]


def test_a_declaration_names_registered_actions_and_guards_only_resolvers():
    with pytest.raises(LookupError):
        access.fields({"conference.raed": ("id",)})
    with pytest.raises(TypeError):
        @access.fields({"conference.read": ("id",), "readiness.read": ("status",)})
        class Plain:
            id: strawberry.ID
            status: str


def test_an_unregistered_action_is_an_error_not_an_allowance():
    with pytest.raises(KeyError):
        access.allowed(None, "conference.raed")  # type: ignore[arg-type]
