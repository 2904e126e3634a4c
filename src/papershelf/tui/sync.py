"""The app's one line to the Library: a thread that runs changes in order, retries, and polls.

Every Library call of the main screen goes through one thread, in submission order, so the
Library (TinyDB underneath) is never used from two threads at once, an undo always follows
the writes before it, and a keystroke never waits for the disk. Results go back to the
screen as messages. A change that fails to write stays queued and is retried; it is never
dropped.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from textual.message import Message

from papershelf.domain.filtering import SearchIndex
from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status, Venue
from papershelf.domain.state_ops import with_note, with_star, with_status
from papershelf.errors import PapershelfError
from papershelf.services.library import Change, ImportReport, Library

log = logging.getLogger(__name__)

RETRIED = frozenset({"status", "star", "note"})
"""Writes of the user's own changes: retried until they land, never dropped."""
RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0, 8.0)
SHOWN_WAIT_SECONDS = 3.0
"""How long the index build waits for the screen to draw the loaded papers first."""


@dataclass(frozen=True, slots=True)
class Op:
    """One request for the Library, numbered in submission order."""

    seq: int
    kind: str
    """``status``, ``star``, ``note``, ``undo``, ``redo``, ``reload``, ``import`` or ``stop``."""
    ids: tuple[str, ...] = ()
    status: Status | None = None
    starred: bool = False
    text: str = ""
    files: tuple[Path, ...] = ()
    at: str = ""
    base: str | None = None
    """For a note: the text the editor started from, so a change made elsewhere is merged."""

    def apply(self, state: PaperState) -> PaperState:
        """The change applied to ``state`` (how the screen shows it before it is written)."""
        if self.kind == "status" and self.status is not None:
            return with_status(state, self.status, self.at)
        if self.kind == "star":
            return with_star(state, self.starred)
        if self.kind == "note":
            return with_note(state, self.text, self.at)
        return state


class PendingChanges:
    """Changes the screen shows but the Library has not confirmed yet, by submission number.

    They are laid over every snapshot read back from disk, so a slow or failing write never
    makes a change flicker back; a failure streak is reported once, and its end once.
    """

    def __init__(self) -> None:
        self.ops: dict[int, Op] = {}
        self.error: str | None = None

    def __len__(self) -> int:
        return len(self.ops)

    def add(self, op: Op) -> None:
        self.ops[op.seq] = op

    def done(self, op: Op) -> bool:
        """Forget ``op``; True when that ended a failure streak (say it is saved now)."""
        self.ops.pop(op.seq, None)
        if self.error is not None and not any(o.kind in RETRIED for o in self.ops.values()):
            self.error = None
            return True
        return False

    def failed(self, error: str) -> bool:
        """Note a failed write; True when this error is news (say it once, not per retry)."""
        news = error != self.error
        self.error = error
        return news

    def overlay(self, states: Mapping[str, PaperState], applied: int) -> dict[str, PaperState]:
        """``states`` with every change after ``applied`` laid on top, in order."""
        merged = dict(states)
        for seq in sorted(self.ops):
            if seq > applied:
                op = self.ops[seq]
                for paper_id in op.ids:
                    merged[paper_id] = op.apply(merged.get(paper_id, DEFAULT_STATE))
        return merged


class Loaded(Message):
    """The catalog and states as read (at start, and after an import)."""

    def __init__(
        self,
        papers: Sequence[Paper],
        venues: Sequence[Venue],
        states: Mapping[str, PaperState],
        applied: int,
        reports: Sequence[ImportReport] = (),
    ) -> None:
        super().__init__()
        self.papers = papers
        self.venues = venues
        self.states = states
        self.applied = applied
        self.reports = reports


class LoadFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class IndexBuilt(Message):
    """The search index, built off the UI thread after a load."""

    def __init__(self, index: SearchIndex) -> None:
        super().__init__()
        self.index = index


class Snapshot(Message):
    """States as on disk after ``applied`` (another process wrote, or an undo/redo ran)."""

    def __init__(self, states: Mapping[str, PaperState], applied: int) -> None:
        super().__init__()
        self.states = states
        self.applied = applied


class OpDone(Message):
    def __init__(self, op: Op, change: Change | None) -> None:
        super().__init__()
        self.op = op
        self.change = change


class OpFailed(Message):
    """``op`` failed; ``retrying`` when it stays queued (the user's change is kept)."""

    def __init__(self, op: Op, error: str, retrying: bool) -> None:
        super().__init__()
        self.op = op
        self.error = error
        self.retrying = retrying


class LibrarySync:
    """Owns the queue; ``run`` is the body of the screen's thread worker."""

    def __init__(
        self,
        library: Library,
        post: Callable[[Message], object],
        *,
        poll_seconds: float = 0.5,
        retry_delays: Sequence[float] = RETRY_DELAYS,
    ) -> None:
        self.library = library
        self._post = post
        self._queue: queue.Queue[Op] = queue.Queue()
        self._seq = itertools.count(1)
        self._stopped = threading.Event()
        self.paused = threading.Event()
        """Set while another screen talks to the Library itself: no polling meanwhile."""
        self.shown = threading.Event()
        """Set by the screen once it has drawn what the last ``Loaded`` carried."""
        self.poll_seconds = poll_seconds
        self.retry_delays = tuple(retry_delays)

    def submit(
        self,
        kind: str,
        *,
        ids: Sequence[str] = (),
        status: Status | None = None,
        starred: bool = False,
        text: str = "",
        files: Sequence[Path] = (),
        base: str | None = None,
    ) -> Op:
        """Queue a request; it runs after every request submitted before it."""
        at = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        op = Op(next(self._seq), kind, tuple(ids), status, starred, text, tuple(files), at, base)
        self._queue.put(op)
        return op

    def stop(self) -> None:
        self._stopped.set()
        self.shown.set()
        self._queue.put(Op(0, "stop"))

    @property
    def idle(self) -> bool:
        return self._queue.empty()

    def _sleep(self, seconds: float) -> bool:
        """Wait, waking early on stop; False when stopped."""
        return not self._stopped.wait(seconds)

    def _load(self, applied: int, reports: Sequence[ImportReport] = ()) -> None:
        papers = list(self.library.papers())
        venues = list(self.library.venues())
        states = dict(self.library.states())
        self.shown.clear()
        self._post(Loaded(papers, venues, states, applied, reports))
        # The search index is not needed for the first frame, and building it now would
        # slow that frame down (both want the GIL): wait until the screen has drawn the
        # papers. ``Shelf.index`` builds it on the UI thread if a search comes first.
        self.shown.wait(SHOWN_WAIT_SECONDS)
        if not self._stopped.is_set():
            self._post(IndexBuilt(SearchIndex.build(papers, states)))

    def run(self) -> None:
        """Load, then run queued ops in order; poll for outside changes when idle."""
        try:
            self._load(0)
        except PapershelfError as exc:
            self._post(LoadFailed(str(exc)))
            return
        applied = 0
        next_poll = time.monotonic() + self.poll_seconds
        while not self._stopped.is_set():
            timeout = max(0.0, next_poll - time.monotonic())
            try:
                op = self._queue.get(timeout=timeout)
            except queue.Empty:
                op = None
            if op is not None:
                if op.kind == "stop" or not self._execute(op):
                    return
                applied = op.seq
                continue
            next_poll = time.monotonic() + self.poll_seconds
            if self.paused.is_set():
                continue
            try:
                changed = self.library.refresh()
                if changed:
                    self._post(Snapshot(dict(self.library.states()), applied))
            except PapershelfError as exc:
                log.warning("refresh failed: %s", exc)
            except Exception:  # a bug must not kill the thread that saves the user's work
                log.exception("refresh failed")

    def _execute(self, op: Op) -> bool:
        """Run ``op``; user changes are retried until they land. False when stopped."""
        delays = iter(self.retry_delays)
        delay = self.retry_delays[-1] if self.retry_delays else 1.0
        while True:
            try:
                change = self._call(op)
            except Exception as exc:  # every failure becomes a message, never a dead thread
                if not isinstance(exc, PapershelfError):
                    log.exception("%s failed", op.kind)
                message = str(exc) or type(exc).__name__
                retrying = op.kind in RETRIED
                self._post(OpFailed(op, message, retrying))
                if not retrying:
                    return True
                delay = next(delays, delay)
                if not self._sleep(delay):
                    return False
                continue
            self._post(OpDone(op, change))
            return True

    def _call(self, op: Op) -> Change | None:
        library = self.library
        if op.kind == "status" and op.status is not None:
            return library.set_status(op.ids, op.status)
        if op.kind == "star":
            return library.set_starred(op.ids, op.starred)
        if op.kind == "note":
            return library.set_note(op.ids[0], op.text, base=op.base)
        if op.kind in ("undo", "redo"):
            change = library.undo() if op.kind == "undo" else library.redo()
            self._post(Snapshot(dict(library.states()), op.seq))
            return change
        if op.kind == "reload":
            self._post(Snapshot(dict(library.states()), op.seq))
            return None
        if op.kind == "import":
            reports = library.import_lists(list(op.files))
            self._load(op.seq, reports)
            return None
        raise ValueError(f"unknown request {op.kind!r}")
