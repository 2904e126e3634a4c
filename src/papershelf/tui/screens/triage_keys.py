"""Which triage keys the footer shows, and the line under the card that names the others.

At 80 columns the footer could not hold every triage key: it was cut after ``n Note``, and
``o``, ``u`` and ``?`` were not to be seen. As lazygit and k9s do, a narrow footer keeps the
keys that decide and move (to-read, reading, read, skip, undo, end, help), in its compact
style, and a line under the card names the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from rich.cells import cell_len
from textual.app import App
from textual.binding import ActiveBinding

from papershelf.tui.key_hints import key_named

IN_LINE: tuple[tuple[str, str], ...] = (
    ("triage-star", "star"),
    ("triage-note", "note"),
    ("triage-open", "opens the link"),
)
"""(binding id, words): the keys a narrow footer leaves to the line under the card."""

PALETTE_CELLS = 14
"""The footer's ``^p Palette`` on the right, its border and padding included."""


def footer_cells(app: App[object], active: Mapping[str, ActiveBinding]) -> int:
    """The footer's width with every shown key at full size (one per action, as it shows)."""
    shown = {b.binding.action: b.binding for b in active.values() if b.binding.show}
    keys = sum(
        cell_len(app.get_key_display(b)) + cell_len(b.description) + 3 for b in shown.values()
    )
    return keys + PALETTE_CELLS


def lean(active: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """``active`` with the keys of ``IN_LINE`` out of the footer (still bound, still acting)."""
    ids = {binding_id for binding_id, _ in IN_LINE}
    return {
        key: bound._replace(binding=replace(bound.binding, show=False))
        if bound.binding.id in ids
        else bound
        for key, bound in active.items()
    }


def line(keymap: Mapping[str, str]) -> str:
    """``s star · n note · o opens the link``, the keys as the user mapped them."""
    return " · ".join(f"{key_named(keymap, bid)} {words}" for bid, words in IN_LINE)
