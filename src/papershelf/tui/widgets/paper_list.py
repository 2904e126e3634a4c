"""The paper list: a virtual list on Textual's line API that renders only the rows on screen.

A DataTable builds every row up front (seconds at 10,000 papers); this widget holds a
reference to the view's papers and draws the 30-odd visible rows on demand, so 50,000 papers
cost the same as 50.

It draws its own scrollbar (the same renderer, colours and mouse behaviour as Textual's):
Textual repaints a scroll view's scrollbar after every layout of the screen, one frame later,
so a key that changed the detail pane's height took two frames to settle; and a new number
of rows (every search keystroke) needed a layout of the whole screen. Drawn here, the bar is
part of the rows' frame and a new row count is a repaint.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from papershelf.domain.glyphs import STAR, STATUS_GLYPH
from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status
from papershelf.tui import keys
from papershelf.tui.display import NO_STAR, clean

CURSOR_MARK = "❯"
SELECTED_MARK = "✓"


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
        self._pass: tuple[Style, int] | None = None
        """(base style, row width) during one ``render_lines`` call: the same for every row."""
        self._bar: tuple[tuple[object, ...], list[Strip], list[str]] | None = None
        """The scrollbar's cells for its last state, and the mouse action of each."""
        self._bar_hover = False
        self._bar_grab: tuple[int, float] | None = None
        """Screen row and scroll position where the thumb was grabbed."""

    # -- data in -----------------------------------------------------------------------
    def set_papers(
        self,
        papers: Sequence[Paper],
        states: Mapping[str, PaperState],
        *,
        keep: str | None = None,
    ) -> None:
        """Show ``papers``; the cursor stays on ``keep`` when it is still listed, else row 0."""
        self._papers = papers
        self._states = states
        listed = {p.id for p in papers} if self._selected else set()
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
        self.cursor = row
        self.refresh()

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
        self._scroll_to_cursor()
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
        return not self.is_disabled and self._shows_bar()

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._papers))
        self._scroll_to_cursor()

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
        if offset is None or self._bar_action(offset.x, offset.y) is not None:
            return
        row = offset.y + round(self.scroll_y)
        if not 0 <= row < len(self._papers):
            return
        if row == self.cursor and event.chain >= 2:
            self.action_open_paper()
        self.cursor = row

    # -- rendering ---------------------------------------------------------------------
    def _columns(self, width: int) -> tuple[int, int, int]:
        """Widths of title, venue and topic columns for ``width`` cells."""
        venue = 14 if width >= 64 else 0
        topic = 24 if width >= 110 else (16 if width >= 90 else 0)
        fixed = 6 + (venue + 1 if venue else 0) + (topic + 1 if topic else 0)
        return max(8, width - fixed), venue, topic

    # -- the scrollbar -----------------------------------------------------------------
    def _shows_bar(self) -> bool:
        height = self.scrollable_content_region.height
        return 0 < height < len(self._papers) and self.styles.scrollbar_size_vertical > 0

    def _bar_width(self) -> int:
        return self.styles.scrollbar_size_vertical if self._shows_bar() else 0

    def _bar_cells(self) -> tuple[list[Strip], list[str]]:
        """One cell per row of the bar (as Textual's ``ScrollBar`` draws it), and its action."""
        height = self.scrollable_content_region.height
        rows = len(self._papers)
        position = int(self.scroll_y * 8) / 8
        state = (rows, height, position, self._bar_hover, self._bar_grab is not None)
        if self._bar is not None and self._bar[0] == state:
            return self._bar[1], self._bar[2]
        styles = self.styles
        if self._bar_grab is not None:
            back, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self._bar_hover:
            back, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            back, color = styles.scrollbar_background, styles.scrollbar_color
        if back.a < 1:
            back = self.background_colors[0] + back
        color = back + color
        if self.screen.styles.scrollbar_color.a == 0:
            rows, height = 100, 0  # a theme that hides scrollbars: an empty track
        drawn = ScrollBar.renderer.render_bar(
            size=self.scrollable_content_region.height,
            virtual_size=rows,
            window_size=height if height < rows else 0,
            position=position,
            thickness=self.styles.scrollbar_size_vertical,
            vertical=True,
            back_color=back.rich_color,
            bar_color=color.rich_color,
        )
        # As the ScrollBar widget's own rendering does: its base style under each cell, then
        # the app's line filters (NO_COLOR's monochrome). The mouse actions are this widget's
        # to run (below), not Textual's to dispatch, so they come off the styles.
        base = self.visual_style.rich_style
        background = self.background_colors[1]
        filters = self.get_line_filters()
        cells: list[Strip] = []
        actions: list[str] = []
        for segment in drawn.segments:
            style = segment.style or Style()
            actions.append(str(style.meta.get("@mouse.down", "")))
            cell = Strip([Segment(segment.text, base + style.clear_meta_and_links())])
            for line_filter in filters:
                cell = cell.apply_filter(line_filter, background)
            cells.append(cell)
        self._bar = (state, cells, actions)
        return cells, actions

    def _bar_action(self, x: int, y: int) -> str | None:
        """``scroll_up``, ``scroll_down`` or ``grab`` at content offset (x, y); None: a row."""
        bar = self._bar_width()
        if not bar or x < self.scrollable_content_region.width - bar:
            return None
        _, actions = self._bar_cells()
        return actions[y] if 0 <= y < len(actions) else ""

    def _refresh_bar(self) -> None:
        bar = self._bar_width()
        if bar:
            region = self.scrollable_content_region
            self.refresh(Region(region.width - bar, 0, bar, region.height))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = event.get_content_offset(self)
        action = None if offset is None else self._bar_action(offset.x, offset.y)
        if action is None:
            return
        event.stop()
        if action == "scroll_up":
            self.scroll_page_up()
        elif action == "scroll_down":
            self.scroll_page_down()
        elif action == "grab":
            self._bar_grab = (event.screen_y, self.scroll_y)
            self.capture_mouse()
            self._refresh_bar()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._bar_grab is not None:
            event.stop()
            height = self.scrollable_content_region.height
            grabbed_at, position = self._bar_grab
            y = position + (event.screen_y - grabbed_at) * (len(self._papers) / max(1, height))
            self.scroll_to(y=y, animate=not self.app.supports_smooth_scrolling, duration=0.1)
            return
        offset = event.get_content_offset(self)
        hover = offset is not None and self._bar_action(offset.x, offset.y) is not None
        if hover != self._bar_hover:
            self._bar_hover = hover
            self._refresh_bar()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._bar_grab is not None:
            event.stop()
            self.release_mouse()

    def on_mouse_release(self, event: events.MouseRelease) -> None:
        if self._bar_grab is not None:
            self._bar_grab = None
            self._refresh_bar()

    def on_leave(self, event: events.Leave) -> None:
        if self._bar_hover:
            self._bar_hover = False
            self._refresh_bar()

    # -- rendering ---------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows (``render_line``), with the scrollbar drawn over their last cells."""
        bar = self._bar_width()
        self._pass = (self.rich_style, self.scrollable_content_region.width - bar)
        try:
            strips = super().render_lines(crop)
        finally:
            self._pass = None
        gutter = self.styles.gutter
        left = gutter.left + self.scrollable_content_region.width - bar
        start, end = max(crop.x, left), min(crop.right, left + bar)
        if not bar or start >= end:
            return strips
        cells, _ = self._bar_cells()
        drawn: list[Strip] = []
        for y, strip in enumerate(strips, crop.y - gutter.top):
            if not 0 <= y < len(cells):
                drawn.append(strip)
                continue
            cell = cells[y].crop(start - left, end - left)
            before, after = strip.crop(0, start - crop.x), strip.crop(end - crop.x)
            drawn.append(Strip.join([before, cell, after]))
        return drawn

    def render_line(self, y: int) -> Strip:
        """Row ``y`` of the view, as wide as the rows are (the scrollbar is not in it)."""
        if self._pass is not None:
            base, width = self._pass
        else:
            base = self.rich_style
            width = self.scrollable_content_region.width - self._bar_width()
        row = y + round(self.scroll_y)
        if not self._papers:
            if y == 0:
                style = self.get_component_rich_style("paper-list--empty")
                text = Text(" " + self.empty_text, style=style, no_wrap=True, end="")
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        if row >= len(self._papers):
            return Strip.blank(width, base)
        return self._render_row(row, width, base)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rows.clear()
        self._bar = None

    def _render_row(self, row: int, width: int, base: Style) -> Strip:
        paper = self._papers[row]
        state = self._states.get(paper.id, DEFAULT_STATE)
        is_cursor = row == self.cursor
        is_selected = paper.id in self._selected
        focused = is_cursor and self.has_focus
        key = (id(paper), id(state), is_cursor, is_selected, focused, width, base)
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
        title_w, venue_w, topic_w = self._columns(width)

        def component(name: str) -> Style:
            # Foreground and text style only: the row's own background must show through.
            full = self.get_component_rich_style(name)
            return Style(color=full.color, bold=full.bold, italic=full.italic, strike=full.strike)

        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append(CURSOR_MARK if is_cursor else " ")
        line.append(SELECTED_MARK if is_selected else " ", component("paper-list--selected"))
        line.append(STATUS_GLYPH[state.status])
        line.append(" ")
        line.append(STAR if state.starred else NO_STAR, component("paper-list--star"))
        line.append(" ")
        title = Text(clean(paper.title), no_wrap=True, overflow="ellipsis", end="")
        if paper.withdrawn:
            title.stylize(component("paper-list--withdrawn"))
        elif state.status is Status.READ:
            title.stylize(component("paper-list--read"))
        title.truncate(title_w, overflow="ellipsis", pad=True)
        line.append_text(title)
        meta = component("paper-list--meta")
        if venue_w:
            venue = Text(" " + clean(paper.venue), style=meta, no_wrap=True, end="")
            venue.truncate(venue_w + 1, overflow="ellipsis", pad=True)
            line.append_text(venue)
        if topic_w:
            first = paper.topics[0].rsplit(" > ", 1)[-1] if paper.topics else ""
            topic = Text(" " + clean(first), style=meta, no_wrap=True, end="")
            topic.truncate(topic_w + 1, overflow="ellipsis", pad=True)
            line.append_text(topic)

        row_style = base
        if is_cursor:
            cursor_class = "paper-list--cursor" if self.has_focus else "paper-list--cursor-blurred"
            row_style = base + self.get_component_rich_style(cursor_class)
        elif is_selected:
            row_style = base + self.get_component_rich_style("paper-list--selected")
        return self._strip(line, width, row_style)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        """``text`` as one row; every segment carries a style (NO_COLOR's filter needs one)."""
        segments = Segment.apply_style(text.render(self.app.console, end=""), style)
        return Strip(segments, text.cell_len).crop_extend(0, width, style)

    def on_focus(self) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor)
