"""The centre pane: the search box over the paper list, and the view they show.

It owns the view (tree node, status keys, search, sort) as one reactive value and redraws
the list when it changes; the screen hears of every redraw through ``on_shown`` (a call, not
a message, so the list, the status line and the detail pane go out in one frame).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Static

from papershelf.domain.models import Status
from papershelf.tui.key_hints import key_named, keymap_of
from papershelf.tui.shelf import ALL, NavKey, Shelf, View
from papershelf.tui.widgets.paper_list import PaperList
from papershelf.tui.widgets.paper_rows import header_text
from papershelf.tui.widgets.search_bar import SearchBar


class ShelfView(Vertical):
    """Search box and list; ``view`` says what shows, ``shelf`` what there is."""

    view: reactive[View] = reactive(View, init=False, always_update=True, repaint=False)
    """Setting it redraws the list (the same value too: a status key again re-filters).
    No repaint of the pane itself: the list repaints the lines that changed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Papers"
        self.shelf = Shelf([], {})
        self.on_shown: Callable[[View, View], None] = lambda old, new: None
        """Called after every redraw with the old and new view."""
        self._held: str | None = None
        """The paper the cursor was on before the list went empty: a view that shows no
        papers has no cursor, and the next view would otherwise start at its first row."""

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        yield Static(id="list-header")
        yield PaperList(id="papers")

    def on_mount(self) -> None:
        self.search_bar.on_query = self._query_changed

    def on_resize(self) -> None:
        self.call_after_refresh(self._draw_header)

    def _draw_header(self) -> None:
        width = self.paper_list.layout_width
        self.query_one("#list-header", Static).update(header_text(width))

    @property
    def paper_list(self) -> PaperList:
        return self.query_one(PaperList)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    def current_id(self) -> str | None:
        """The highlighted paper; while the list is empty, the one highlighted before."""
        paper = self.paper_list.highlighted
        if paper is not None:
            return paper.id
        return self._held if not self.paper_list.papers else None

    def redraw(self, keep: str | None = None, *, new_view: bool = False) -> None:
        """Show the shelf through the view; the cursor stays on ``keep`` when it still shows.

        ``new_view``: the user changed the view; the list scrolls from the top, no further
        than the cursor needs (``PaperList.set_papers``).
        """
        if (shown := self.paper_list.highlighted) is not None:
            self._held = shown.id
        key = partial(key_named, keymap_of(self.app))
        self.paper_list.empty_text = self.view.why_empty(not self.shelf.papers, key)
        papers = self.shelf.view(self.view)
        self.paper_list.set_papers(papers, self.shelf.states, keep=keep, new_view=new_view)
        if not papers and keep is not None:
            self._held = keep  # a paper restored into an empty view is held the same way

    def watch_view(self, old: View, new: View) -> None:
        # Typing a search starts at its first hit; anything else keeps the paper.
        keep = self.current_id() if new.query == old.query or not new.query else None
        # Any view the user sets, the same one again too (a status key re-filters): rows
        # above the cursor that the old scroll would hide show again, as after a sort.
        self.redraw(keep, new_view=True)
        self.on_shown(old, new)

    # -- search ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.shelf.prepare_search(self.view)
        self.add_class("-searching")
        self.search_bar.focus()

    def clear_search(self) -> None:
        self.search_bar.value = ""
        self.remove_class("-searching")

    def _query_changed(self, query: str) -> None:
        """Each keystroke: redrawn at once, in the key's handler (``SearchBar.watch_value``)."""
        if query != self.view.query:
            self.view = replace(self.view, query=query)

    @on(SearchBar.Left)
    def _search_left(self, message: SearchBar.Left) -> None:
        message.stop()
        if not self.search_bar.value:
            self.remove_class("-searching")
        self.paper_list.focus()

    # -- the view's keys ----------------------------------------------------------------------
    def filter_status(self, value: str) -> None:
        """Over all papers the key picks the tree's status node; in a venue or topic, a filter."""
        if self.view.scope.kind in ("all", "status"):
            node = ALL if value == "all" else NavKey("status", value)
            self.view = replace(self.view, scope=node, statuses=frozenset())
        else:
            statuses = frozenset() if value == "all" else frozenset({Status(value)})
            self.view = replace(self.view, statuses=statuses)

    def clear(self) -> None:
        """Escape on the list: the selection, then the search, then the status filter."""
        if self.paper_list.selected_ids:
            self.paper_list.clear_selection()
        elif self.view.query:
            self.clear_search()
        elif self.view.statuses or self.view.scope.kind == "status":
            self.filter_status("all")

    def narrow_to(self, key: NavKey) -> None:
        """All of ``key``'s papers (the progress screen's enter): search and status cleared."""
        self.clear_search()
        self.view = replace(self.view, scope=key, statuses=frozenset(), query="")

    def show_paper(self, paper_id: str) -> None:
        """Put the cursor on ``paper_id``, widening the view when it is filtered out."""
        paper = self.shelf.by_id.get(paper_id)
        if paper is None:
            return
        widen = all(p.id != paper_id for p in self.paper_list.papers)
        if widen:
            self.clear_search()
            scope = NavKey("withdrawn") if paper.withdrawn else ALL
            self.view = replace(self.view, scope=scope, statuses=frozenset(), query="")
        self.redraw(paper_id, new_view=widen)
        self.paper_list.focus()

    # -- remembered between runs -------------------------------------------------------------
    def remembered(self) -> dict[str, object]:
        return {**self.view.to_json(), "paper": self.current_id()}

    def restore(self, data: dict[str, object]) -> None:
        """The view the last run left, where its venue still exists; then its paper."""
        if not data:
            return
        view = View.from_json(data)
        scope = view.scope
        if scope.kind in ("series", "venue", "topic") and not self.shelf.outline.knows(scope):
            view = replace(view, scope=ALL)
        self.view = view
        paper = data.get("paper")
        if isinstance(paper, str) and paper in self.shelf.by_id:
            self.redraw(paper)
