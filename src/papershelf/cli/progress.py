"""The CLI's progress bar: Rich's, on a terminal only (the one CLI module that may use rich).

Imported lazily by ``enrich`` and ``import`` when stderr is a terminal, so scripts and pipes
never load rich.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from types import TracebackType

from rich.cells import cell_len
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Column, Table
from rich.text import Text

from papershelf.domain.text import sanitize

MIN_BAR = 10
"""Narrowest bar worth drawing; below it the counts say enough."""
MAX_BAR = 40
MIN_LABEL = 12
"""Narrowest label (the list and its step) worth showing, cut with "…"."""
MIN_HEAD = 8
"""Least of a cut label's list name kept before its step (else the whole label is cut)."""


class FittingProgress(Progress):
    """Rich's progress display in one line per task at any width down to 40 columns.

    Rich's own layout wraps a long label (a list's file name and its step) onto a second
    line under 80 columns, and each redraw then scrolled the terminal. Here the columns
    are chosen for the console's width as it is at each redraw (a resized terminal too):
    the label is cut with "…", then left out, then the elapsed time, then the bar; the
    description and the counts always stay.
    """

    def __init__(self, *, console: Console, transient: bool = False) -> None:
        self._screen = console  # Rich asks for a first render before ``console`` is set
        super().__init__(console=console, transient=transient)

    def make_tasks_table(self, tasks: Iterable[Task]) -> Table:
        shown = [task for task in tasks if task.visible]
        columns = _fitting_columns(shown, self._screen.width)
        table = Table.grid(*(c.get_table_column() for c in columns), padding=(0, 1))
        for task in shown:
            table.add_row(*(column(task) for column in columns))
        return table


def _widest(column: ProgressColumn, tasks: Iterable[Task]) -> int:
    return max((cell_len(str(column.render(task))) for task in tasks), default=0)


def _fitting_columns(tasks: list[Task], width: int) -> list[ProgressColumn]:
    """The columns that fit ``width`` (one space between two), most useful first."""
    counts, elapsed = MofNCompleteColumn(), TimeElapsedColumn()
    counts_w, elapsed_w = _widest(counts, tasks), _widest(elapsed, tasks)
    said = max((cell_len(t.description) for t in tasks), default=0)
    said = max(1, min(said, width - counts_w - 1))
    description = TextColumn(
        "{task.description}",
        table_column=Column(no_wrap=True, overflow="ellipsis", width=said),
    )
    room = width - said - 1 - counts_w
    ends: list[ProgressColumn] = []
    if room >= 1 + elapsed_w + 1 + MIN_BAR:
        ends.append(elapsed)
        room -= 1 + elapsed_w
    whole = max((cell_len(str(t.fields.get("label", ""))) for t in tasks), default=0)
    bar_least = max(MIN_BAR, min(MAX_BAR, (room - 2) // 3))  # a third beside a long label
    label_w = min(whole, room - 1 - bar_least - 1)
    with_label = label_w > 0 and (label_w == whole or label_w >= MIN_LABEL)
    middle: list[ProgressColumn] = []
    if room >= 1 + MIN_BAR:
        bar_w = room - 1 - (label_w + 1 if with_label else 0)
        middle.append(BarColumn(bar_width=min(MAX_BAR, bar_w)))
    if with_label:
        ends.insert(0, _LabelColumn(label_w))
    return [description, *middle, counts, *ends]


class _LabelColumn(ProgressColumn):
    """The task's label in ``width`` cells: ``long list na…me.md: matching`` keeps the step."""

    def __init__(self, width: int) -> None:
        super().__init__(table_column=Column(no_wrap=True, width=width))
        self._width = width

    def render(self, task: Task) -> Text:
        label = sanitize(str(task.fields.get("label", "")))  # a list's name: no escapes
        head, sep, step = label.rpartition(": ")
        tail = sep + step
        if not sep or cell_len(tail) + MIN_HEAD > self._width:
            head, tail = label, ""
        text = Text(head)
        text.truncate(self._width - cell_len(tail), overflow="ellipsis")
        text.append(tail)
        return text


class ProgressBar:
    """A context manager whose ``update(done, total, label)`` redraws one bar on stderr.

    With ``delay`` the bar appears only once the work has taken that long (an import of a
    small list shows nothing); Rich redraws it from its own thread, so the elapsed time
    moves on during a long step too.
    """

    def __init__(
        self, description: str, *, delay: float = 0.0, console: Console | None = None
    ) -> None:
        self._delay = delay
        self._lock = threading.Lock()
        self._started = self._closed = False
        self._timer: threading.Timer | None = None
        screen = Console(stderr=True) if console is None else console
        self.progress = FittingProgress(console=screen, transient=True)
        """The display, for a test to render at a width of its choosing."""
        self._task = self.progress.add_task(description, total=None, label="")

    def __enter__(self) -> ProgressBar:
        if self._delay <= 0:
            self._start()
        else:
            self._timer = threading.Timer(self._delay, self._start)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _start(self) -> None:
        with self._lock:
            if not self._closed and not self._started:
                self._started = True
                self.progress.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._closed = True
            if self._started:
                self.progress.stop()

    def update(self, done: int, total: int, label: str) -> None:
        self.progress.update(self._task, completed=done, total=total or None, label=label)
