"""What a change key acts on: the selected papers if any, else the highlighted one.

A change made to a selection clears it, whatever the change (status, star, tags), so the next
key acts on the cursor's paper again and never on papers picked for an earlier change.
"""

from __future__ import annotations

from typing import NamedTuple

from papershelf.tui.widgets.paper_list import PaperList


class Targets(NamedTuple):
    """The papers of one change, and whether they are the selection."""

    ids: list[str]
    selection: bool


def chosen(paper_list: PaperList) -> Targets:
    """The selected papers, in list order, or else the highlighted one (none: no paper)."""
    if selected := paper_list.selected_ids:
        return Targets(selected, True)
    paper = paper_list.highlighted
    return Targets([paper.id] if paper else [], False)


def changed(paper_list: PaperList, targets: Targets) -> None:
    """The change is made: a selection it was made to is done with."""
    if targets.selection:
        paper_list.clear_selection()
