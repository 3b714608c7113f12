import shutil
from pathlib import Path

import pytest

from portal.timescales import RULES_DIR, LARules, load_rules


@pytest.fixture(scope="session")
def all_rules() -> dict[str, LARules]:
    return load_rules(RULES_DIR)


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    """A copy of the defaults alone, to add LA files to."""
    shutil.copy(RULES_DIR / "default.toml", tmp_path / "default.toml")
    return tmp_path
