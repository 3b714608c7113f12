"""The lean executor gives the answers and the located errors graphql-core would, on a small schema of its own."""

import asyncio
import enum
from dataclasses import dataclass
from typing import Any, ClassVar

import strawberry

from portal.api.lean import LeanExecutor, lean_resolvers


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    DARK_BLUE = "dark blue"


@dataclass
class Row:
    name: Any
    count: Any
    colour: Any


@strawberry.type
class Item:
    name: str
    count: int | None
    colour: Colour

    @strawberry.field
    async def doubled(self) -> int:
        if self.count is None:
            raise ValueError("no count")
        return self.count * 2


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        return ROWS  # type: ignore[return-value]


ROWS: list[Row] = []


def run(rows: list[Row], query: str = "{ items { name count colour } }", executor: type = LeanExecutor) -> Any:
    ROWS[:] = rows
    schema = strawberry.Schema(query=Query, execution_context_class=executor)
    lean_resolvers(schema)
    return schema.execute_sync(query)


class Counting(LeanExecutor):
    objects = 0
    fields = 0

    def complete_object_value(self, *args: Any) -> Any:
        Counting.objects += 1
        return super().complete_object_value(*args)

    def execute_field(self, *args: Any) -> Any:
        Counting.fields += 1
        return super().execute_field(*args)


def test_plain_leaves_and_enum_members_come_out_as_graphql_core_gives_them():
    result = run([Row("Ada", 3, Colour.DARK_BLUE), Row("Bo", None, Colour.RED)], "{ items { name n: count count colour } }")
    assert result.errors is None
    assert result.data == {"items": [{"name": "Ada", "n": 3, "count": 3, "colour": "DARK_BLUE"},
                                     {"name": "Bo", "n": None, "count": None, "colour": "RED"}]}


def test_a_leaf_that_does_not_coerce_is_a_located_error_and_a_null_non_null_leaf_nulls_its_parent():
    result = run([Row("Ada", "three", Colour.RED), Row(None, 1, Colour.RED)])
    messages = {tuple(error.path): error.message for error in result.errors}
    assert messages == {("items", 0, "count"): "Int cannot represent non-integer value: 'three'",
                        ("items", 1, "name"): "Cannot return null for non-nullable field Item.name."}
    assert result.data is None  # a non-null item in a non-null list
    wrong = run([Row("Cy", 2, "mauve")])
    assert [(error.path, error.message) for error in wrong.errors] == [(["items", 0, "colour"], "Enum 'Colour' cannot represent value: 'mauve'")]


def test_an_enum_value_given_as_its_raw_value_still_coerces():
    assert run([Row("Ada", 1, "dark blue")]).data == {"items": [{"name": "Ada", "count": 1, "colour": "DARK_BLUE"}]}


class Asking(Row):
    asked: ClassVar[list[str]] = []

    def __getattr__(self, name: str) -> Any:
        Asking.asked.append(name)
        raise AttributeError(name)


def test_whether_a_value_can_be_awaited_is_asked_of_its_type_not_of_each_value():
    """graphql-core asks every value for `__await__`; a SQLModel row answers by raising inside pydantic's `__getattr__`."""
    result = run([Asking("Ada", 1, Colour.RED), Asking("Bo", 2, Colour.RED)])
    assert result.data == {"items": [{"name": "Ada", "count": 1, "colour": "RED"}, {"name": "Bo", "count": 2, "colour": "RED"}]}
    assert Asking.asked == []


def test_a_list_of_objects_completes_without_graphql_cores_steps_for_each_object():
    result = run([Row("Ada", 1, Colour.RED), Row("Bo", 2, Colour.RED)], "{ items { name } }", Counting)
    assert result.data == {"items": [{"name": "Ada"}, {"name": "Bo"}]}
    assert Counting.objects == 0


def test_awaited_fields_of_listed_objects_and_their_errors_come_out_as_graphql_core_gives_them():
    async def both(rows: list[Row], query: str) -> list[Any]:
        answers = []
        for executor in (LeanExecutor, None):
            ROWS[:] = rows
            schema = strawberry.Schema(query=Query, **({"execution_context_class": executor} if executor else {}))
            if executor:
                lean_resolvers(schema)
            result = await schema.execute(query)
            answers.append((result.data, [(error.path, error.message) for error in result.errors or ()]))
        return answers

    fine = asyncio.run(both([Row("Ada", 1, Colour.RED), Row("Bo", 2, Colour.RED)], "{ items { name doubled } }"))
    assert fine[0] == fine[1] == ({"items": [{"name": "Ada", "doubled": 2}, {"name": "Bo", "doubled": 4}]}, [])
    failing = asyncio.run(both([Row("Ada", 1, Colour.RED), Row("Bo", None, Colour.RED)], "{ items { name doubled } }"))
    assert failing[0] == failing[1] == (None, [(["items", 1, "doubled"], "no count")])


def test_a_null_of_a_nullable_plain_leaf_is_null_at_once():
    Counting.fields = 0
    result = run([Row("Ada", None, Colour.RED), Row("Bo", None, Colour.RED)], "{ items { name count } }", Counting)
    assert result.data == {"items": [{"name": "Ada", "count": None}, {"name": "Bo", "count": None}]}
    assert Counting.fields == 1  # items itself
