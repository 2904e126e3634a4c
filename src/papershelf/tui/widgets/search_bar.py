"""The search box: every keystroke narrows the list; escape clears, enter goes back to the list."""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Size
from textual.keys import REPLACED_KEYS, key_to_character
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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search title, authors, topics, notes…", id=id, compact=True)
        self.on_query: Callable[[str], None] = lambda query: None
        """Called with the query on every change (each keystroke, and when set from code)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Every printable key types here, ``/`` too: the footer must not offer it as a key.

        Textual gives the names it renamed (``slash`` for "solidus") no character.
        """
        if character is None and key in REPLACED_KEYS:
            character = key_to_character(REPLACED_KEYS[key])
        return super().check_consume_key(key, character)

    def action_clear_search(self) -> None:
        self.value = ""
        self.post_message(self.Left(cleared=True))

    def action_leave_search(self) -> None:
        self.post_message(self.Left(cleared=False))

    def watch_value(self, value: str) -> None:
        """Hand the query over within the keystroke: a call, not a message.

        The list, the count and the detail pane are then redrawn before the key's handler
        returns, and the screen sees every repaint (the echo of the key included) at once:
        its next frame shows all of it. A message came later, after the screen had already
        asked for a frame for the echo alone; that frame was held back for the redraw, and
        Textual's frame timer then waited one or two frame periods (17 to 33 ms at 60 fps)
        before the next one.
        """
        self.on_query(value)
