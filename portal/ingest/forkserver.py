"""The fork server that every upload's process is forked from, with portal/ingest/preload.py imported."""

import multiprocessing
import os
from multiprocessing import forkserver, spawn
from multiprocessing.context import BaseContext

MAIN_PATH = "PORTAL_INGEST_MAIN_PATH"  # the main module's path, for portal/ingest/preload.py
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["portal.ingest.preload"])


def context() -> BaseContext:
    """The fork server's context, started (once per process) knowing where the main module is."""
    main_path = spawn.get_preparation_data("portal").get("init_main_from_path")
    if main_path:
        os.environ[MAIN_PATH] = main_path  # seen only by the fork server, if this starts it
    try:
        forkserver.ensure_running()
    finally:
        os.environ.pop(MAIN_PATH, None)
    return _context
