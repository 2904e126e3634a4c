"""The key help: every binding with its current key (after the user's keymap), id and purpose."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from papershelf.tui import keys
from papershelf.tui.widgets.panes import BOTH_AT, ONE_AT

NARROW = (
    f"Under {BOTH_AT} columns the details show in place of the tree when asked for (d, enter,"
    f" n); under {ONE_AT} the tree too shows only when asked for (b). The status line says"
    " what the width hides."
)


def help_table(keymap: Mapping[str, str]) -> Table:
    """One row per binding, grouped by where it applies; plain Text cells (no markup)."""
    table = Table(box=None, expand=True, pad_edge=False, show_edge=False)
    # The description takes the room; key and id stay narrow (ids may be cut on small screens).
    table.add_column(Text("Key"), style="bold", no_wrap=True, max_width=12)
    table.add_column(Text("What it does"), ratio=1, min_width=24)
    table.add_column(Text("Id"), style="dim", no_wrap=True, max_width=20)
    place_shown = ""
    for place, binding in keys.all_bindings():
        if place != place_shown:
            if place_shown:
                table.add_row(Text(""), Text(""), Text(""))
            table.add_row(Text(place.capitalize(), "italic underline"), Text(""), Text(""))
            place_shown = place
        key = keymap.get(binding.id or "", binding.key)
        table.add_row(
            Text(keys.display_key(key)), Text(keys.explain(binding)), Text(binding.id or "")
        )
    return table


class HelpScreen(ModalScreen[None]):
    """Shows ``help_table``; escape or ``?`` closes it."""

    BINDINGS = [
        *keys.DIALOG_BINDINGS,
        *(b for b in keys.APP_BINDINGS if isinstance(b, Binding) and b.id == "show-help"),
    ]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self._keymap = dict(keymap)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Label(Text("Keys  ·  remap them in config.toml under [keys]", "bold"))
            with VerticalScroll(id="help-scroll"):
                yield Static(help_table(self._keymap), id="help-table")
                yield Static(Text(NARROW, "italic"), id="help-narrow")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close_dialog(self) -> None:
        self.dismiss(None)

    def action_show_help(self) -> None:
        self.dismiss(None)
