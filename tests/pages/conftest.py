from collections.abc import Iterator

import pytest

from tests.support.servers import portal_server
from tests.support.world import World


@pytest.fixture
def site(database_url: str, world: World) -> Iterator[str]:
    """A real `portal serve` in demo mode over the test world; its base URL."""
    with portal_server(database_url) as base:
        yield base
