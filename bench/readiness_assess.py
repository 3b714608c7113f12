"""Cost of the readiness checks alone (no database): conferences assessed per second.

Each conference has 6 invitations, 6 submitted contributions and 2 children, the shape of a
chair's dashboard. Run: .venv/bin/python bench/readiness_assess.py [conferences]
"""

import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal.readiness import Invitation, Organisation, assess  # noqa: E402
from tests.support.readiness_inputs import REPORT_DUE, contribution, ready_conference  # noqa: E402

AGENCIES = ("social_care", "gp", "school", "police", "health_visiting", "substance_misuse")


def conferences(count: int) -> list:
    orgs = [Organisation(str(n), f"Organisation {n}", agency) for n, agency in enumerate(AGENCIES, start=1)]
    base = ready_conference(
        invitations=tuple(Invitation(f"inv-{o.id}", o, REPORT_DUE, REPORT_DUE) for o in orgs),
        contributions=tuple(contribution(o, sections={"danger_statement": "x", "safety_goals": "y"}) for o in orgs),
    )
    return [replace(base, conference_id=str(n), meeting_at=base.meeting_at - timedelta(minutes=n % 600)) for n in range(count)]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = conferences(count)
    assess(data[0])
    start = time.perf_counter()
    for item in data:
        assess(item)
    elapsed = time.perf_counter() - start
    print(f"{count} conferences assessed in {elapsed:.2f} s: {count / elapsed:,.0f} per second, "
          f"{elapsed / count * 1e6:.0f} µs each; 50 (one chair's dashboard) in {elapsed / count * 50 * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
