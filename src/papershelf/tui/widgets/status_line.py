"""The status line: what narrows the list, how many papers show, and what just happened."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.timer import Timer
from textual.widgets import TextArea

from papershelf.tui.display import clean
from papershelf.tui.key_hints import detail_hint, note_hint, search_hint, tree_hint
from papershelf.tui.name_cut import cut_middle
from papershelf.tui.widgets.muted import MutedStatic

FLASH_SECONDS = 6.0


def focus_hint(
    focused: object,
    search: object,
    details: object,
    keymap: Mapping[str, str],
    others: Sequence[str] = (),
    tree: object = None,
) -> str:
    """The hint of the pane with focus when it has keys of its own, else ``others`` joined.

    The details' hint goes with their focus (it stayed for seconds after they were left).
    """
    if focused is search:
        return search_hint(keymap)
    if isinstance(focused, TextArea):  # the note being written: letters type, not act
        return note_hint(keymap)
    if tree is not None and focused is tree:
        return tree_hint(keymap)
    return detail_hint(keymap) if focused is details else " · ".join(filter(None, others))


def status_text(
    describe: str,
    shown: int | None,
    total: int,
    selected: int = 0,
    hint: str = "",
    said: str = "",
    width: int = 0,
    said_end: bool = False,
) -> Text:
    """``status: to-read · search: llm   12 of 76   marked read: Title``; all of it text.

    ``shown`` None: no count yet (the view waits for its part of the catalog). In ``width``
    columns a long view gives way to the figures and the hint, down to a third of the line:
    a topic and a search at 80 columns took the whole line, the count and the ``narrow:``
    hint with it. Feedback (``said``) is cut instead: it goes in seconds, and the view would
    otherwise jump shorter and back. It loses its end; with ``said_end`` (a warning, whose
    end may say why: ``could not open …: no browser found``) the view gives way to it down to
    a third of the line, and its long words (a link, a path) lose their middle first; with
    less than ``WARNING_LEAST`` cells left for it, the warning takes the line alone.
    """
    said = first_line(said)
    tail = Text(no_wrap=True, end="")
    if shown is not None:
        tail.append(f"   {shown} of {total}", "dim")
    if selected:
        tail.append(f"   {selected} selected", "reverse")
    view = Text(clean(describe), "bold", no_wrap=True, end="")
    if width and hint and not said:  # what the view leaves at least, for the hint
        shortest = cell_len(shorten_view(view.plain, 0, drop=False))  # filters, search whole
        least = min(view.cell_len, max(width // 3, shortest))
        left = width - 1 - least - tail.cell_len - 3
        hint = fit_hint(hint, left)
        hint = hint if cell_len(hint) <= left else ""  # the view says why papers are missing
    needed = tail.cell_len + (3 + len(hint) if hint and not said else 0)
    if said and said_end:  # a warning matters more than a steady view: it gives way too
        needed += 3 + cell_len(clean(said))
    room = max(width // 3, width - 1 - needed)
    if width and view.cell_len > room:
        view = Text(shorten_view(view.plain, room), "bold", no_wrap=True, end="")
        view.truncate(room, overflow="ellipsis")
    if said and said_end and width:
        room = width - 1 - view.cell_len - tail.cell_len - 3
        if room < WARNING_LEAST:  # the view and the count leave it no room: the warning alone
            alone = Text(shorten_long_words(clean(said), width - 1), "italic")
            return Text.assemble(" ", alone, no_wrap=True, overflow="ellipsis", end="")
        said = shorten_long_words(clean(said), room)
    if said or hint:
        tail.append("   ")
        tail.append(clean(said) if said else hint, "italic")
    return Text.assemble(" ", view, tail, no_wrap=True, overflow="ellipsis", end="")


WARNING_LEAST = 16
"""Cells a warning keeps beside the view and the count; on a narrower line it shows alone
(under about 24 columns it showed as ``…`` or not at all; the view comes back with it gone)."""
VIEW_PART = 10
"""Cells a part of the scope (``topic: La…``) keeps at least when the view is cut."""
SCOPE_PARTS = ("sorted by", "new from", "venue:", "topic:", "tags:")
"""The view's parts that give way: the sort first, then the longest of the scope. What
narrows the list (a status filter, ``starred``, the search) says why papers are missing."""


def shorten_view(describe: str, room: int, *, drop: bool = True) -> str:
    """The view in ``room`` cells: its sort and scope cut first, each down to ``VIEW_PART``.

    Cut at its end, ``venue: MLSys 2025 · topic: Large Language Models (LLMs) · status:
    to-read · search: pipe`` lost the filter and the search at 80 columns: the list showed
    1 of 76 papers and nothing said why. Still too long (and ``drop``), the sort goes, then
    the scope, before the caller cuts the end: a search, a filter and a star stay in sight.
    """
    parts = describe.split(" · ")
    excess = cell_len(describe) - room
    sort = [i for i, part in enumerate(parts) if part.startswith(SCOPE_PARTS[:2])]
    scope = [i for i, part in enumerate(parts) if part.startswith(SCOPE_PARTS[2:])]
    for i in sort + sorted(scope, key=lambda i: -cell_len(parts[i])):  # the longest first
        size = cell_len(parts[i])
        if excess <= 0 or size <= VIEW_PART:
            continue
        keep = max(VIEW_PART, size - excess)
        cut = Text(parts[i])
        cut.truncate(keep, overflow="ellipsis")
        parts[i] = cut.plain
        excess -= size - keep
    if excess > 0 and drop:  # still too long: the sort goes, then the scope (the tree shows it)
        for i in sort + scope:
            if excess > 0:
                excess -= cell_len(parts[i]) + 3
                parts[i] = ""
    return " · ".join(part for part in parts if part)


LONG_WORD = 20
"""Cells from which a link or a path (a word with a ``/``) gives up its middle to the end."""
SHORT_WORD = 12
"""Cells a long word keeps at least: its start and its end, around ``…``."""


def shorten_long_words(said: str, room: int) -> str:
    """``said`` with its long words cut in the middle, longest first, until it fits ``room``.

    ``could not open https://dl.acm.org/doi/pdf/10.1145/3669940.3707239: no browser found``
    lost its reason at 80 columns. Still too long, such a message then loses its middle. One
    of short words only (a title ends many) is left whole, to be cut at its end as before.
    """
    words = said.split(" ")
    excess, cut = cell_len(said) - room, False
    for i in sorted(range(len(words)), key=lambda i: -cell_len(words[i])):
        size = cell_len(words[i])
        if excess <= 0 or size < LONG_WORD:
            break
        if "/" not in words[i]:  # a long word of a title (Resourcing-on-Demand) stays whole
            continue
        keep = max(SHORT_WORD, size - excess)
        words[i], cut = cut_middle(words[i], keep, keep // 2), True
        excess -= size - keep
    shorter = " ".join(words)
    return cut_middle(shorter, room, room // 2) if cut and excess > 0 else shorter


def first_line(said: str) -> str:
    """Feedback of several lines as its first line and how many more (the toast has them).

    Joined, three mistakes of a ``config.toml`` showed a part of the first, the rest cut off.
    """
    lines = [line for line in said.splitlines() if line.strip()]
    more = f" (+{len(lines) - 1} more)" if len(lines) > 1 else ""
    return lines[0] + more if lines else ""


def fit_hint(hint: str, room: int) -> str:
    """The hint's keys that fit in ``room``, its last (``? help``) kept: none is cut in half.

    ``narrow: d details · t to-read · r read · / search · ? help`` at 80 columns lost its
    ``? help`` to the line's ellipsis; the keys before the last give way first.
    """
    keys = hint.split(" · ")
    while len(keys) > 2 and cell_len(" · ".join(keys)) > room:
        del keys[-2]
    return " · ".join(keys)


class StatusLine(MutedStatic):
    """One line above the footer; ``show`` sets the figures, ``flash`` the last feedback.

    Feedback replaces the one before (five sort keys leave one message, not five toasts) and
    clears itself after a few seconds.
    """

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._figures: tuple[str, int | None, int, int, str] = ("", 0, 0, 0, "")
        self.message = ""
        """The feedback shown now ("" when none)."""
        self._warning = False
        self._timer: Timer | None = None

    def figures_width(self) -> int:
        """Columns of the view and its counts, before the hint.

        The kept screen says there that keys wait, in the hint's place (``tui/cover.py``).
        """
        describe, shown, total, selected, hint = self._figures
        line = status_text(describe, shown, total, selected, hint, width=self.content_size.width)
        return line.cell_len - (3 + Text(hint).cell_len if hint else 0)

    def show(
        self, describe: str, shown: int | None, total: int, selected: int = 0, hint: str = ""
    ) -> None:
        self._figures = (describe, shown, total, selected, hint)
        self._draw()

    def flash(self, message: str, seconds: float | None = FLASH_SECONDS) -> None:
        """Show ``message`` for ``seconds``; ``None``: until the next message replaces it."""
        self.message = message
        self._warning = False
        if self._timer is not None:
            self._timer.stop()
        self._timer = None if seconds is None else self.set_timer(seconds, self._clear)
        self._draw()

    def warn(self, message: str, seconds: float | None = FLASH_SECONDS) -> None:
        """``flash`` a warning: too long for the line, it keeps its end, which says why."""
        self.flash(message, seconds)  # the one path tests and screens watch
        self._warning = True
        self._draw()

    def drop_feedback(self) -> None:
        """Forget timed feedback (already seen): the hint of the pane just entered shows.

        Feedback shown until replaced (a report, work under way) stays.
        """
        if self._timer is not None:
            self._timer.stop()
            self._clear()

    def _clear(self) -> None:
        self.message = ""
        self._timer = None
        self._draw()

    def _draw(self) -> None:
        # Always one line high: a new text is a repaint, not a layout of the whole screen.
        width = self.content_size.width
        line = status_text(*self._figures, said=self.message, width=width, said_end=self._warning)
        self.update(line, layout=False)

    def on_resize(self) -> None:
        self._draw()  # the view gives way to the figures by the width
