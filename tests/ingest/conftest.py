from pathlib import Path

import pytest

from portal.agencies import AgencyDefinition, AgencyRegistry

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def gp() -> AgencyDefinition:
    return AgencyRegistry.load(ROOT / "agencies")["gp"]
