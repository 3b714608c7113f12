import pytest

from portal.readiness import ReadinessInput
from tests.support.readiness_inputs import ready_conference


@pytest.fixture
def ready() -> ReadinessInput:
    return ready_conference()
