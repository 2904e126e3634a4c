"""Keys named in sentences (hints, dialogs, the empty note and list) as the user mapped them.

The help screen, the footer and the palette follow ``[keys]`` in ``config.toml``; a hint
written as "t to-read · r read" kept naming ``r`` after ``mark-read = "R"``. Every sentence
of the app that names a key builds it here, from the binding's id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from textual import events
from textual.binding import Binding

from papershelf.tui import keys


def keymap_of(app: object) -> Mapping[str, str]:
    """The app's ``[keys]`` (the papershelf app's config; none on another app, in tests)."""
    config = getattr(app, "config", None)
    keymap = getattr(config, "keys", None)
    return keymap if isinstance(keymap, Mapping) else {}


@cache
def _default_keys() -> dict[str, str]:
    """Binding id -> its keys as bound (the first binding of an id): read once, not per hint."""
    found: dict[str, str] = {}
    for _, binding in keys.all_bindings():
        if binding.id:
            found.setdefault(binding.id, binding.key)
    return found


def key_named(keymap: Mapping[str, str], binding_id: str) -> str:
    """The first key of ``binding_id`` after ``keymap``, as people write it (``/``, not slash)."""
    bound = _default_keys()[binding_id]  # KeyError: no such binding
    return keys.display_key(keymap.get(binding_id, bound).split(",")[0])


def keys_named(keymap: Mapping[str, str], binding_id: str) -> list[str]:
    """Every key of ``binding_id`` after ``keymap`` (``escape``, ``q``): for "a, b or c"."""
    bound = _default_keys()[binding_id]
    return [keys.display_key(key) for key in keymap.get(binding_id, bound).split(",") if key]


def either(names: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``: keys that do the same, in a sentence."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def closes(keymap: Mapping[str, str]) -> str:
    """A dialog's ``escape closes``, with the dialogs' close key as mapped."""
    return f"{key_named(keymap, 'dialog-close')} closes"


def search_hint(keymap: Mapping[str, str]) -> str:
    """The search box's hint: the list's keys type there, so the list's hints would mislead."""
    done, clear = key_named(keymap, "search-done"), key_named(keymap, "search-clear")
    return f"typing searches · {done}: the list · {clear} clears"


def detail_hint(keymap: Mapping[str, str]) -> str:
    """The details' hint while they have focus: how to scroll, open the link and go back."""
    down, up = key_named(keymap, "detail-down"), key_named(keymap, "detail-up")
    link, back = key_named(keymap, "open-link"), key_named(keymap, "detail-back")
    return f"details: {down}/{up} scroll · {link} open link · {back} back"


def note_hint(keymap: Mapping[str, str]) -> str:
    """The note editor's hint: every letter types there, so the list's ``t to-read`` misled."""
    done, save = key_named(keymap, "note-done"), key_named(keymap, "note-save")
    return f"typing writes the note · {save} saves · {done} saves and closes"  # last: kept


def tree_hint(keymap: Mapping[str, str]) -> str:
    """The tree's hint while it has focus: the list's ``t to-read · r read`` rest there."""
    down, up = key_named(keymap, "tree-down"), key_named(keymap, "tree-up")
    expand, collapse = key_named(keymap, "tree-expand"), key_named(keymap, "tree-collapse")
    return (
        f"tree: {down}/{up} move · {expand}/{collapse} open, close · "
        f"{key_named(keymap, 'tree-to-list')} its papers"
    )


def triage_summary_hint(keymap: Mapping[str, str]) -> str:
    """The triage summary's keys: its own close, and what another key does on the list."""
    closing = either([*keys_named(keymap, "triage-close"), *keys_named(keymap, "triage-end")])
    progress, down = key_named(keymap, "progress"), key_named(keymap, "cursor-down")
    return (
        f"{closing}: back to the list. Any other key goes back and acts there"
        f" ({progress}: progress, {down}: next paper)."
    )


def narrow_help(keymap: Mapping[str, str], both_at: int, one_at: int) -> str:
    """The help's note on narrow terminals, naming the keys that bring a hidden pane."""
    detail = ", ".join(
        key_named(keymap, bid) for bid in ("toggle-detail", "open-paper", "edit-note")
    )
    return (
        f"Under {both_at} columns the details show in place of the tree when asked for ({detail});"
        f" under {one_at} the tree too shows only when asked for"
        f" ({key_named(keymap, 'toggle-tree')}). The status line says what the width hides."
    )


def note_left(keymap: Mapping[str, str]) -> str:
    """The warning when the note's paper leaves the list: typing goes on, and how to stop."""
    return (
        f"the note's paper left the list: typing goes on ({key_named(keymap, 'note-done')} closes)"
    )


def first_run_hint(keymap: Mapping[str, str]) -> str:
    """``t to-read · r read · / search · ? help`` with the keys mapped."""
    words = [("mark-to-read", "to-read"), ("mark-read", "read")]
    words += [("focus-search", "search"), ("show-help", "help")]
    return " · ".join(f"{key_named(keymap, bid)} {word}" for bid, word in words)


def no_note(keymap: Mapping[str, str]) -> str:
    """The empty note's markdown: the keys that write one."""
    write, external = key_named(keymap, "edit-note"), key_named(keymap, "edit-note-external")
    return f"*No note yet: `{write}` writes one here, `{external}` opens `$EDITOR`.*"


def _bound(keymap: Mapping[str, str], binding: Binding) -> set[str]:
    return {key.strip() for key in keymap.get(binding.id or "", binding.key).split(",") if key}


def resting_in_tree(keymap: Mapping[str, str], event: events.Key) -> str | None:
    """What a paper key (``t``, ``s``, ``r``) says in the tree, where it rests; else None.

    It did nothing and said nothing there, so a reader took it for broken. A key the tree
    binds itself is the tree's, and says nothing here.
    """
    key = event.key
    pressed = {key, event.character or key}
    if any(pressed & _bound(keymap, b) for b in keys.TREE_BINDINGS if isinstance(b, Binding)):
        return None
    for binding in keys.MAIN_BINDINGS:
        if not isinstance(binding, Binding) or not pressed & _bound(keymap, binding):
            continue
        if binding.action.split("(")[0] in keys.PAPER_ACTIONS:  # short: 80 columns show it
            to_list = key_named(keymap, "tree-to-list")
            return f"{keys.display_key(key)} acts in the list: {to_list} goes there"
    return None
