from collections.abc import AsyncIterator, Iterator

import pytest
from playwright.async_api import Browser

from tests.support.browser import chromium
from tests.support.servers import portal_server
from tests.support.world import World


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with chromium() as found:
        yield found


@pytest.fixture
def site(database_url: str, world: World) -> Iterator[str]:
    """A real `portal serve` in demo mode over the test world; its base URL."""
    with portal_server(database_url) as base:
        yield base
