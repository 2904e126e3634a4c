"""Search compute per keystroke, in process: the part of a keystroke that grows with the catalog.

Times ``SearchIndex.search`` and ``apply_filter`` the way the app calls them (each longer
query narrows the previous hits; a shorter one rescans), and ``Shelf.view`` (what the main
screen runs on every keystroke: search, the view's filters, order).
"""

from __future__ import annotations

import gc
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.stats import summary

SEARCH_WORD = "transformer"
NO_MATCH = "zq"


def keystrokes(word: str = SEARCH_WORD, no_match: str = NO_MATCH) -> list[str]:
    """The query after each keystroke: ``t``, ``tr``, ..., a word matching nothing, back to ``""``.

    Each item is what the search box holds after one key (a letter or a backspace).
    """
    typed = word + no_match
    grow = [typed[:i] for i in range(1, len(typed) + 1)]
    shrink = [typed[:i] for i in range(len(typed) - 1, -1, -1)]
    return grow + shrink


def bench_filter(data_dir: Path, rounds: int, queries: list[str]) -> dict[str, Any]:
    """Per-keystroke compute on the data dir's catalog, medians over ``rounds`` sequences."""
    from papershelf.domain.filtering import PaperFilter, SearchIndex, apply_filter
    from papershelf.paths import resolve_paths
    from papershelf.services.library import Library
    from papershelf.tui.shelf import Shelf, View

    library = Library(resolve_paths(data_dir))
    papers = list(library.papers())
    states = dict(library.states())
    start = time.perf_counter()
    index = SearchIndex.build(papers, states)
    build_ms = (time.perf_counter() - start) * 1e3
    shelf = Shelf(papers, states, list(library.venues()), index=index)
    search: dict[str, list[float]] = {q: [] for q in queries}
    filtered: dict[str, list[float]] = {q: [] for q in queries}
    view: dict[str, list[float]] = {q: [] for q in queries}
    counts: dict[str, int] = {}
    gc.collect()
    for _ in range(rounds):
        previous = ""
        hits: list[int] | None = None
        shelf.view(View())
        for query in queries:
            within = hits if hits is not None and previous and query.startswith(previous) else None
            start = time.perf_counter()
            found = index.search(query, within)
            middle = time.perf_counter()
            apply_filter(index, states, PaperFilter(query=query), within)
            end = time.perf_counter()
            shown = shelf.view(View(query=query))
            done = time.perf_counter()
            search[query].append((middle - start) * 1e3)
            filtered[query].append((end - middle) * 1e3)
            view[query].append((done - end) * 1e3)
            counts[query] = len(shown)
            hits, previous = found, query

    def per_key(table: dict[str, list[float]]) -> list[float]:
        return [statistics.median(table[q]) for q in queries]

    return {
        "papers": len(papers),
        "index_build_ms": build_ms,
        "queries": queries,
        "shown": [counts[q] for q in queries],
        "search_ms": summary(per_key(search)),
        "apply_filter_ms": summary(per_key(filtered)),
        "view_ms": summary(per_key(view)),
    }
