"""Imported by the fork server only (never elsewhere: importing it does the work), so that no
upload's process imports or builds anything itself.

multiprocessing runs the parent's main module again in every child it starts (objects defined
there must unpickle). Python 3.11's fork server is meant to run it once itself when "__main__"
is preloaded but is never given its path, so every child paid for the whole `portal` command's
imports again. The parent hands the path over in MAIN_PATH (see forkserver.py).
"""

import os
from multiprocessing import process, spawn

import portal.ingest.parse  # noqa: F401  pdfplumber and the section mapping
import portal.ingest.worker  # noqa: F401  each child's target, unpickled there, and what it imports (the metrics)
from portal.agencies import get_registry
from portal.ingest.forkserver import MAIN_PATH
from portal.ingest.meaning import meaning_for


def _run_main() -> None:
    path = os.environ.pop(MAIN_PATH, None)
    if not path:
        return
    process.current_process()._inheriting = True  # type: ignore[attr-defined]  # as the fork server itself does
    try:
        spawn.import_main_path(path)
    finally:
        del process.current_process()._inheriting  # type: ignore[attr-defined]


def _learn_sections() -> None:
    """Each agency's section vocabulary, built here once rather than in every upload's process."""
    try:
        agencies = get_registry().all()
    except Exception:  # the portal refuses to start on bad settings; here they only cost each parse the build
        return
    for agency in agencies:
        meaning_for(agency)


_run_main()
_learn_sections()
