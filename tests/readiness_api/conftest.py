"""Helpers for readiness through the API: invitations with contributions, and real server processes."""


import pytest

from tests.support.databases import PG_URL, truncate


@pytest.fixture
def pg_database_url(request: pytest.FixtureRequest) -> str:
    if not PG_URL:
        pytest.skip("PostgreSQL is not configured: set PORTAL_TEST_DATABASE_URL to run the two-process test")
    url = request.getfixturevalue("postgres_database")
    truncate(url)
    return url


