"""The main screen's start: the first lists while the rest load, then the remembered view.

A start with a big catalog, or with lists to parse again, hands the screen the first lists'
papers before the rest (``Loaded.partial``). Until the whole catalog is in, the tree shows the
venues and topics of the lists in so far (its title says the rest is loading), the status
line says what is loading, and the app holds the keys: they act on the whole catalog, never
on part of it. The view the last run left shows once its tree node has
loaded; until then the list says "Loading…" rather than show papers that view would not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from papershelf.domain.filtering import SortKey
from papershelf.services.events import Loaded
from papershelf.services.last_screen import KeptScreen
from papershelf.tui.key_hints import first_run_hint
from papershelf.tui.live_shelf import LiveShelf
from papershelf.tui.screens import memory
from papershelf.tui.shelf import Shelf, View
from papershelf.tui.widgets.nav_tree import NavTree
from papershelf.tui.widgets.panes import Panes
from papershelf.tui.widgets.shelf_view import ShelfView

AFTER_FIRST = 0.05
"""Seconds the tree and the search index wait after papers are drawn: the frame goes out
first (Textual writes it on a thread of its own, which the GIL would keep waiting)."""


def restorable(data: dict[str, object], shelf: Shelf) -> bool:
    """Whether the remembered view shows right on ``shelf``, the first papers of the whole.

    In catalog order (the first papers of any other order may be anywhere in the whole),
    and its tree node is in.
    """
    view = View.from_json(data) if data else View()
    scope = view.scope
    in_order = view.sort is SortKey.CATALOG
    return in_order and (
        scope.kind not in ("series", "venue", "topic") or shelf.outline.knows(scope)
    )


class StartingScreen(Protocol):
    """What ``Start`` needs of the main screen."""

    @property
    def shelf(self) -> Shelf: ...
    @property
    def shelf_view(self) -> ShelfView: ...
    @property
    def panes(self) -> Panes: ...
    @property
    def nav(self) -> NavTree: ...
    @property
    def view(self) -> View: ...


class Start:
    """What is loaded so far, and whether the remembered view has been put back."""

    def __init__(self, first: Loaded | None = None) -> None:
        self.first = first
        """What the cache held at once (``Session.first_load``): shown as the screen mounts."""
        self.remembered: dict[str, object] = {}
        """The view the last run left (set by the app before the first load)."""
        self.cover: KeptScreen | None = None
        """The screen the last run left, laid over this one until it has drawn (the app's)."""
        self.progress: tuple[int, int] | None = None
        """(lists loaded, lists in all) while only the first lists show."""
        self._restored = False
        self.held = False
        """The remembered view waits for its part of the catalog (the list says Loading…)."""

    def hint(self, first_run: bool, keymap: Mapping[str, str]) -> str:
        """The status line's hint: what is loading, else the first keys on a first run."""
        if self.progress is not None:
            done, lists = self.progress
            parsed = f": {done} of {lists} lists" if done else ""
            return f"loading the catalog{parsed}… keys wait for it"
        return first_run_hint(keymap) if first_run else ""

    def summary(self, live: LiveShelf) -> str:
        """The header's figures: ``76 papers · 3 read``, or ``loading…`` until all is in."""
        return "loading…" if self.progress is not None else live.summary()

    def show(self, loaded: Loaded, screen: StartingScreen) -> bool:
        """Hand the screen's shelf to its view, the remembered view first: False to wait.

        A partial catalog (``Loaded.partial``) waits while the remembered node has not
        loaded. The remembered paper is looked for again at the end when its list had not
        loaded yet.
        """
        self.progress = loaded.partial
        final = loaded.partial is None
        shelf, view = screen.shelf, screen.shelf_view
        if not self._restored:
            data = self.remembered
            self.held = not final and not restorable(data, shelf)
            if self.held:
                return False
            view.shelf = shelf
            memory.restore(data, view, screen.panes)
            paper = data.get("paper")
            self._restored = final or not isinstance(paper, str) or paper in shelf.by_id
        view.shelf = shelf
        return True

    def part_tree(self, screen: StartingScreen) -> None:
        """The tree of the lists in so far, while the rest loads (the whole one follows).

        A rebuild per part: at most one a second, each at least twice the last (the catalog
        store's stages). Counted on a thread; the rebuild itself is some 0.05 s.
        """
        if self.progress is None:  # the whole catalog is in: its tree is drawn instead
            return

        def wanted(shelf: Shelf) -> bool:
            return self.progress is not None and shelf is screen.shelf

        screen.nav.show_counted(screen.shelf, screen.view.scope, wanted)

    def whole_tree(self, screen: StartingScreen, then: Callable[[], object]) -> None:
        """The whole catalog's tree, counted on a thread, then its remembered open nodes."""

        def drawn() -> None:
            memory.expand(self.remembered, screen.nav)
            then()

        screen.nav.show_counted(screen.shelf, screen.view.scope, lambda s: s is screen.shelf, drawn)

    def title_tree(self, nav: NavTree) -> None:
        """The tree's title says when what it shows is only part of the catalog.

        Set only when it changes: each set repaints the whole tree, and the status line,
        which sets it, is drawn again at every key (a search key took twice as long).
        """
        title = "Venues · topics" if self.progress is None else "Venues · topics · loading…"
        if nav.border_title != title:
            nav.border_title = title
