import pytest

from portal.audit.sample import Candidate, draw_sample

CANDIDATES = [
    Candidate(str(i), council)
    for council, ids in {"easterby": range(1, 41), "holmcastle": range(41, 51), "westmarsh": range(51, 54)}.items()
    for i in ids
]


def test_same_seed_same_sample_whatever_the_order():
    first = draw_sample(CANDIDATES, per_council=5, seed=2026)
    second = draw_sample(list(reversed(CANDIDATES)), per_council=5, seed=2026)
    assert first == second and first.seed == 2026


def test_stratified_by_council_and_capped_at_what_exists():
    sample = draw_sample(CANDIDATES, per_council=5, seed=7)
    assert {c: len(ids) for c, ids in sample.by_council.items()} == {"easterby": 5, "holmcastle": 5, "westmarsh": 3}
    councils = {c.contribution_id: c.council for c in CANDIDATES}
    assert all(councils[i] == council for council, ids in sample.by_council.items() for i in ids)


def test_different_seeds_draw_different_samples():
    assert draw_sample(CANDIDATES, per_council=5, seed=1) != draw_sample(CANDIDATES, per_council=5, seed=2)


def test_fraction_rounds_up_per_council():
    sample = draw_sample(CANDIDATES, fraction=0.1, seed=3)
    assert {c: len(ids) for c, ids in sample.by_council.items()} == {"easterby": 4, "holmcastle": 1, "westmarsh": 1}


def test_seed_is_chosen_and_returned_when_not_given():
    sample = draw_sample(CANDIDATES, per_council=2)
    assert draw_sample(CANDIDATES, per_council=2, seed=sample.seed) == sample


def test_needs_exactly_one_size():
    with pytest.raises(ValueError):
        draw_sample(CANDIDATES, seed=1)
    with pytest.raises(ValueError):
        draw_sample(CANDIDATES, per_council=1, fraction=0.5, seed=1)
