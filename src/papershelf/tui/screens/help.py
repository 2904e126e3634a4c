"""The key help: every binding with its current key (after the user's keymap), id and purpose."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from papershelf.tui import keys
from papershelf.tui.key_hints import narrow_help
from papershelf.tui.widgets.fitted_footer import SteadyFooter
from papershelf.tui.widgets.muted import MutedStatic
from papershelf.tui.widgets.panes import BOTH_AT, ONE_AT

ID_WIDTH = 20
"""The id column (for config.toml) at most: a longer id is cut, and first."""
DESCRIPTION_LEAST = 16
GAP = "  "


def help_text(keymap: Mapping[str, str], first: str = "", width: int = 100) -> Text:
    """One row per binding, grouped by where it applies, laid out in ``width`` columns.

    The keys of the place ``first`` (the screen help was asked on) follow those that act
    everywhere, before the others. The key column is as wide as its longest key or place
    name, so none is ever cut; the description wraps in the room left; the id is cut first.
    Laid out here, not by a rich ``Table``: its layout of some 150 rows took 0.1 s, and a
    ``Static`` holding one measured and drew it at every layout (0.3-0.4 s a ``?``).
    """
    bindings = sorted(keys.all_bindings(), key=lambda pb: pb[0] not in ("everywhere", first))
    key_texts = [keys.display_key(keymap.get(b.id or "", b.key)) for _, b in bindings]
    key_width = max(cell_len(text) for text in [*key_texts, *(p for p, _ in bindings)])
    id_width = min(ID_WIDTH, max(cell_len(b.id or "") for _, b in bindings))
    room = max(DESCRIPTION_LEAST, width - key_width - id_width - 2 * len(GAP))
    out = Text(end="", no_wrap=True)

    def row(key: Text, words: str, ident: str) -> None:
        lines = textwrap.wrap(words, room) or [""]
        if cell_len(ident) > id_width:
            ident = ident[: id_width - 1] + "…"
        for n, line in enumerate(lines):
            out.append("\n" if out else "")
            out.append_text(key if n == 0 else Text(" " * key_width))
            out.append(" " * (key_width - (key.cell_len if n == 0 else key_width)) + GAP)
            out.append(line.ljust(room) + GAP if n == 0 and ident else line)
            if n == 0 and ident:
                out.append(ident, "dim")

    row(Text("Key", "bold"), "What it does", "Id")
    out.stylize("bold", 0, len(out))
    place_shown = ""
    for (place, binding), key in zip(bindings, key_texts, strict=True):
        if place != place_shown:
            if place_shown:
                out.append("\n")
            row(Text(place.capitalize(), "italic underline"), "", "")
            place_shown = place
        row(Text(key, "bold"), keys.explain(binding), binding.id or "")
    return out


class HelpTable(MutedStatic):
    """``help_text``, laid out again only when its width changes."""

    def __init__(self, keymap: Mapping[str, str], first: str, width: int, *, id: str) -> None:
        super().__init__(help_text(keymap, first, width), id=id)
        self._keymap, self._first, self._width = keymap, first, width

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            self.update(help_text(self._keymap, self._first, self._width))


SCROLL_IDS = ("cursor-down", "cursor-up", "cursor-first", "cursor-last", "page-down", "page-up")
"""The paper list's moving keys scroll the help (a remap of them moves both)."""


def _width_guess(screen: int) -> int:
    """The table's width in the dialog (``.help-dialog``: at most 110, less its frame)."""
    return min(screen, 110) - 6


class HelpScreen(ModalScreen[None]):
    """Shows ``help_text``; escape or ``?`` closes it; j/k/g/G and the pages scroll it."""

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
                width = _width_guess(self.app.size.width)
                yield HelpTable(self._keymap, self.first, width, id="help-table")
                narrow = narrow_help(self._keymap, BOTH_AT, ONE_AT)
                yield Static(Text(narrow, "italic"), id="help-narrow")
        yield SteadyFooter()  # this screen's keys: the main screen's beneath do not act now

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
