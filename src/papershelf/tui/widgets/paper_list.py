"""The paper list: a virtual list on Textual's line API that renders only the rows on screen.

A DataTable builds every row up front (seconds at 10,000 papers); this widget holds a
reference to the view's papers and draws the 30-odd visible rows on demand, so 50,000 papers
cost the same as 50. Rows are drawn by ``paper_rows``; the scrollbar is the list's own
(``list_scrollbar``), drawn in the same frame as the rows.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState
from papershelf.tui import keys
from papershelf.tui.widgets import list_scroll
from papershelf.tui.widgets.list_scrollbar import DrawnScrollbar
from papershelf.tui.widgets.paper_rows import message_lines, row_text, to_strip


class PaperList(ScrollView, can_focus=True):
    """Rows of papers with a cursor and a multi-selection; data in by method, intent out."""

    BINDINGS = keys.LIST_BINDINGS
    DEFAULT_CSS = """
    PaperList {
        overflow-y: hidden;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "paper-list--cursor",
        "paper-list--cursor-blurred",
        "paper-list--selected",
        "paper-list--read",
        "paper-list--star",
        "paper-list--meta",
        "paper-list--withdrawn",
        "paper-list--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """The highlighted row; moving it repaints the two rows involved (``watch_cursor``)."""

    class Highlighted(Message):
        """The cursor is on another paper (``None`` when the list is empty).

        Posted to the screen directly rather than bubbled up through the containers, so it
        reaches the screen before the list's own repaint and the detail pane can be drawn
        in the same frame as the moved cursor.
        """

        def __init__(self, paper_id: str | None) -> None:
            super().__init__()
            self.paper_id = paper_id

    class Opened(Message):
        """Enter (or a double click) on a paper: show its detail and note."""

        def __init__(self, paper_id: str) -> None:
            super().__init__()
            self.paper_id = paper_id

    class SelectionChanged(Message):
        def __init__(self, count: int) -> None:
            super().__init__()
            self.count = count

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._papers: Sequence[Paper] = ()
        self._states: Mapping[str, PaperState] = {}
        self._selected: set[str] = set()
        self._last_highlighted: str | None = ""
        self.empty_text = "Loading…"
        # Rendered rows by everything that shapes them: a repaint of an unchanged screen
        # (the detail pane resizing, a notification) costs dictionary lookups.
        # Keyed by the identity of the paper and state objects (hashing a paper hashes every
        # field), which the entry keeps and a hit checks.
        self._rows: LRUCache[tuple[object, ...], tuple[Paper, PaperState, Strip]] = LRUCache(1024)
        self._on_screen: dict[int, tuple[object, ...]] = {}
        """Screen line -> what it last drew (``_render_row``): a new list repaints only the
        lines that differ (a search key that keeps the first rows sends only the count)."""
        self._pass: tuple[Style, int] | None = None
        """(base style, row width) during one ``render_lines`` call: the same for every row."""
        self._bar = DrawnScrollbar(self)
        self._cursor_scroll = list_scroll.CursorScroll(self)

    # -- data in -----------------------------------------------------------------------
    def set_papers(
        self,
        papers: Sequence[Paper],
        states: Mapping[str, PaperState],
        *,
        keep: str | None = None,
        new_view: bool = False,
    ) -> None:
        """Show ``papers``; the cursor stays on ``keep`` when it is still listed, else row 0.

        ``new_view`` (another sort, filter, scope, search): scrolled from the top only as far
        as the cursor needs; the old scroll hid rows above the cursor for nothing.
        """
        before = (round(self.scroll_y), self._bar.width(), bool(self._papers), self._bar.look())
        self._papers = papers
        self._states = states
        self._bar.rows = len(papers)
        listed = {p.id for p in papers} if self._selected else set()
        selected = len(self._selected)
        self._selected &= listed
        row = 0
        if keep is not None:
            for i, paper in enumerate(papers):
                if paper.id == keep:
                    row = i
                    break
        # No layout: the widget's size is the same and it draws its own scrollbar.
        self.set_reactive(PaperList.virtual_size, Size(self.size.width, len(papers)))
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, force=True, immediate=True)
        if new_view:
            self._cursor_scroll.new_view(row)
        self.cursor = row
        after = (round(self.scroll_y), self._bar.width(), bool(papers))
        if after != before[:3] or not papers or len(self._selected) != selected:
            self.refresh()
            return
        self._repaint_changed_lines()
        if self._bar.look() != before[3]:
            self._bar.refresh()

    def _repaint_changed_lines(self) -> None:
        """Repaint the screen lines whose row is not what they last drew."""
        top = round(self.scroll_y)
        width = self.scrollable_content_region.width - self._bar.width()
        base, papers = self.rich_style, self._papers
        for y in range(self.scrollable_content_region.height):
            row = top + y
            want = self._row_look(row, width, base) if row < len(papers) else ("blank",)
            if self._on_screen.get(y) != want:
                self.refresh_line(row)

    def _row_look(self, row: int, width: int, base: Style) -> tuple[Any, ...]:
        """What a row draws with: (paper, state, cursor, selected, focused, width, style)."""
        paper = self._papers[row]
        is_cursor = row == self.cursor
        return (
            paper,
            self._states.get(paper.id, DEFAULT_STATE),
            is_cursor,
            paper.id in self._selected,
            is_cursor and self.has_focus,
            width,
            base,
        )

    def update_states(
        self, states: Mapping[str, PaperState], changed: Collection[str] | None = None
    ) -> None:
        """Adopt ``states``; only the rows of ``changed`` papers are repainted, if given."""
        self._states = states
        height = self.scrollable_content_region.height
        if changed is None or len(changed) > height:
            self.refresh()
            return
        top = round(self.scroll_y)
        for row in range(top, min(len(self._papers), top + height)):
            if self._papers[row].id in changed:
                self.refresh_line(row)

    # -- data out ----------------------------------------------------------------------
    @property
    def papers(self) -> Sequence[Paper]:
        return self._papers

    @property
    def highlighted(self) -> Paper | None:
        if 0 <= self.cursor < len(self._papers):
            return self._papers[self.cursor]
        return None

    @property
    def selected_ids(self) -> list[str]:
        """Selected papers in list order."""
        if not self._selected:
            return []
        return [p.id for p in self._papers if p.id in self._selected]

    def clear_selection(self) -> None:
        if self._selected:
            self._selected.clear()
            self.refresh()
            self.post_message(self.SelectionChanged(0))

    def advance(self) -> None:
        """Move to the next paper (after a status key, when configured)."""
        if self.cursor < len(self._papers) - 1:
            self.cursor += 1

    # -- cursor ------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._papers) - 1)) if self._papers else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._cursor_scroll.show(self.cursor)
        self.refresh_line(old)
        self.refresh_line(new)
        paper = self.highlighted
        paper_id = paper.id if paper else None
        if paper_id != self._last_highlighted:
            self._last_highlighted = paper_id
            self.screen.post_message(self.Highlighted(paper_id))

    @property
    def allow_vertical_scroll(self) -> bool:
        """Scrolls (wheel, pages, the bar) when the rows do not fit, like ``overflow-y: auto``."""
        return not self.is_disabled and self._bar.shown()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._papers))
        self._cursor_scroll.resized(self.cursor)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_first(self) -> None:
        self.cursor = 0

    def action_cursor_last(self) -> None:
        self.cursor = len(self._papers) - 1

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_open_paper(self) -> None:
        paper = self.highlighted
        if paper is not None:
            self.post_message(self.Opened(paper.id))

    def action_toggle_select(self) -> None:
        paper = self.highlighted
        if paper is None:
            return
        self._selected ^= {paper.id}
        self.refresh_line(self.cursor)
        self.post_message(self.SelectionChanged(len(self._selected)))
        self.advance()

    def action_select_all(self) -> None:
        """Select every paper in view; pressed again with all selected, clear the selection."""
        ids = {p.id for p in self._papers}
        self._selected = set() if ids and ids <= self._selected else ids
        self.refresh()
        self.post_message(self.SelectionChanged(len(self._selected)))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self._bar.action_at(offset.x, offset.y) is not None:
            return
        row = offset.y + round(self.scroll_y)
        if not 0 <= row < len(self._papers):
            return
        if row == self.cursor and event.chain >= 2:
            self.action_open_paper()
        self.cursor = row

    # -- the scrollbar's mouse ---------------------------------------------------------
    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self._bar.mouse_down(event):
            event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._bar.mouse_move(event):
            event.stop()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._bar.mouse_up():
            event.stop()

    def on_mouse_release(self, event: events.MouseRelease) -> None:
        self._bar.mouse_release()

    def on_leave(self, event: events.Leave) -> None:
        self._bar.leave()

    # -- rendering ---------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows (``render_line``), with the scrollbar drawn over their last cells."""
        self._pass = (self.rich_style, self.scrollable_content_region.width - self._bar.width())
        try:
            strips = super().render_lines(crop)
        finally:
            self._pass = None
        return self._bar.draw_over(strips, crop)

    def render_line(self, y: int) -> Strip:
        """Row ``y`` of the view, as wide as the rows are (the scrollbar is not in it)."""
        if self._pass is not None:
            base, width = self._pass
        else:
            base = self.rich_style
            width = self.scrollable_content_region.width - self._bar.width()
        row = y + round(self.scroll_y)
        self._on_screen.pop(y, None)
        if not self._papers:
            style = self.get_component_rich_style("paper-list--empty")
            lines = message_lines(self.empty_text, width, style, self.app.console)
            if y < len(lines):
                return self._strip(lines[y], width, base)
            return Strip.blank(width, base)
        if row >= len(self._papers):
            self._on_screen[y] = ("blank",)
            return Strip.blank(width, base)
        return self._render_row(row, width, base, y)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rows.clear()
        self._bar.forget_style()

    @property
    def layout_width(self) -> int:
        """The width the columns are laid out for: a cell is always left for the scrollbar."""
        return self.scrollable_content_region.width - 1

    def _render_row(self, row: int, width: int, base: Style, y: int) -> Strip:
        look = self._on_screen[y] = self._row_look(row, width, base)
        paper, state, is_cursor, is_selected = look[:4]
        key = (id(paper), id(state), *look[2:])
        cached = self._rows.get(key)
        if cached is not None and cached[0] is paper and cached[1] is state:
            return cached[2]
        strip = self._draw_row(paper, state, is_cursor, is_selected, width, base)
        self._rows[key] = (paper, state, strip)
        return strip

    def _draw_row(
        self,
        paper: Paper,
        state: PaperState,
        is_cursor: bool,
        is_selected: bool,
        width: int,
        base: Style,
    ) -> Strip:
        line = row_text(
            paper,
            state,
            is_cursor=is_cursor,
            is_selected=is_selected,
            width=self.layout_width,
            component=self._component,
        )
        row_style = base
        if is_cursor:
            cursor_class = "paper-list--cursor" if self.has_focus else "paper-list--cursor-blurred"
            row_style = base + self.get_component_rich_style(cursor_class)
        elif is_selected:
            row_style = base + self.get_component_rich_style("paper-list--selected")
        return self._strip(line, width, row_style)

    def _component(self, name: str) -> Style:
        # Foreground and text style only: the row's own background must show through.
        full = self.get_component_rich_style(name)
        return Style(color=full.color, bold=full.bold, italic=full.italic, strike=full.strike)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        return to_strip(text, width, style, self.app.console)

    def on_focus(self) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor)
