"""Keys named in sentences (the status line's hints, the empty note) as the user mapped them.

The help screen, the footer and the palette follow ``[keys]`` in ``config.toml``; a hint
written as "t to-read · r read" kept naming ``r`` after ``mark-read = "R"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

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


def first_run_hint(keymap: Mapping[str, str]) -> str:
    """``t to-read · r read · / search · ? help`` with the keys mapped."""
    words = [("mark-to-read", "to-read"), ("mark-read", "read")]
    words += [("focus-search", "search"), ("show-help", "help")]
    return " · ".join(f"{key_named(keymap, bid)} {word}" for bid, word in words)


def no_note(keymap: Mapping[str, str]) -> str:
    """The empty note's markdown: the keys that write one."""
    write, external = key_named(keymap, "edit-note"), key_named(keymap, "edit-note-external")
    return f"*No note yet: `{write}` writes one here, `{external}` opens `$EDITOR`.*"
