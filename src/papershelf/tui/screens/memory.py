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


def restore(data: dict[str, object], view: ShelfView, panes: Panes) -> None:
    """The panes and the view, as ``remembered`` kept them (anything unreadable: default).

    The open tree nodes wait for the tree, built the frame after the first papers.
    """
    if isinstance(shown := data.get("panes"), dict):
        panes.restore(shown)
    view.restore(data)


def expand(data: dict[str, object], nav: NavTree) -> None:
    """Open the tree nodes ``remembered`` kept."""
    if isinstance(expanded := data.get("expanded"), list):
        nav.expand_keys(filter(None, map(NavKey.from_json, expanded)))
