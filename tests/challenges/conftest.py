import pytest

from tests.support.challenges import add_managers


@pytest.fixture
async def managed(database, world):
    """The test world with the managers who answer challenges in both councils."""
    return await add_managers(database, world)


@pytest.fixture
def rules_dir(tmp_path):
    """A copy of the default rules alone, to add LA files to."""
    import shutil

    from portal.timescales import RULES_DIR

    shutil.copy(RULES_DIR / "default.toml", tmp_path / "default.toml")
    return tmp_path
