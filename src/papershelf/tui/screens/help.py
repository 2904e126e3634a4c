"""The key help: every binding with its current key (after the user's keymap), id and purpose."""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from papershelf.tui import keys
from papershelf.tui.key_hints import narrow_help
from papershelf.tui.widgets.panes import BOTH_AT, ONE_AT


def help_table(keymap: Mapping[str, str], first: str = "") -> Table:
    """One row per binding, grouped by where it applies; plain Text cells (no markup).

    The keys of the place ``first`` (the screen help was asked on) follow those that act
    everywhere, before the others.
    """
    bindings = sorted(keys.all_bindings(), key=lambda pb: pb[0] not in ("everywhere", first))
    key_texts = [keys.display_key(keymap.get(b.id or "", b.key)) for _, b in bindings]
    # The key column is as wide as its longest key or place name, so none is ever cut; the
    # description wraps in the room left, and the id (for config.toml) is cut first.
    key_width = max(cell_len(text) for text in [*key_texts, *(p for p, _ in bindings)])
    table = Table(box=None, expand=True, pad_edge=False, show_edge=False)
    table.add_column(Text("Key"), style="bold", no_wrap=True, min_width=key_width)
    table.add_column(Text("What it does"), ratio=1, min_width=16)
    table.add_column(Text("Id"), style="dim", no_wrap=True, max_width=20, overflow="ellipsis")
    place_shown = ""
    for (place, binding), key in zip(bindings, key_texts, strict=True):
        if place != place_shown:
            if place_shown:
                table.add_row(Text(""), Text(""), Text(""))
            table.add_row(Text(place.capitalize(), "italic underline"), Text(""), Text(""))
            place_shown = place
        table.add_row(Text(key), Text(keys.explain(binding)), Text(binding.id or ""))
    return table


SCROLL_IDS = ("cursor-down", "cursor-up", "cursor-first", "cursor-last", "page-down", "page-up")
"""The paper list's moving keys scroll the help (a remap of them moves both)."""


class HelpScreen(ModalScreen[None]):
    """Shows ``help_table``; escape or ``?`` closes it; j/k/g/G and the pages scroll it."""

    BINDINGS = [
        *keys.DIALOG_BINDINGS,
        *(b for b in keys.APP_BINDINGS if isinstance(b, Binding) and b.id == "show-help"),
        *(b for b in keys.LIST_BINDINGS if isinstance(b, Binding) and b.id in SCROLL_IDS),
    ]

    def __init__(self, keymap: Mapping[str, str], first: str = "") -> None:
        super().__init__()
        self._keymap = dict(keymap)
        self.first = first
        """The place whose keys come first (``help_table``)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Label(Text("Keys  ·  remap them in config.toml under [keys]", "bold"))
            with VerticalScroll(id="help-scroll"):
                yield Static(help_table(self._keymap, self.first), id="help-table")
                narrow = narrow_help(self._keymap, BOTH_AT, ONE_AT)
                yield Static(Text(narrow, "italic"), id="help-narrow")
        yield Footer()  # this screen's keys: the main screen's beneath do not act now

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    @property
    def _scroll(self) -> VerticalScroll:
        return self.query_one("#help-scroll", VerticalScroll)

    def action_cursor_down(self) -> None:
        self._scroll.scroll_down(animate=False)

    def action_cursor_up(self) -> None:
        self._scroll.scroll_up(animate=False)

    def action_cursor_first(self) -> None:
        self._scroll.scroll_home(animate=False)

    def action_cursor_last(self) -> None:
        self._scroll.scroll_end(animate=False)

    def action_page_down(self) -> None:
        self._scroll.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self._scroll.scroll_page_up(animate=False)

    def action_close_dialog(self) -> None:
        self.dismiss(None)

    def action_show_help(self) -> None:
        self.dismiss(None)
