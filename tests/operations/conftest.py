import pytest

from tests.support.page_operations import PageOperations


@pytest.fixture
def page(database) -> PageOperations:
    """Runs a page's named operation in-process as a chosen person."""
    return PageOperations(database)
