"""The collector once the catalog is on screen: the app's objects are long-lived."""

from __future__ import annotations

import gc

INTERACTIVE_GC = (700, 10, 10)
"""The collector's thresholds once the catalog is on screen (Python's defaults)."""


def settle_collector() -> None:
    """The loaded catalog is long-lived: the collector stops rescanning it, and runs small.

    ``tune_collector`` (cli) lets 50,000 young objects pile up between passes, which suits
    a load; in the running app each such pass took 10 to 30 ms in the middle of a keystroke
    at 50,000 papers, and a full one a quarter of a second. Frozen objects are still freed
    by reference counting.
    """
    gc.freeze()
    gc.set_threshold(*INTERACTIVE_GC)
