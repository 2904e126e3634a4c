"""Every key binding of the app as data: one table per place, each binding with an id.

The classes take their ``BINDINGS`` from here, ``config.toml`` remaps them by id through
``App.set_keymap``, the help screen and the command palette list them, and the README key
table is generated from them. ``description`` is the footer's short word; ``tooltip`` says
in full what the key does (help, palette).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from textual.binding import Binding, BindingType


def _b(
    key: str,
    action: str,
    short: str,
    long: str,
    id: str,
    show: bool = False,
    key_display: str | None = None,
) -> Binding:
    return Binding(key, action, short, show=show, tooltip=long, id=id, key_display=key_display)


APP_BINDINGS: list[BindingType] = [
    _b("q", "quit", "Quit", "Quit (unsaved note text is saved first)", "quit", show=True),
    _b("question_mark", "show_help", "Keys", "Show every key", "show-help", show=True),
    Binding(
        "ctrl+p",
        "command_palette",
        "Palette",
        show=False,
        priority=True,
        tooltip=(
            "Command palette: every action, import, update followed lists, export, forget a"
            " list, enrich, jump, theme"
        ),
        id="command-palette",
    ),
]

MAIN_BINDINGS: list[BindingType] = [
    _b("t", "set_status('to-read')", "To read", "Mark to read", "mark-to-read", show=True),
    _b("i", "set_status('reading')", "Reading", "Mark reading", "mark-reading"),
    _b("r", "set_status('read')", "Read", "Mark read", "mark-read", show=True),
    _b("x", "set_status('unread')", "Unread", "Mark unread again", "mark-unread"),
    _b("s", "toggle_star", "Star", "Star or unstar", "toggle-star", show=True),
    _b("u", "undo", "Undo", "Undo the last change (repeatable)", "undo", show=True),
    _b("U", "redo", "Redo", "Redo what undo took back", "redo"),
    _b(
        "slash",
        "focus_search",
        "Search",
        "Search titles, authors, topics, notes",
        "focus-search",
        show=True,
    ),
    _b("escape", "clear", "Clear", "To the list; there, clear selection, search, filter", "clear"),
    _b("1", "filter_status('all')", "All", "Show every status", "filter-all"),
    _b("2", "filter_status('to-read')", "To read", "Show only papers to read", "filter-to-read"),
    _b("3", "filter_status('reading')", "Reading", "Show only papers being read", "filter-reading"),
    _b("4", "filter_status('read')", "Read", "Show only papers read", "filter-read"),
    _b("5", "filter_status('unread')", "Unread", "Show only untriaged papers", "filter-unread"),
    _b(
        "S",
        "cycle_sort",
        "Sort",
        "Sort by catalog, venue, title, status, last change",
        "cycle-sort",
    ),
    _b("n", "edit_note", "Note", "Edit the note here (autosaved)", "edit-note", show=True),
    _b(
        "e",
        "edit_note_external",
        "$EDITOR",
        "Edit the note in $VISUAL / $EDITOR",
        "edit-note-external",
    ),
    _b("o", "paper('open')", "Open", "Open the paper's main link in the browser", "open-link"),
    _b("O", "paper('pick')", "Links", "Open a link of the paper or of its note", "pick-link"),
    _b("y", "paper('copy-title')", "Copy", "Copy title and link", "copy-title"),
    _b("Y", "paper('copy-bibtex')", "BibTeX", "Copy a BibTeX entry", "copy-bibtex"),
    _b(
        "c",
        "paper('copy-id')",
        "Copy id",
        "Copy the paper's id (what the command line takes)",
        "copy-id",
    ),
    _b("number_sign", "tag", "Tags", "Add or remove tags of your own (-tag removes)", "tag"),
    _b(
        "equals_sign",
        "same_paper",
        "Same",
        "Same paper as the possible duplicate the details show (undoable)",
        "same-paper",
    ),
    _b(
        "E",
        "enrich",
        "Enrich",
        "Look up the abstract and metadata (the selected papers, or this one)",
        "enrich",
    ),
    _b("T", "triage", "Triage", "Triage the unread papers of this view", "triage", show=True),
    _b("p", "progress", "Progress", "Progress per venue and topic", "progress", show=True),
    _b("b", "toggle_pane('tree')", "Tree", "Show or hide the venue tree", "toggle-tree"),
    _b("d", "toggle_pane('detail')", "Details", "Show or hide the detail pane", "toggle-detail"),
    _b("tab", "focus_pane(1)", "Next pane", "Focus the next pane", "focus-next-pane"),
    _b(
        "shift+tab",
        "focus_pane(-1)",
        "Previous pane",
        "Focus the previous pane",
        "focus-previous-pane",
    ),
]

LIST_BINDINGS: list[BindingType] = [
    _b("j,down", "cursor_down", "Down", "Next paper", "cursor-down"),
    _b("k,up", "cursor_up", "Up", "Previous paper", "cursor-up"),
    _b("g,home", "cursor_first", "First", "First paper", "cursor-first"),
    _b("G,end", "cursor_last", "Last", "Last paper", "cursor-last"),
    _b("pagedown", "page_down", "Page down", "One page down", "page-down"),
    _b("pageup", "page_up", "Page up", "One page up", "page-up"),
    _b("enter", "open_paper", "Open", "Show the paper's details and note", "open-paper"),
    _b(
        "space",
        "toggle_select",
        "Select",
        "Select the paper and move down (keys then act on all selected)",
        "select",
    ),
    _b("V", "select_all", "Select all", "Select every paper in view (again: none)", "select-all"),
]

SEARCH_BINDINGS: list[BindingType] = [
    _b(
        "escape",
        "clear_search",
        "Clear",
        "Clear the search and go back to the list",
        "search-clear",
        show=True,
    ),
    _b(
        "enter,down",
        "leave_search",
        "To list",
        "Keep the search, go to the list",
        "search-done",
        show=True,
        key_display="enter",
    ),
]

NOTE_BINDINGS: list[BindingType] = [
    # A priority key: the text area itself would take escape to move the focus on.
    Binding(
        "escape",
        "close_note",
        "Done",
        show=True,
        priority=True,
        tooltip="Save the note and stop editing",
        id="note-done",
    ),
    _b("ctrl+s", "save_note", "Save", "Save the note now", "note-save", show=True),
]

DIALOG_BINDINGS: list[BindingType] = [
    _b("escape", "close_dialog", "Close", "Close the dialog", "dialog-close", show=True),
]

PAPER_ACTIONS = frozenset(
    {
        "set_status",
        "toggle_star",
        "edit_note",
        "edit_note_external",
        "paper",
        "enrich",
        "tag",
        "same_paper",
    }
)
"""Main-screen actions on the list's paper: they rest (and leave the footer) in the tree."""

TREE_BINDINGS: list[BindingType] = [
    _b("j,down", "cursor_down", "Down", "Next venue or topic", "tree-down"),
    _b("k,up", "cursor_up", "Up", "Previous venue or topic", "tree-up"),
    _b("l,right", "expand_node", "Open", "Show the topics under this node", "tree-expand"),
    _b("h,left", "collapse_node", "Close", "Hide the topics, or go to the parent", "tree-collapse"),
    _b("g,home", "cursor_first", "First", "First node (All papers)", "tree-first"),
    _b("G,end", "cursor_last", "Last", "Last node shown", "tree-last"),
    _b(
        "enter",
        "screen.focus_list",
        "To list",
        "Go to the papers of this node",
        "tree-to-list",
        show=True,
    ),
]
DETAIL_BINDINGS: list[BindingType] = [
    _b("j,down", "scroll_down", "Down", "Scroll the details down", "detail-down"),
    _b("k,up", "scroll_up", "Up", "Scroll the details up", "detail-up"),
    _b(
        "escape",
        "screen.focus_list",
        "Back",
        "Back to the paper list",
        "detail-back",
        show=True,
    ),
]

TABLES: dict[str, list[BindingType]] = {
    "everywhere": APP_BINDINGS,
    "main screen": MAIN_BINDINGS,
    "paper list": LIST_BINDINGS,
    "venue tree": TREE_BINDINGS,
    "detail pane": DETAIL_BINDINGS,
    "search box": SEARCH_BINDINGS,
    "note editor": NOTE_BINDINGS,
    "dialogs": DIALOG_BINDINGS,
}
"""Where each table applies -> its bindings, in the order help and README show them."""


TRIAGE_BINDINGS: list[Binding] = [
    Binding(
        "escape,q",
        "end",
        "End",
        id="triage-end",
        key_display="esc",
        tooltip="End the triage and show its summary",
    ),
    Binding("t", "set_status('to-read')", "To read", id="triage-to-read"),
    Binding("i", "set_status('reading')", "Reading", id="triage-reading"),
    Binding("r", "set_status('read')", "Read", id="triage-read"),
    Binding("s", "toggle_star", "Star", id="triage-star"),
    Binding("space,right", "skip", "Skip", id="triage-skip", key_display="space"),
    Binding("n", "note", "Note", id="triage-note", tooltip="Write a note on this paper"),
    Binding("o", "open_link", "Open", id="triage-open", tooltip="Open the paper's main link"),
    Binding("u", "undo", "Undo", id="triage-undo"),
    Binding(
        "enter", "close", "Close", id="triage-close", tooltip="On the summary: back to the list"
    ),
    _b("j,down", "scroll_card(1)", "Down", "Scroll a long card down", "triage-scroll-down"),
    _b("k,up", "scroll_card(-1)", "Up", "Scroll a long card up", "triage-scroll-up"),
]
"""Triage keys by id; the app's key table and ``config.toml`` remapping use the ids."""

PROGRESS_BINDINGS: list[Binding] = [
    Binding("escape,q,p", "close", "Close", id="progress-close", key_display="esc"),
]
"""Progress screen keys; the table's own (enter, j/k...) are in ``PROGRESS_TABLE_BINDINGS``."""

PROGRESS_TABLE_BINDINGS: list[Binding] = [
    Binding(
        "enter",
        "select_cursor",
        "Show in list",
        id="progress-to-list",
        tooltip="Close and show this venue's or topic's papers in the list",
    ),
    Binding(
        "l,right",
        "expand",
        "Topics",
        id="progress-expand",
        key_display="l",
        tooltip="Show the topics of this venue",
    ),
    Binding(
        "h,left",
        "collapse",
        "Venues",
        id="progress-collapse",
        key_display="h",
        tooltip="Hide the topics of this venue",
    ),
    Binding(
        "asterisk",
        "expand_all",
        "All topics",
        id="progress-expand-all",
        key_display="*",
        tooltip="Show the topics of every venue (again: only the venues)",
    ),
    Binding("j", "cursor_down", "Down", show=False, id="progress-down", tooltip="Next row"),
    Binding("k", "cursor_up", "Up", show=False, id="progress-up", tooltip="Previous row"),
    Binding("g", "scroll_top", "First", show=False, id="progress-first", tooltip="First row"),
    Binding("G", "scroll_bottom", "Last", show=False, id="progress-last", tooltip="Last row"),
]
"""Keys of the progress screen's table (``ProgressTable``), by id."""

SCREEN_TABLES: dict[str, list[BindingType]] = {
    "triage mode": list(TRIAGE_BINDINGS),
    "progress screen": [*PROGRESS_TABLE_BINDINGS, *PROGRESS_BINDINGS],
}
"""The pushed screens' tables, listed after ``TABLES`` in help and the README."""


def main_screen_bindings() -> list[BindingType]:
    """The main screen's table with quit and help first, so a narrow footer keeps them.

    The footer lists the focused widget's keys, then the screen's, then the app's, and cuts
    at the right edge; these copies share the app's ids, so a remap moves both.
    """
    first = [b for b in APP_BINDINGS if isinstance(b, Binding) and b.id in ("quit", "show-help")]
    copies = [
        Binding(b.key, f"app.{b.action}", b.description, show=True, tooltip=b.tooltip, id=b.id)
        for b in first
    ]
    return [*copies, *MAIN_BINDINGS]


def all_bindings() -> Iterator[tuple[str, Binding]]:
    """(place, binding) for every binding of the app, the triage and progress screens too."""
    for place, table in {**TABLES, **SCREEN_TABLES}.items():
        for binding in table:
            if isinstance(binding, Binding):
                yield place, binding


def binding_ids() -> frozenset[str]:
    """The ids ``config.toml`` may remap."""
    return frozenset(b.id for _, b in all_bindings() if b.id)


TOGETHER: tuple[tuple[str, ...], ...] = (
    *((place,) for place in (*TABLES, *SCREEN_TABLES)),
    ("everywhere", "main screen", "paper list"),
    ("everywhere", "main screen", "venue tree"),
)
"""Tables whose keys act at the same time: one key must not mean two things within one.

The other overlaps are by design: the detail pane, the search box, the note editor and the
dialogs take escape (and letters) from the main screen, triage's q ends it rather than quit.
"""


def conflicts(keymap: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(key, id, other id) for each key two bindings of ``TOGETHER`` share after ``keymap``.

    Only pairs where ``keymap`` moved one of the two: the defaults are known to be apart.
    In the tree the paper keys rest (``PAPER_ACTIONS``), so the tree may reuse them.
    """
    tables = {**TABLES, **SCREEN_TABLES}
    found: list[tuple[str, str, str]] = []
    for places in TOGETHER:
        owner: dict[str, str] = {}
        for place in places:
            for binding in tables[place]:
                if not isinstance(binding, Binding) or not binding.id:
                    continue
                resting = "venue tree" in places and place == "main screen"
                if resting and binding.action.split("(")[0] in PAPER_ACTIONS:
                    continue
                for key in keymap.get(binding.id, binding.key).split(","):
                    other = owner.setdefault(key.strip(), binding.id)
                    pair = (key.strip(), other, binding.id)
                    moved = other in keymap or binding.id in keymap
                    if other != binding.id and moved and pair not in found:
                        found.append(pair)
    return found


def explain(binding: Binding) -> str:
    """The full sentence for help and the palette (the footer's word when there is none)."""
    return binding.tooltip or binding.description


_KEY_NAMES = {
    "number_sign": "#",
    "equals_sign": "=",
    "question_mark": "?",
    "asterisk": "*",
    "slash": "/",
    "pagedown": "PageDown",
    "pageup": "PageUp",
}


def display_key(key: str) -> str:
    """A key spec (``j,down``) as people write it (``j`` / ``down``)."""
    return " / ".join(_KEY_NAMES.get(part.strip(), part.strip()) for part in key.split(","))
