"""The header: ``papershelf — path · counts``, the path giving way on a narrow screen."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.style import Style
from textual.widgets import Header, Static

from papershelf.tui.widgets.muted import muted_style

SEPARATOR = " · "
PATH_AT_LEAST = 16
"""A path cut to fewer cells than this (``…/library.json`` is 14) tells nothing: it goes."""


def fit_sub_title(path: str, summary: str, room: int) -> str:
    """``path · summary`` in ``room`` cells: the summary whole, the path cut from the left.

    The counts are what changes and what the user looks for; the path is known (and
    ``papershelf paths`` prints it), so it is shortened to its end (``…/data/library.json``)
    and dropped when less than ``PATH_AT_LEAST`` cells of it would show.
    """
    left = room - cell_len(summary) - len(SEPARATOR)
    if cell_len(path) <= left:
        return f"{path}{SEPARATOR}{summary}"
    if left < PATH_AT_LEAST:
        return summary
    cut = path
    while cell_len(cut) > left - 1:
        cut = cut[1:]
    return f"…{cut}{SEPARATOR}{summary}"


class ShelfHeader(Header):
    """The header of the main screen; the screen's ``sub_title`` is ``path · summary``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"shelf-header--dim"}
    """The colour of the path and counts (``muted.py``: Textual's dim was grey on white)."""

    def __init__(self, path: str, *, icon: str | None = None) -> None:
        super().__init__(icon=icon)
        self.path = path
        """The library's path as the screen's ``sub_title`` starts with it."""

    def format_title(self) -> Content:
        title, sub_title = self.screen_title, self.screen_sub_title
        prefix = f"{self.path}{SEPARATOR}"
        if self.path and sub_title.startswith(prefix):
            cells, summary = self._title_cells(), sub_title[len(prefix) :]
            room = cells - cell_len(title) - len(" — ")
            if room < cell_len(summary):  # the app's name goes too, before the counts
                return Content(fit_sub_title(self.path, summary, cells)).stylize(self._dim())
            sub_title = fit_sub_title(self.path, summary, room)
        if not sub_title:
            return Content(title)
        return Content.assemble(Content(title), (" — ", self._dim()), (sub_title, self._dim()))

    def _dim(self) -> Style:
        return Style.from_rich_style(muted_style(self, "shelf-header--dim"))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:  # another theme: the title's colours are drawn again
            self.call_after_refresh(self._retitle)

    def _title_cells(self) -> int:
        """The cells between the icon and the clock's space, where the title is centred."""
        title = self.query_one("HeaderTitle", Static)
        return title.size.width or self.app.size.width - 18  # 8 + 10 before the first layout

    def on_resize(self, _: events.Resize) -> None:
        self.call_after_refresh(self._retitle)

    def _retitle(self) -> None:
        self.query_one("HeaderTitle", Static).update(self.format_title())
