"""Where the paper list scrolls to show its cursor: the arithmetic alone, apart from drawing.

Two rules. A cursor moved within the view scrolls as little as it can from where the list is.
A new view (another sort, filter, scope or search) scrolls from the top: the old scroll, kept,
hid rows above the cursor's paper for nothing.
"""

from __future__ import annotations

from textual.scroll_view import ScrollView


def from_top(row: int, height: int) -> int:
    """The least scroll, counted from the top, that shows ``row`` in ``height`` lines."""
    return max(0, row - height + 1)


def to_show(top: int, row: int, height: int) -> int | None:
    """The scroll nearest ``top`` that shows ``row`` in ``height`` lines; None: it shows."""
    if row < top:
        return row
    if row >= top + height:
        return row - height + 1
    return None


class CursorScroll:
    """Scrolls ``view`` so that the row of its cursor shows, by the two rules above.

    It remembers the scroll a new view set: a resize before anything scrolls the list again
    (the search box closing as a search is cleared gives the list its line back) counts from
    the top again, where keeping the scroll hid the row above the cursor.
    """

    def __init__(self, view: ScrollView) -> None:
        self.view = view
        self.new_view_at: int | None = None
        """The scroll the last new view set (None: none yet)."""

    def show(self, row: int) -> None:
        """Scroll as little as needed from where the list is."""
        height = self.view.scrollable_content_region.height
        y = to_show(round(self.view.scroll_y), row, height) if height > 0 else None
        if y is not None:
            self.view.scroll_to(y=y, animate=False, immediate=True)

    def new_view(self, row: int) -> None:
        """Scroll from the top, as far as ``row`` needs."""
        if (height := self.view.scrollable_content_region.height) > 0:
            self.new_view_at = from_top(row, height)
            self.view.scroll_to(y=self.new_view_at, animate=False, force=True, immediate=True)

    def resized(self, row: int) -> None:
        """The list's height changed: a new view's scroll is counted again for it."""
        if self.new_view_at is not None and self.new_view_at == round(self.view.scroll_y):
            self.new_view(row)
        else:
            self.show(row)
