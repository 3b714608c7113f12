from typing import Any

import pytest

from portal.agencies import AgencyRegistry
from portal.audit.contribution import parse_contribution
from portal.audit.results import ScoreResult
from portal.audit.rubric import Rubric, load_rubric
from portal.audit.scorer import Scorer
from tests.support.audit_builders import ROOT, RUBRIC_FILE, contribution


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    return load_rubric(RUBRIC_FILE, AgencyRegistry.load(ROOT / "agencies")["gp"])


@pytest.fixture(scope="session")
def scorer(rubric: Rubric) -> Scorer:
    return Scorer(rubric)


@pytest.fixture(scope="session")
def score(scorer: Scorer):
    def _score(texts: dict[str, str | None] | None = None, /, **fields: Any) -> ScoreResult:
        return scorer.score(parse_contribution(contribution(texts, **fields)))

    return _score
