"""The CLI's progress bar: Rich's, on a terminal only (the one CLI module that may use rich).

Imported lazily by ``enrich`` and ``import`` when stderr is a terminal, so scripts and pipes
never load rich.
"""

from __future__ import annotations

import threading
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class ProgressBar:
    """A context manager whose ``update(done, total, label)`` redraws one bar on stderr.

    With ``delay`` the bar appears only once the work has taken that long (an import of a
    small list shows nothing); Rich redraws it from its own thread, so the elapsed time
    moves on during a long step too.
    """

    def __init__(self, description: str, *, delay: float = 0.0) -> None:
        self._delay = delay
        self._lock = threading.Lock()
        self._started = self._closed = False
        self._timer: threading.Timer | None = None
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[label]}", markup=False),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task(description, total=None, label="")

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
                self._progress.start()

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
                self._progress.stop()

    def update(self, done: int, total: int, label: str) -> None:
        self._progress.update(self._task, completed=done, total=total or None, label=label)
