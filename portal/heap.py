"""The cyclic garbage collector in a serving process."""

import gc

# Objects allocated (less those freed) before the youngest generation is collected; the default of
# 700 runs it every few hundred rows of a dashboard.
YOUNGEST = 20_000
# Young collections before a middle one, and middle ones before a full one.
MIDDLE = 20
OLDEST = 20


def settle_after_start_up() -> None:
    """Everything built at start-up (modules, the schema, settings, templates) lives as long as the
    process: collected once and frozen, later collections no longer walk it, and the thresholds
    keep the collector off the path of a request that builds many short-lived objects."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNGEST, MIDDLE, OLDEST)
