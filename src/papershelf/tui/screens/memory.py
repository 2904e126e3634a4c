"""What the main screen remembers between runs: the view, the open tree nodes, the panes."""

from __future__ import annotations

from papershelf.tui.shelf import NavKey
from papershelf.tui.widgets.nav_tree import NavTree
from papershelf.tui.widgets.panes import Panes
from papershelf.tui.widgets.shelf_view import ShelfView


def remembered(view: ShelfView, nav: NavTree, panes: Panes) -> dict[str, object]:
    """The view and paper, the open tree nodes and the panes shown."""
    return {
        **view.remembered(),
        "expanded": [list(key) for key in nav.expanded_keys()],
        "panes": panes.shown(),
    }


def restore(data: dict[str, object], view: ShelfView, nav: NavTree, panes: Panes) -> None:
    """Put back what ``remembered`` kept; anything unreadable is left at its default."""
    shown, expanded = data.get("panes"), data.get("expanded")
    if isinstance(shown, dict):
        panes.restore(shown)
    if isinstance(expanded, list):
        nav.expand_keys(filter(None, map(NavKey.from_json, expanded)))
    view.restore(data)
