"""Every key binding of the app as data: one table per place, each binding with an id.

The classes take their ``BINDINGS`` from here, ``config.toml`` remaps them by id through
``App.set_keymap``, the help screen lists them and the README table is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding

APP_BINDINGS: list[Binding] = [
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark", "show_help", "Keys", id="show-help"),
    Binding(
        "ctrl+p", "command_palette", "Palette", id="command-palette", priority=True, show=False
    ),
]

MAIN_BINDINGS: list[Binding] = [
    Binding("t", "set_status('to-read')", "To read", id="mark-to-read"),
    Binding("i", "set_status('reading')", "Reading", id="mark-reading", show=False),
    Binding("r", "set_status('read')", "Read", id="mark-read"),
    Binding("x", "set_status('unread')", "Unread", id="mark-unread", show=False),
    Binding("s", "toggle_star", "Star", id="toggle-star"),
    Binding("u", "undo", "Undo", id="undo"),
    Binding("U", "redo", "Redo", id="redo", show=False),
    Binding("slash", "focus_search", "Search", id="focus-search"),
    Binding("escape", "clear", "Clear", id="clear", show=False),
    Binding("1", "filter_status('all')", "All", id="filter-all", show=False),
    Binding("2", "filter_status('to-read')", "Only to read", id="filter-to-read", show=False),
    Binding("3", "filter_status('reading')", "Only reading", id="filter-reading", show=False),
    Binding("4", "filter_status('read')", "Only read", id="filter-read", show=False),
    Binding("5", "filter_status('unread')", "Only unread", id="filter-unread", show=False),
    Binding("S", "cycle_sort", "Sort", id="cycle-sort", show=False),
    Binding("n", "edit_note", "Note", id="edit-note"),
    Binding("e", "edit_note_external", "Note in $EDITOR", id="edit-note-external", show=False),
    Binding("o", "open_link", "Open", id="open-link", show=False),
    Binding("O", "pick_link", "Links", id="pick-link", show=False),
    Binding("y", "copy_title", "Copy title+link", id="copy-title", show=False),
    Binding("Y", "copy_bibtex", "Copy BibTeX", id="copy-bibtex", show=False),
    Binding("T", "triage", "Triage", id="triage"),
    Binding("p", "progress", "Progress", id="progress"),
    Binding("b", "toggle_tree", "Tree", id="toggle-tree", show=False),
    Binding("d", "toggle_detail", "Details", id="toggle-detail", show=False),
    Binding("tab", "focus_pane(1)", "Next pane", id="focus-next-pane", show=False),
    Binding("shift+tab", "focus_pane(-1)", "Previous pane", id="focus-previous-pane", show=False),
]

LIST_BINDINGS: list[Binding] = [
    Binding("j,down", "cursor_down", "Down", id="cursor-down", show=False),
    Binding("k,up", "cursor_up", "Up", id="cursor-up", show=False),
    Binding("g,home", "cursor_first", "First", id="cursor-first", show=False),
    Binding("G,end", "cursor_last", "Last", id="cursor-last", show=False),
    Binding("pagedown", "page_down", "Page down", id="page-down", show=False),
    Binding("pageup", "page_up", "Page up", id="page-up", show=False),
    Binding("enter", "open_paper", "Open paper", id="open-paper", show=False),
    Binding("space", "toggle_select", "Select", id="select", show=False),
    Binding("V", "select_all", "Select all in view", id="select-all", show=False),
]

SEARCH_BINDINGS: list[Binding] = [
    Binding("escape", "clear_search", "Clear search", id="search-clear"),
    Binding("enter,down", "leave_search", "To the list", id="search-done"),
]

NOTE_BINDINGS: list[Binding] = [
    Binding("escape", "close_note", "Done", id="note-done"),
    Binding("ctrl+s", "save_note", "Save", id="note-save"),
]

TABLES: dict[str, list[Binding]] = {
    "everywhere": APP_BINDINGS,
    "main screen": MAIN_BINDINGS,
    "paper list": LIST_BINDINGS,
    "search box": SEARCH_BINDINGS,
    "note editor": NOTE_BINDINGS,
}
"""Where each table applies -> its bindings, in the order help and README show them."""


def all_bindings() -> Iterator[tuple[str, Binding]]:
    for place, table in TABLES.items():
        for binding in table:
            yield place, binding


def binding_ids() -> frozenset[str]:
    """The ids ``config.toml`` may remap."""
    return frozenset(b.id for _, b in all_bindings() if b.id)


_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "space": "space",
    "pagedown": "PageDown",
    "pageup": "PageUp",
}


def display_key(key: str) -> str:
    """A key spec (``j,down``) as people write it (``j`` / ``down``)."""
    return " / ".join(_KEY_NAMES.get(part.strip(), part.strip()) for part in key.split(","))


def key_table_markdown() -> str:
    """The README key table: key, binding id (for ``config.toml``), what it does, where."""
    lines = ["| Key | Id | What it does | Where |", "| --- | --- | --- | --- |"]
    for place, binding in all_bindings():
        key = display_key(binding.key).replace("|", "\\|")
        lines.append(f"| `{key}` | `{binding.id}` | {binding.description} | {place} |")
    return "\n".join(lines) + "\n"
