"""The last screen, drawn at once at start and laid over the real one until it is ready.

``services.last_screen`` keeps the screen and says when it is still the one the app will
draw; this module turns Textual's rendered lines into (text, style) runs and back, and
draws them. Imported before the first frame: textual and rich only, nothing of the app's.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import TYPE_CHECKING, Any

from rich.errors import StyleSyntaxError
from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from papershelf.services.last_screen import KeptScreen, Line

IDLE_SLICE = 0.02
"""The cover waits for a slice this long in which the process (nearly) rested."""

RECHECK_SECONDS = 0.2
"""A screen unlike the cover is looked at once more this much later before it counts."""

WAITING = "   loading the catalog… keys wait for it"
"""Said on the kept screen's status line, as a start without one says it while it loads."""

UNCOVER_SECONDS = 2.0
"""The real screen shows by then even when it has not settled (a slow disk, a big catalog)."""


_PLAIN = Style.null()
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def lines_of(strips: list[Strip]) -> list[Line]:
    """A rendered screen as runs of text and style (control codes left out)."""
    return [
        [
            (text, "" if style is None else str(style))
            for text, style, control in strip
            if not control
        ]
        for strip in strips
    ]


def strips_of(lines: list[Line]) -> list[Strip]:
    """The screen ``lines_of`` gave; a style rich cannot read is left plain."""
    strips = []
    for line in lines:
        segments = []
        for text, style in line:  # a style always: Textual's colour filters read it
            text = _CONTROLS.sub("", text)  # a file edited by hand sends no escape sequence
            try:
                segments.append(Segment(text, Style.parse(style) if style else _PLAIN))
            except StyleSyntaxError:  # a word or a colour this rich does not know
                segments.append(Segment(text, _PLAIN))
        strips.append(Strip(segments))
    return strips


def screen_lines(screen: Screen[Any]) -> list[Line] | None:
    """What ``screen`` shows now, line by line: its compositor draws it once more.

    The compositor is Textual's own (``App.export_screenshot`` draws the same way); there
    is no public way to have a screen's lines. None where a Textual release draws otherwise:
    a quit then keeps no screen, and the next start draws its own, as without one.
    """
    render = getattr(getattr(screen, "_compositor", None), "render_strips", None)
    if not callable(render):
        return None
    try:
        strips = render()
        return lines_of(strips)
    except (AttributeError, TypeError, ValueError):  # the same name, another shape
        return None


class Cover(Widget):
    """The kept screen: lines drawn as they were, nothing to focus or click."""

    DEFAULT_CSS = """
    Cover {
        width: 100%;
        height: 100%;
    }
    """

    def __init__(self, kept: KeptScreen, *, over: bool = False) -> None:
        super().__init__(id="cover", classes="over" if over else "")
        self.kept = kept
        self._strips = strips_of(kept.lines)
        if kept.status_row is not None:
            row = kept.status_row
            self._strips[row] = waiting(self._strips[row], kept.status_end)
        if over:  # a layer of its own (the screen's ``layers``), out of the screen's flow
            self.styles.layer = "cover"
            self.styles.dock = "top"

    def shows(self, lines: list[Line]) -> bool:
        """Whether ``lines`` are the kept screen, but for the status line.

        Its hint and message come and go: a first start's hint is gone at the next.
        """
        row = self.kept.status_row
        return [line for y, line in enumerate(lines) if y != row] == [
            line for y, line in enumerate(self.kept.lines) if y != row
        ]

    def on_mount(self) -> None:
        if self.has_class("over"):  # whatever happens, the real screen shows by then
            self.set_timer(UNCOVER_SECONDS, self.remove)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        strip = self._strips[y] if y < len(self._strips) else Strip.blank(width, _PLAIN)
        return strip.crop_extend(0, width, _PLAIN)


def waiting(row: Strip, end: int) -> Strip:
    """The status line's row, ``WAITING`` where its hint was (after ``end`` columns).

    In the style the figures end in; the rest of the line keeps its own background.
    """
    figures = list(row.crop(0, end)) if end > 0 else []
    if not any(segment.text.strip() for segment in figures):
        return row
    said = Segment(WAITING, figures[-1].style or _PLAIN)
    blank = list(row)[-1].style or _PLAIN  # the line's own background, after the text
    return Strip([*figures, said]).crop_extend(0, row.cell_length, blank)


def covering(kept: KeptScreen | None) -> ComposeResult:
    """The cover laid over a screen's own widgets, when there is one."""
    if kept is not None:
        yield Cover(kept, over=True)


class Lifted(Message):
    """The cover is off; ``same``: the screen under it showed what the cover did."""

    def __init__(self, same: bool) -> None:
        super().__init__()
        self.same = same


def uncover(screen: Screen[Any]) -> None:
    """Take the cover off once the screen under it has settled; the app hears how it went.

    Called as the screen shows its tree. What follows (the tree's open nodes, the footer's
    keys for the focused list, the widths these settle) takes a few frames more, so the
    cover stays until the process is idle: a slice of ``IDLE_SLICE`` seconds that cost
    less than a tenth of it in CPU (every thread's).
    """
    for cover in screen.query(Cover):

        async def lift(cover: Cover = cover) -> None:
            deadline = time.monotonic() + UNCOVER_SECONDS
            while time.monotonic() < deadline:
                used = time.process_time()
                await asyncio.sleep(IDLE_SLICE)
                if time.process_time() - used < IDLE_SLICE / 10:
                    break
            if cover.is_attached:  # else ``UNCOVER_SECONDS`` took it off already
                await cover.remove()
            same = False
            for wait in (0.0, RECHECK_SECONDS):  # a last width may settle as the cover goes
                await asyncio.sleep(wait)
                drawn = asyncio.Event()
                screen.call_after_refresh(drawn.set)
                await drawn.wait()
                lines = screen_lines(screen)
                same = lines is not None and cover.shows(lines)
                if same:
                    break
            screen.app.post_message(Lifted(same))

        screen.run_worker(lift(), name="uncover", group="start")
