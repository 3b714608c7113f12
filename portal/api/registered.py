"""Parsing and validation, done once for the portal's own operations (graphql/operations).

Their documents are known when the schema is built. The first request that brings one of them, character
for character, parses and validates it as any other document is, with the same rules and limits; when it
is valid (and its string literals are storable) it is kept, and later requests with that text reuse it,
skipping parsing, validation and the literals' walk. Any other document, a changed one too, is parsed
and validated on each request, through bounded caches."""

from collections.abc import Iterable, Iterator
from functools import lru_cache

from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from graphql import DocumentNode, parse
from portal.api.storable_input import storable_document

CACHED_DOCUMENTS = 256

_parse = lru_cache(maxsize=CACHED_DOCUMENTS)(parse)
_validate = lru_cache(maxsize=CACHED_DOCUMENTS)(validate_document)


class Registered:
    def __init__(self, sources: Iterable[str]) -> None:
        self.sources = frozenset(sources)
        self.documents: dict[str, DocumentNode] = {}  # of the sources, those found valid, by their text
        self._ids: set[int] = set()

    def holds(self, document: DocumentNode | None) -> bool:
        return id(document) in self._ids

    def keep(self, source: str, document: DocumentNode) -> None:
        if source in self.sources and storable_document(document) is document:
            self.documents[source] = document
            self._ids.add(id(document))


class Documents(SchemaExtension):
    """ParserCache and ValidationCache in one, which let a registered operation skip both steps."""

    def __init__(self, registered: Registered) -> None:
        self.registered = registered

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        found = self.registered.documents.get(context.query)  # type: ignore[arg-type]
        context.graphql_document = found if found is not None else _parse(context.query, **context.parse_options)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        assert document is not None
        if self.registered.holds(document):
            context.pre_execution_errors = []
        else:
            context.pre_execution_errors = _validate(context.schema._schema, document, context.validation_rules)
            if not context.pre_execution_errors:
                self.registered.keep(context.query, document)  # type: ignore[arg-type]
        yield
