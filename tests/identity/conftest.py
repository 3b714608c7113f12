from collections.abc import Iterator

import pytest

from tests.support.oidc import LoopbackProvider, loopback_provider


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[LoopbackProvider]:
    """The real OpenID Connect provider on loopback, one for the whole run."""
    with loopback_provider() as provider:
        yield provider
