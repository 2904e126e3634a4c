"""The main screen's three panes (tree, list, detail): which show, and which has focus."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widget import Widget

from papershelf.tui.widgets.detail_pane import DetailPane
from papershelf.tui.widgets.nav_tree import NavTree
from papershelf.tui.widgets.paper_list import PaperList


class Panes(Horizontal):
    """Shows, hides and cycles the panes; ``-tree-off``/``-detail-on`` say what shows.

    The tree hides by itself on a narrow screen (``MainScreen.-narrow``) unless asked for.
    """

    @property
    def _nav(self) -> NavTree:
        return self.query_one(NavTree)

    @property
    def _list(self) -> PaperList:
        return self.query_one(PaperList)

    @property
    def _detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    def toggle_tree(self) -> None:
        shown = self._nav.display
        self.set_class(shown, "-tree-off")
        self.set_class(not shown, "-tree-on")
        if shown and self._nav.has_focus:
            self._list.focus()

    def toggle_detail(self) -> None:
        shown = self._detail.display
        self.set_class(shown, "-detail-off")
        self.set_class(not shown, "-detail-on")
        if shown and self._detail.has_focus_within:
            self._detail.stop_editing()
            self._list.focus()

    def show_detail(self) -> None:
        self.set_class(False, "-detail-off")
        self.set_class(True, "-detail-on")

    def focus_step(self, step: int) -> None:
        """Cycle tree -> list -> detail (or the note being edited), skipping hidden panes."""
        panes: list[Widget] = [self._list]
        if self._nav.display:
            panes.insert(0, self._nav)
        detail = self._detail
        if detail.display:
            panes.append(detail.editor if detail.editing else detail.scroller)
        index = next((i for i, w in enumerate(panes) if w is self.screen.focused), -1)
        panes[(index + step) % len(panes)].focus()

    def shown(self) -> dict[str, bool]:
        """Which panes the user asked for (remembered between runs)."""
        return {
            "tree": not self.has_class("-tree-off"),
            "detail": not self.has_class("-detail-off"),
        }

    def restore(self, shown: dict[str, object]) -> None:
        if shown.get("tree") is False:
            self.set_class(True, "-tree-off")
        if shown.get("detail") is False:
            self.set_class(True, "-detail-off")
