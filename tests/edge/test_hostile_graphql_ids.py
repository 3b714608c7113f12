"""GraphQL ids that can name no row (too large for PostgreSQL or SQLite, other scripts' digits,
negative, empty) are 'not found' in every query and every mutation, never an unexpected error."""

from typing import Any

import pytest

from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLScalarType
from portal.api.schema import build_schema
from portal.settings import Settings
from tests.edge.test_hostile_ids import NOT_IDS

BAD = ["2147483648", "9223372036854775808", "99999999999999999999", "¹", "٣", "𝟙", "-1", "0", ""]
SCALARS = {"String": "Plain words.", "Int": 1, "Float": 0.5, "Boolean": True, "Date": "2026-10-20", "DateTime": "2026-10-20T10:00:00+00:00"}
SCHEMA = build_schema(Settings())._schema


def _value(type_: Any, bad: str) -> Any:
    """A value of `type_` with every id in it `bad` and everything else plausible."""
    if isinstance(type_, GraphQLNonNull):
        return _value(type_.of_type, bad)
    if isinstance(type_, GraphQLList):
        return [_value(type_.of_type, bad)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {name: _value(field.type, bad) for name, field in type_.fields.items() if isinstance(field.type, GraphQLNonNull) or _names_a_row(field.type)}
    assert isinstance(type_, GraphQLScalarType)
    return bad if type_.name == "ID" else SCALARS[type_.name]


def _names_a_row(type_: Any) -> bool:
    return isinstance(type_, GraphQLScalarType) and type_.name == "ID"


MUTATIONS = sorted(name for name, field in SCHEMA.mutation_type.fields.items() if name != "uploadReport" and "input" in field.args)


def test_every_mutation_but_the_upload_is_walked():
    assert len(MUTATIONS) >= 18 and "saveDraft" in MUTATIONS and set(BAD) >= set(NOT_IDS[:3])


@pytest.mark.parametrize("mutation", MUTATIONS)
async def test_a_mutation_given_ids_that_name_no_row_says_not_found(api, world, mutation):
    field = SCHEMA.mutation_type.fields[mutation]
    input_type = field.args["input"].type.of_type.name
    query = f"mutation($input: {input_type}!) {{ {mutation}(input: $input) {{ errors {{ path code }} }} }}"
    for bad in BAD:
        for person in (world.chair_a, world.gp1_author):
            response = await api.raw(query, {"input": _value(field.args["input"].type, bad)}, as_=person)
            body = response.json()
            assert response.status_code == 200 and "errors" not in body, (bad, body)
            codes = {e["code"] for e in body["data"][mutation]["errors"]}
            assert codes and codes <= {"NOT_FOUND", "INVALID", "FORBIDDEN"}, (bad, body)


QUERIES = [
    '{{ contribution(id: "{0}") {{ id }} child(id: "{0}") {{ id }} conference(id: "{0}") {{ id }} invitation(id: "{0}") {{ id }} auditRound(id: "{0}") {{ id }} }}',
    '{{ conferences(filter: {{laId: "{0}"}}) {{ nodes {{ id }} }} }}',
]


@pytest.mark.parametrize("bad", BAD)
async def test_a_query_given_an_id_that_names_no_row_finds_nothing(api, world, bad):
    for query in QUERIES:
        response = await api.raw(query.format(bad), as_=world.chair_a)
        body = response.json()
        assert response.status_code == 200 and "errors" not in body, body
        assert all(v in (None, {"nodes": []}) for v in body["data"].values()), body
