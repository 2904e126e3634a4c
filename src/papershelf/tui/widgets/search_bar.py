"""The search box: every keystroke narrows the list; escape clears, enter goes back to the list."""

from __future__ import annotations

from textual import on
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

from papershelf.tui import keys


class SearchBar(Input):
    """An Input that reports when the user is done with it (it types every letter key)."""

    BINDINGS = keys.SEARCH_BINDINGS

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """Input sets it to its text's width on every key; a layout of the whole screen then
    followed (and the whole screen went out again). The bar's size never depends on its
    text (it is as wide as its pane), so a repaint of the bar is enough."""

    class Left(Message):
        """Focus should go back to the list; ``cleared`` when escape emptied the query."""

        def __init__(self, cleared: bool) -> None:
            super().__init__()
            self.cleared = cleared

    class QueryChanged(Message):
        """The query is now ``query`` (every keystroke, and when it is set from code).

        Posted to the bar's container directly rather than bubbled: it then arrives before
        the bar's own repaint does, so the echo of the key, the list, the count and the
        detail pane go out in one frame instead of two.
        """

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search title, authors, topics, notes…", id=id, compact=True)

    def action_clear_search(self) -> None:
        self.value = ""
        self.post_message(self.Left(cleared=True))

    def action_leave_search(self) -> None:
        self.post_message(self.Left(cleared=False))

    @on(Input.Changed)
    def _tell_screen(self, event: Input.Changed) -> None:
        target = self.parent if self.parent is not None else self.screen
        target.post_message(self.QueryChanged(event.value))
