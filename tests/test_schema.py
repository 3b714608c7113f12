"""The exported SDL and the migrations both match the code."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from portal.cli import SCHEMA_FILE, schema_sdl
from portal.models import metadata
from portal.settings import sync_url


def test_exported_graphql_schema_matches_the_code():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_sdl(), "graphql/schema.graphql is stale: run `portal schema export`"


def test_migrations_create_exactly_the_modelled_schema(database_url: str):
    engine = create_engine(sync_url(database_url))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), metadata)
    engine.dispose()
    assert differences == []


def test_every_operation_document_is_valid_against_the_schema():
    from graphql import parse, validate
    from portal.api.schema import build_schema
    from portal.settings import ROOT, Settings

    schema = build_schema(Settings())._schema
    documents = sorted((ROOT / "graphql" / "operations").glob("*.graphql"))
    assert documents
    for document in documents:
        assert validate(schema, parse(document.read_text())) == [], document.name
