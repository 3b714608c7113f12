"""How much the pseudonymiser removes from the hand-marked corpus, and how fast.

    .venv/bin/python bench/pseudonymise_score.py [ROUNDS]

Prints recall of identifiers removed (overall and per kind, for the tuning and the held-out
reports), the share of ordinary (unmarked) words wrongly masked, what slipped through, and reports
pseudonymised per second (a pseudonymiser built per report, as the audit API and exports do).
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal.audit.pseudonymise import Protected  # noqa: E402
from tests.support.pseudonymise_corpus import KINDS, reports, score  # noqa: E402


def main(rounds: int) -> None:
    corpus = reports()
    parts = {"tuning": [r for r in corpus if not r.held_out], "held out": [r for r in corpus if r.held_out], "all": corpus}
    scores = {name: score(part) for name, part in parts.items()}
    print(f"{'':<10}" + "".join(f"{name:>22}" for name in parts))
    print(f"{'reports':<10}" + "".join(f"{len(part):>22}" for part in parts.values()))
    for kind in (*KINDS, "all"):
        cells = []
        for s in scores.values():
            found, removed = (sum(s.identifiers.values()), sum(s.removed.values())) if kind == "all" else (s.identifiers[kind], s.removed[kind])
            cells.append(f"{removed}/{found} {removed / max(1, found):7.2%}")
        print(f"{kind:<10}" + "".join(f"{c:>22}" for c in cells))
    cells = [f"{len(s.wrongly_masked)}/{s.ordinary_words} {s.wrongly_masked_share:7.2%}" for s in scores.values()]
    print(f"{'wrong mask':<10}" + "".join(f"{c:>22}" for c in cells))
    for name, identifier in scores["all"].leaked:
        print(f"slipped through  {name}: {identifier.kind} {identifier.text!r}")
    print("wrongly masked  ", ", ".join(scores["all"].wrongly_masked))

    organisations = Protected(sorted({o for r in corpus for o in r.organisations}))
    words = sum(len(r.text.split()) for r in corpus)
    start = time.perf_counter()
    for _ in range(rounds):
        for report in corpus:
            report.pseudonymiser(organisations).text(report.text)
    elapsed = time.perf_counter() - start
    count = rounds * len(corpus)
    print(f"{count} reports ({words * rounds} words) in {elapsed:.2f} s: {count / elapsed:.0f} reports/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
