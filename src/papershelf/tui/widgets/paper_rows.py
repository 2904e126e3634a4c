"""One row of the paper list as text: marks, status, star, title, venue and topic columns."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from papershelf.domain.glyphs import STAR, STATUS_GLYPH
from papershelf.domain.models import Paper, PaperState, Status
from papershelf.tui.display import NO_STAR, clean

CURSOR_MARK = "❯"
SELECTED_MARK = "✓"
NOTE_MARK = "✎"
MARKS = 10
"""Cells before the title: cursor, selection, status, star and note marks with their gaps."""
VENUE = 14
TOPIC = 22
TITLE_FIRST = 48
"""A venue column shows only when the title keeps this many cells; a topic one, more."""


def columns(width: int) -> tuple[int, int, int]:
    """Widths of title, venue and topic columns for ``width`` cells: the title's room first."""
    title = width - MARKS
    venue = VENUE if title - (VENUE + 1) >= TITLE_FIRST else 0
    title -= venue + 1 if venue else 0
    topic = TOPIC if venue and title - (TOPIC + 1) >= TITLE_FIRST + 24 else 0
    title -= topic + 1 if topic else 0
    return max(8, title), venue, topic


def header_text(width: int) -> Text:
    """The column names above the rows, aligned with ``row_text`` at the same width."""
    title_w, venue_w, topic_w = columns(width)
    line = Text(no_wrap=True, end="")
    line.append("   st ★ ✎ ")  # over the status, star and note marks of the rows
    line.append("Title".ljust(title_w))
    if venue_w:
        line.append(" " + "Venue".ljust(venue_w))
    if topic_w:
        line.append(" " + "Topic".ljust(topic_w))
    return line


def row_text(
    paper: Paper,
    state: PaperState,
    *,
    is_cursor: bool,
    is_selected: bool,
    width: int,
    component: Callable[[str], Style],
) -> Text:
    """The row's text; ``component`` gives the style of a ``paper-list--*`` class name.

    ``width`` is the list's width less a cell for the scrollbar, whether it shows or not,
    so the columns stay put when it appears.
    """
    title_w, venue_w, topic_w = columns(width)
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    line.append(CURSOR_MARK if is_cursor else " ")
    line.append(SELECTED_MARK if is_selected else " ", component("paper-list--selected"))
    line.append(" ")
    line.append(STATUS_GLYPH[state.status])
    line.append("  ")
    line.append(STAR if state.starred else NO_STAR, component("paper-list--star"))
    line.append(" ")
    line.append(NOTE_MARK if state.note.strip() else " ", component("paper-list--meta"))
    line.append(" ")
    title = Text(clean(paper.title), no_wrap=True, overflow="ellipsis", end="")
    if paper.withdrawn:
        title.stylize(component("paper-list--withdrawn"))
    elif state.status is Status.READ:
        title.stylize(component("paper-list--read"))
    if state.tags:  # the tags keep up to a third of the title's room; the title is cut first
        tags = Text(" " + " ".join(f"#{clean(tag)}" for tag in state.tags), end="")
        tags.stylize(component("paper-list--meta"))
        tags.truncate(max(4, title_w // 3), overflow="ellipsis")
        title.truncate(max(4, title_w - tags.cell_len), overflow="ellipsis")
        title.append_text(tags)
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
    return line


def to_strip(text: Text, width: int, style: Style, console: Console) -> Strip:
    """``text`` as one row; every segment carries a style (NO_COLOR's filter needs one)."""
    segments = Segment.apply_style(text.render(console, end=""), style)
    return Strip(segments, text.cell_len).crop_extend(0, width, style)


def message_lines(message: str, width: int, style: Style, console: Console) -> list[Text]:
    """An empty list's message wrapped to ``width``, each line one cell in.

    On one line it was cut at the list's edge, and its end is what says which key helps.
    """
    wrapped = Text(message, style=style).wrap(console, max(1, width - 2))
    return [Text(" ", style=style, end="") + line for line in wrapped]
