"""The benchmarks' large region still seeds over the demo as it grows (nothing runs the benchmarks
in the suite, so this is what notices when a change to the demo breaks them)."""

import shutil

from bench.large_region import seed_large_region


def test_the_large_region_adds_its_conferences_to_the_demo(sqlite_template, tmp_path):
    path = tmp_path / "portal.db"
    shutil.copy(sqlite_template, path)
    counts = seed_large_region(f"sqlite:///{path}", 40)
    assert counts["conference"] >= 40 and counts["invitation"] >= 3 * 40 and counts["contribution"] >= 2 * 40
