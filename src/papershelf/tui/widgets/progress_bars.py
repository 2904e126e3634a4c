"""Progress widgets: stacked read/reading/to-read/unread bars in a table, and a weekly chart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import DataTable

from papershelf.domain.models import Status
from papershelf.domain.progress import Tally
from papershelf.tui import keys

# Bar order, left to right; each part has its own glyph so the bar reads without colour too.
SEGMENTS: tuple[tuple[Status, str, str], ...] = (
    (Status.READ, "█", "read"),
    (Status.READING, "▓", "reading"),
    (Status.TO_READ, "▒", "to read"),
    (Status.UNREAD, "░", "unread"),
)


def split_width(counts: Sequence[int], width: int) -> list[int]:
    """Cells per part so the parts fill ``width`` exactly (largest remainders win)."""
    total = sum(counts)
    if total <= 0 or width <= 0:
        return [0] * len(counts)
    exact = [c * width / total for c in counts]
    cells = [int(x) for x in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: exact[i] - cells[i], reverse=True)
    for i in by_remainder[: width - sum(cells)]:
        cells[i] += 1
    return cells


def stacked_bar(tally: Tally, width: int, styles: Mapping[Status, Style]) -> Text:
    """``tally`` as one line of ``width`` cells: read, reading, to read, unread."""
    counts = [tally.counts[status] for status, _, _ in SEGMENTS]
    bar = Text(no_wrap=True, end="")
    if not tally.total:
        bar.append("·" * width)
        return bar
    for (status, glyph, _), cells in zip(SEGMENTS, split_width(counts, width), strict=True):
        bar.append(glyph * cells, styles.get(status, Style()))
    return bar


def legend(styles: Mapping[Status, Style]) -> Text:
    """The key to the bars: one glyph and word per part."""
    return Text("  ").join(
        Text.assemble((glyph, styles.get(status, Style())), f" {word}")
        for status, glyph, word in SEGMENTS
    )


@dataclass(frozen=True, slots=True)
class ProgressRow:
    """One row of the table: a venue (depth 0) or one of its topics (depth 1)."""

    key: str
    label: str
    depth: int
    tally: Tally


_NUMBER_TITLES = ("Read", "Reading", "To read", "Unread", "Total", "% read")
_NUMBERS_WIDTH = sum(len(t) + 2 for t in _NUMBER_TITLES)
_NARROW_TITLES = ("Read", "Total", "% read")
_NARROW_WIDTH = sum(len(t) + 2 for t in _NARROW_TITLES)


def _number(value: int | str) -> Text:
    return Text(str(value), justify="right", no_wrap=True)


class ProgressTable(DataTable[Text]):
    """Venues and topics with their bars; ``enter`` posts ``DataTable.RowSelected``.

    Bar colours are baked into the cells: call ``show_rows`` again after a theme change.
    """

    BAR_WIDTH: ClassVar[int] = 24
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "progress-table--read",
        "progress-table--reading",
        "progress-table--to-read",
        "progress-table--unread",
    }
    BINDINGS: ClassVar[list[BindingType]] = [*keys.PROGRESS_TABLE_BINDINGS]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._all: list[ProgressRow] = []
        self._rows: list[ProgressRow] = []
        """The rows shown: every venue, and the topics of the open ones."""
        self.expanded: set[str] = set()
        """Keys of the venue rows whose topics show."""
        self._with_topics: set[str] = set()
        """Keys of the venue rows that have topic rows (the others have no arrow)."""
        self._widths = (0, 0)

    def _visible(self) -> list[ProgressRow]:
        shown: list[ProgressRow] = []
        venue = ""
        for row in self._all:
            if row.depth == 0:
                venue = row.key
                shown.append(row)
            elif venue in self.expanded:
                shown.append(row)
        return shown

    def _venue_key(self) -> str | None:
        """The venue row the cursor is on, or whose topic it is on."""
        if not self._rows:
            return None
        index = min(self.cursor_row, len(self._rows) - 1)
        for row in reversed(self._rows[: index + 1]):
            if row.depth == 0:
                return row.key
        return None

    def action_expand(self) -> None:
        key = self._venue_key()
        if key in self._with_topics and key not in self.expanded:
            self.expanded.add(key)
            self._rebuild(keep=key)

    def action_collapse(self) -> None:
        key = self._venue_key()
        if key is not None and key in self.expanded:
            self.expanded.discard(key)
            self._rebuild(keep=key)

    def action_expand_all(self) -> None:
        """Every venue's topics (again: only the venues)."""
        venues = self._with_topics
        self.expanded = set() if self.expanded >= venues else set(venues)
        self._rebuild(keep=self._venue_key())

    def _rebuild(self, keep: str | None) -> None:
        self._rows = self._visible()
        self._build()
        if keep is not None:
            index = next((i for i, r in enumerate(self._rows) if r.key == keep), 0)
            self.move_cursor(row=index, animate=False)

    def segment_styles(self) -> dict[Status, Style]:
        """The theme's style of each bar part, from this widget's component classes."""
        return {
            status: self.get_component_rich_style(f"progress-table--{status.value}", partial=True)
            for status, _, _ in SEGMENTS
        }

    def _narrow(self) -> bool:
        """Under 100 cells only read, total and % read show (the legend says the rest)."""
        return (self.scrollable_content_region.width or 120) < 100

    def _fit(self) -> tuple[int, int]:
        """(label width, bar width) for the room the table has now."""
        width = self.scrollable_content_region.width or 120
        bar = self.BAR_WIDTH if width >= 100 else self.BAR_WIDTH // 2
        numbers = _NARROW_WIDTH if self._narrow() else _NUMBERS_WIDTH
        longest = max((len(r.label) + 2 for r in self._all), default=0)
        # Leave room for a vertical scrollbar, which appears only after the rows are in.
        room = width - bar - 2 - numbers - 2 - self.styles.scrollbar_size_vertical
        return max(13, min(longest, room)), bar

    def show_rows(self, rows: Sequence[ProgressRow]) -> None:
        """Replace the rows (venues first, topics on ``l``); the cursor stays on its row."""
        self._all = list(rows)
        self._with_topics = {
            venue.key
            for venue, after in zip(self._all, [*self._all[1:], None], strict=True)
            if venue.depth == 0 and after is not None and after.depth == 1
        }
        self._rows = self._visible()
        self._build()

    def on_resize(self) -> None:
        if self._rows and self._fit() != self._widths:
            self._build()

    def _build(self) -> None:
        keep = self.cursor_row
        styles = self.segment_styles()
        label_width, bar_width = self._widths = self._fit()
        narrow = self._narrow()
        self.clear(columns=True)
        self.add_column(Text("Venue / topic"), width=label_width, key="label")
        self.add_column(Text("Progress"), width=bar_width, key="bar")
        for title in _NARROW_TITLES if narrow else _NUMBER_TITLES:
            self.add_column(Text(title, justify="right"), key=title)
        # A bar's length is its group's size next to the largest of its level: a 1-paper
        # topic does not look like a 32-paper venue.
        largest = {
            depth: max((r.tally.total for r in self._all if r.depth == depth), default=0)
            for depth in (0, 1)
        }
        for row in self._rows:
            marker = "  "  # a topic, or a venue without topics: nothing to open
            if row.key in self._with_topics:
                marker = "▾ " if row.key in self.expanded else "▸ "
            label = Text(marker + row.label, no_wrap=True, overflow="ellipsis")
            if row.depth == 0:
                label.stylize("bold")
            t = row.tally
            top = largest.get(row.depth, 0)
            cells = max(1, round(bar_width * t.total / top)) if t.total and top else 0
            bar = stacked_bar(t, cells, styles)
            bar.append(" " * (bar_width - cells))
            numbers = (
                [t.read, t.total]
                if narrow
                else [
                    t.read,
                    t.counts[Status.READING],
                    t.counts[Status.TO_READ],
                    t.counts[Status.UNREAD],
                    t.total,
                ]
            )
            self.add_row(
                label,
                bar,
                *(_number(n) for n in numbers),
                _number(f"{t.percent_read:.0f}%"),
                key=row.key,
            )
        if self._rows:
            self.move_cursor(row=min(keep, len(self._rows) - 1), animate=False)


class WeeklyBars(Widget):
    """Papers read per week as columns of block glyphs; zero-based, newest on the right."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"weekly-bars--bar"}
    COLUMN: ClassVar[int] = 7
    _EIGHTHS = " ▁▂▃▄▅▆▇█"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._weeks: list[tuple[date, int]] = []

    def show_weeks(self, weeks: Sequence[tuple[date, int]]) -> None:
        """Data in: (Monday, papers read that week), oldest first."""
        self._weeks = list(weeks)
        self.refresh()

    def render(self) -> Text:
        bar_style = self.get_component_rich_style("weekly-bars--bar", partial=True)
        rows = max(1, self.size.height - 2)
        # Every week gets a column: narrower columns (and shorter dates) before fewer weeks.
        column = max(4, min(self.COLUMN, self.size.width // max(1, len(self._weeks))))
        fit = max(1, self.size.width // column)
        weeks = self._weeks[-fit:]
        date_format = "%b %d" if column >= 7 else ("%m/%d" if column >= 6 else "%d")
        top = max((n for _, n in weeks), default=0)
        lines: list[Text] = []
        for level in range(rows - 1, -1, -1):
            line = Text(no_wrap=True, end="")
            for _, n in weeks:
                eighths = round(n * rows * 8 / top) if top else 0
                part = min(8, max(0, eighths - level * 8))
                if level == 0 and n and part == 0:
                    part = 1  # a week with reads never looks empty
                line.append(self._EIGHTHS[part] * (column - 2), bar_style)
                line.append("  ")
            lines.append(line)
        counts = Text(no_wrap=True, end="")
        labels = Text(no_wrap=True, end="")
        for monday, n in weeks:
            counts.append(str(n).center(column - 2) + "  ")
            labels.append(monday.strftime(date_format).ljust(column))
        return Text("\n").join([*lines, counts, labels])
