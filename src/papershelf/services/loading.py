"""How the session sends the catalog to the screens: at start, the first papers first.

At start the papers the catalog cache holds cheaply go with the first frame (read on the
UI thread, before the writer starts); the writer then loads the rest, handing out the lists
parsed so far while it parses, and builds the search index once the papers are drawn.
Later loads (an import, another process's) send the whole catalog at once. After each
send the writer waits for the screen to draw it: the two share the GIL.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from papershelf.domain.filtering import SearchIndex
from papershelf.services.events import Event, IndexBuilt, Loaded
from papershelf.services.library import Library
from papershelf.storage.catalog_store import Catalog

if TYPE_CHECKING:
    from papershelf.services.results import ImportReport

log = logging.getLogger(__name__)

SHOWN_WAIT_SECONDS = 3.0
"""How long the writer waits for the screen to draw what it sent before it goes on."""


class Loader:
    """Sends ``Loaded`` (and ``IndexBuilt``) for one session."""

    def __init__(
        self,
        library: Library,
        emit: Callable[[Event], object],
        stopped: threading.Event,
        *,
        build_index: bool = True,
    ) -> None:
        self.library = library
        self._emit = emit
        self._stopped = stopped
        self.build_index = build_index
        self.shown = threading.Event()
        """Set by the screen once it has drawn what the last ``Loaded`` carried."""
        self._first: Loaded | None = None
        """What ``first`` sent: ``load`` does not send it again."""

    def first(self) -> Loaded | None:
        """The start's first papers, read at once on the caller's thread, or None.

        A small catalog whole, or a big one's first papers (``Library.quick_catalog``). The
        screen draws them in its first frame; ``load`` then sends the rest, or only the index.
        """
        try:
            found = self.library.quick_catalog()
        except Exception:  # the writer's load meets it again and says what is wrong
            log.warning("no quick start from the catalog cache", exc_info=True)
            return None
        if found is None:
            return None
        catalog, done, total = found
        self.shown.clear()
        self._first = self._whole(0) if done == total else self._part(catalog, done, total)
        return self._first

    def load(
        self, applied: int, reports: Sequence[ImportReport] = (), *, staged: bool = False
    ) -> None:
        """Send the catalog and the states; ``staged`` (the start) sends the first lists first."""
        first, self._first = self._first, None
        if staged and first is not None and first.partial is None:
            loaded = first  # all of it went with the first frame
        else:
            if staged:
                if first is not None:  # the rest once the first papers are on screen
                    self.shown.wait(SHOWN_WAIT_SECONDS)
                self.library.load_catalog(self._partial)
            loaded = self._whole(applied, reports)
            self.shown.clear()
            self._emit(loaded)
        self.library.settle()  # the catalog stays for hours; the list index is read again
        if not self.build_index:
            return
        # The index is not needed for the first frame and would slow it down: after it.
        self.shown.wait(SHOWN_WAIT_SECONDS)
        if not self._stopped.is_set():
            found = loaded.enrichments.items()
            abstracts = {i: e.abstract.value for i, e in found if e.abstract}
            self._emit(IndexBuilt(SearchIndex.build(loaded.papers, loaded.states, abstracts)))

    def _whole(self, applied: int, reports: Sequence[ImportReport] = ()) -> Loaded:
        library = self.library
        papers, venues = list(library.papers()), list(library.venues())
        states, enrichments = dict(library.states()), dict(library.enrichments())
        new_ids = frozenset(p.id for p in library.new_papers().papers)
        return Loaded(papers, venues, states, applied, reports, enrichments, new_ids)

    def _part(self, catalog: Catalog, done: int, total: int) -> Loaded:
        states, venues = dict(self.library.states()), list(catalog.venues.values())
        return Loaded(catalog.papers, venues, states, 0, partial=(done, total))

    def _partial(self, catalog: Catalog, done: int, total: int) -> None:
        """The lists parsed so far: sent, then drawn, then the load goes on."""
        self.shown.clear()
        self._emit(self._part(catalog, done, total))
        self.shown.wait(SHOWN_WAIT_SECONDS)
