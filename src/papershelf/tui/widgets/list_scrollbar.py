"""The paper list's own scrollbar: drawn into the rows' frame, with Textual's look and mouse.

Textual repaints a scroll view's scrollbar after every layout of the screen, one frame later,
so a key that changed the detail pane's height took two frames to settle; and a new number
of rows (every search keystroke) needed a layout of the whole screen. Drawn by the list, the
bar is part of the rows' frame and a new row count is a repaint.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip


class DrawnScrollbar:
    """The cells, hover and drag of a vertical bar over the last columns of ``view``."""

    def __init__(self, view: ScrollView) -> None:
        self._view = view
        self.rows = 0
        """How many rows the view has (the view sets it with its data)."""
        self._drawn: tuple[tuple[object, ...], list[Strip], list[str]] | None = None
        """The bar's cells for its last state, and the mouse action of each."""
        self._hover = False
        self._grab: tuple[int, float] | None = None
        """Screen row and scroll position where the thumb was grabbed."""

    def forget_style(self) -> None:
        self._drawn = None

    def shown(self) -> bool:
        view = self._view
        height = view.scrollable_content_region.height
        return 0 < height < self.rows and view.styles.scrollbar_size_vertical > 0

    def width(self) -> int:
        return self._view.styles.scrollbar_size_vertical if self.shown() else 0

    def cells(self) -> tuple[list[Strip], list[str]]:
        """One cell per row of the bar (as Textual's ``ScrollBar`` draws it), and its action."""
        view = self._view
        height = view.scrollable_content_region.height
        rows = self.rows
        position = int(view.scroll_y * 8) / 8
        state = (rows, height, position, self._hover, self._grab is not None)
        if self._drawn is not None and self._drawn[0] == state:
            return self._drawn[1], self._drawn[2]
        styles = view.styles
        if self._grab is not None:
            back, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self._hover:
            back, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            back, color = styles.scrollbar_background, styles.scrollbar_color
        if back.a < 1:
            back = view.background_colors[0] + back
        color = back + color
        if view.screen.styles.scrollbar_color.a == 0:
            rows, height = 100, 0  # a theme that hides scrollbars: an empty track
        drawn = ScrollBar.renderer.render_bar(
            size=view.scrollable_content_region.height,
            virtual_size=rows,
            window_size=height if height < rows else 0,
            position=position,
            thickness=styles.scrollbar_size_vertical,
            vertical=True,
            back_color=back.rich_color,
            bar_color=color.rich_color,
        )
        # As the ScrollBar widget's own rendering does: its base style under each cell, then
        # the app's line filters (NO_COLOR's monochrome). The mouse actions are the list's
        # to run (below), not Textual's to dispatch, so they come off the styles.
        base = view.visual_style.rich_style
        background = view.background_colors[1]
        filters = view.get_line_filters()
        cells: list[Strip] = []
        actions: list[str] = []
        for segment in drawn.segments:
            style = segment.style or Style()
            actions.append(str(style.meta.get("@mouse.down", "")))
            cell = Strip([Segment(segment.text, base + style.clear_meta_and_links())])
            for line_filter in filters:
                cell = cell.apply_filter(line_filter, background)
            cells.append(cell)
        self._drawn = (state, cells, actions)
        return cells, actions

    def look(self) -> tuple[tuple[object, ...], ...]:
        """What the bar shows (its cells' text and style): equal looks draw the same cells."""
        if not self.width():
            return ()
        return tuple(tuple(cell) for cell in self.cells()[0])

    def action_at(self, x: int, y: int) -> str | None:
        """``scroll_up``, ``scroll_down`` or ``grab`` at content offset (x, y); None: a row."""
        bar = self.width()
        if not bar or x < self._view.scrollable_content_region.width - bar:
            return None
        _, actions = self.cells()
        return actions[y] if 0 <= y < len(actions) else ""

    def draw_over(self, strips: list[Strip], crop: Region) -> list[Strip]:
        """``strips`` (rows cropped to ``crop``) with the bar drawn over their last cells."""
        bar = self.width()
        view = self._view
        gutter = view.styles.gutter
        left = gutter.left + view.scrollable_content_region.width - bar
        start, end = max(crop.x, left), min(crop.right, left + bar)
        if not bar or start >= end:
            return strips
        cells, _ = self.cells()
        drawn: list[Strip] = []
        for y, strip in enumerate(strips, crop.y - gutter.top):
            if not 0 <= y < len(cells):
                drawn.append(strip)
                continue
            cell = cells[y].crop(start - left, end - left)
            before, after = strip.crop(0, start - crop.x), strip.crop(end - crop.x)
            drawn.append(Strip.join([before, cell, after]))
        return drawn

    def refresh(self) -> None:
        """Repaint the bar's column alone."""
        self._refresh()

    def _refresh(self) -> None:
        bar = self.width()
        if bar:
            region = self._view.scrollable_content_region
            self._view.refresh(Region(region.width - bar, 0, bar, region.height))

    # -- the mouse: each returns True when the event was the bar's --------------------------
    def mouse_down(self, event: events.MouseDown) -> bool:
        view = self._view
        offset = event.get_content_offset(view)
        action = None if offset is None else self.action_at(offset.x, offset.y)
        if action is None:
            return False
        if action == "scroll_up":
            view.scroll_page_up()
        elif action == "scroll_down":
            view.scroll_page_down()
        elif action == "grab":
            self._grab = (event.screen_y, view.scroll_y)
            view.capture_mouse()
            self._refresh()
        return True

    def mouse_move(self, event: events.MouseMove) -> bool:
        view = self._view
        if self._grab is not None:
            height = view.scrollable_content_region.height
            grabbed_at, position = self._grab
            y = position + (event.screen_y - grabbed_at) * (self.rows / max(1, height))
            view.scroll_to(y=y, animate=not view.app.supports_smooth_scrolling, duration=0.1)
            return True
        offset = event.get_content_offset(view)
        hover = offset is not None and self.action_at(offset.x, offset.y) is not None
        if hover != self._hover:
            self._hover = hover
            self._refresh()
        return False

    def mouse_up(self) -> bool:
        if self._grab is None:
            return False
        self._view.release_mouse()
        return True

    def mouse_release(self) -> None:
        if self._grab is not None:
            self._grab = None
            self._refresh()

    def leave(self) -> None:
        if self._hover:
            self._hover = False
            self._refresh()
