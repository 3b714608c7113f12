from collections.abc import Iterator

import pytest

from tests.support.mail import Inbox, free_port, running_inbox


@pytest.fixture
def smtp_port() -> int:
    return free_port()


@pytest.fixture
def inbox(smtp_port: int) -> Iterator[Inbox]:
    with running_inbox(smtp_port) as inbox:
        yield inbox
