"""The session: every change to the user's data, from any screen, through one ordered writer.

Screens submit typed commands and get a ticket back at once; one thread runs the tickets in
submission order (so an undo always follows the writes before it and the Library is used
from that thread alone), retries the user's own changes with one policy, polls the file for
other processes' changes, and reports everything as events. A change the user made is never
dropped: while it cannot be written it is kept in the pending-changes file, which the next
start applies. No Textual here; the app's adapter turns events into messages.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from papershelf.domain.clock import now_iso
from papershelf.errors import ConfigError, PapershelfError
from papershelf.services.command_base import Command, Outcome
from papershelf.services.events import (
    Applied,
    ChangedElsewhere,
    ConflictCopies,
    Event,
    Failed,
    IndexBuilt,
    Loaded,
    LoadFailed,
    Recovered,
    Restored,
    Ticket,
)
from papershelf.services.library import Library
from papershelf.services.loading import Loader
from papershelf.services.own_changes import OwnChanges
from papershelf.storage import pending_file

if TYPE_CHECKING:
    from papershelf.services.results import ImportReport

log = logging.getLogger(__name__)

__all__ = [
    "Applied",
    "ChangedElsewhere",
    "ConflictCopies",
    "Event",
    "Failed",
    "IndexBuilt",
    "LoadFailed",
    "Loaded",
    "Recovered",
    "Restored",
    "RetryPolicy",
    "Session",
    "Ticket",
    "UndoOf",
]


@dataclass(frozen=True, slots=True)
class UndoOf(Command):
    """Undo the change one earlier ticket made, and nothing else (triage's ``u``)."""

    ticket: int = 0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Seconds before each new attempt at a failed change; the last delay then repeats."""

    delays: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0)

    def delay(self, attempt: int) -> float:
        if not self.delays:
            return 1.0
        return self.delays[min(attempt, len(self.delays)) - 1]


@dataclass(slots=True)
class _Unwritten:
    """Tickets submitted and not yet written, by number (shared by both threads)."""

    tickets: dict[int, Ticket] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, ticket: Ticket) -> None:
        with self.lock:
            self.tickets[ticket.seq] = ticket

    def done(self, ticket: Ticket) -> None:
        with self.lock:
            self.tickets.pop(ticket.seq, None)

    def retried(self) -> list[Ticket]:
        with self.lock:
            return [t for _, t in sorted(self.tickets.items()) if t.command.retried]


class Session:
    """Owns the queue and the writer; ``run`` is the body of the writer thread."""

    RECORDS_KEPT = 1000

    def __init__(
        self,
        library: Library,
        emit: Callable[[Event], object],
        *,
        poll_seconds: float = 0.5,
        retry: RetryPolicy | None = None,
        build_index: bool = True,
    ) -> None:
        self.library = library
        self._emit = emit
        self.poll_seconds = poll_seconds
        self.retry = retry or RetryPolicy()
        self._queue: queue.Queue[Ticket | None] = queue.Queue()
        self._seq = itertools.count(1)
        self._stopped = threading.Event()
        self._unwritten = _Unwritten()
        self._records: dict[int, int | None] = {}
        """Ticket number -> the change record it made (None: it changed nothing)."""
        self._mine = OwnChanges()
        self._failing = False
        self._replayed: set[int] = set()
        self._loader = Loader(library, emit, self._stopped, build_index=build_index)
        self.shown = self._loader.shown
        """Set by the screen once it has drawn what the last ``Loaded`` carried."""

    @property
    def _places(self) -> tuple[Path, Path]:
        paths = self.library.paths
        return paths.pending, paths.pending_fallback

    # -- the screen's side --------------------------------------------------------------
    def submit(self, command: Command) -> Ticket:
        """Queue ``command``; it runs after every command submitted before it."""
        ticket = Ticket(next(self._seq), command, now_iso())
        self._unwritten.add(ticket)
        self._queue.put(ticket)
        return ticket

    @property
    def idle(self) -> bool:
        """Nothing queued or being written."""
        return not self._unwritten.tickets

    def is_unwritten(self, ticket: Ticket) -> bool:
        """True until the writer has applied ``ticket`` (or given up on it)."""
        with self._unwritten.lock:
            return ticket.seq in self._unwritten.tickets

    def unwritten(self) -> list[Ticket]:
        """The user's changes not written yet, oldest first."""
        return self._unwritten.retried()

    def submit_aside(self, command: Command) -> Ticket:
        """Run ``command`` on a thread of its own, beside the ordered writer.

        For network work (``Enrich``) that must not hold the user's changes behind it; it
        touches no reading state, and its events come the same way as the writer's.
        """
        ticket = Ticket(next(self._seq), command, now_iso())

        def run() -> None:
            try:
                outcome = command.run(self.library)
            except Exception as exc:  # an event, never a dead thread
                if not isinstance(exc, PapershelfError):
                    log.exception("%s failed", command.kind)
                said, mistake = str(exc) or type(exc).__name__, isinstance(exc, ConfigError)
                self._emit(Failed(ticket, said, False, True, config_mistake=mistake))
                return
            self._emit(Applied(ticket, outcome))

        threading.Thread(target=run, name=f"papershelf-{command.kind}", daemon=True).start()
        return ticket

    def start(self) -> None:
        """``run`` on a daemon thread of its own: leaving never waits for a load to end.

        (A Textual thread worker runs in the event loop's executor, which is joined when the
        app exits: ``ctrl+q`` while a 50,000-paper cache was rebuilt took 8 s. Nothing the
        user changed is lost by not waiting: quitting waits for the writes, or keeps them.)
        """
        threading.Thread(target=self.run, name="papershelf-session", daemon=True).start()

    def stop(self) -> None:
        self._stopped.set()
        self.shown.set()
        self._queue.put(None)

    def keep_unwritten(self) -> Path | None:
        """Put the unwritten changes in the pending-changes file (at quit); where, or None."""
        changes = self._kept()
        if not changes:
            return None
        return pending_file.save(self._places, changes)

    def _kept(self) -> list[dict[str, Any]]:
        """The unwritten changes as the pending-changes file keeps them: each with its time."""
        return [{**t.command.to_json(), "at": t.at} for t in self.unwritten()]

    # -- the writer thread ----------------------------------------------------------------
    def run(self) -> None:
        """Load, replay kept changes, then run tickets in order; poll for others' changes."""
        try:
            self._load(0, staged=True)
        except PapershelfError as exc:
            self._emit(LoadFailed(str(exc)))
            return
        self._restore()
        try:
            copies = self.library.copies_to_offer()
        except OSError as exc:  # an unreadable folder only costs the offer
            log.warning("cannot look for conflict copies: %s", exc)
            copies = []
        if copies:
            self._emit(ConflictCopies(tuple(copies)))
        applied = 0
        next_poll = time.monotonic() + self.poll_seconds
        while not self._stopped.is_set():
            try:
                ticket = self._queue.get(timeout=max(0.0, next_poll - time.monotonic()))
            except queue.Empty:
                ticket = None
            else:
                if ticket is None or not self._execute(ticket):
                    return
                applied = ticket.seq
                if ticket.seq in self._replayed:
                    self._replayed.discard(ticket.seq)
                    if not self._replayed:
                        self._emit(ChangedElsewhere(dict(self.library.states()), applied))
                continue
            next_poll = time.monotonic() + self.poll_seconds
            self._poll(applied)

    def _poll(self, applied: int) -> None:
        try:
            version = self.library.catalog_version
            if self.library.refresh_catalog():  # `papershelf import` or `forget` elsewhere
                self.library.refresh()
                self._load(applied)
            elif self.library.refresh():
                if self.library.catalog_version != version:  # `same` or `different` elsewhere
                    self._load(applied)
                else:
                    self._emit(ChangedElsewhere(dict(self.library.states()), applied))
        except PapershelfError as exc:
            log.warning("refresh failed: %s", exc)
        except Exception:  # a bug must not kill the thread that saves the user's work
            log.exception("refresh failed")

    def first_load(self) -> Loaded | None:
        """The start's first papers, before ``run`` (``loading.Loader.first``)."""
        return self._loader.first()

    def _load(self, applied: int, reports: Sequence[ImportReport] = (), **kw: bool) -> None:
        self._loader.load(applied, reports, **kw)

    def _restore(self) -> None:
        """Queue the changes an earlier run kept; they run before anything submitted now."""
        # The commands load here, on this thread, after the first papers show (not at start).
        from papershelf.services.commands import (
            AddTags,
            RemoveTags,
            SetStar,
            SetStatus,
            command_from_json,
        )

        changes, problems = pending_file.load(self._places)
        commands: list[Command] = []
        later = self._changed_since(changes)
        for data in changes:
            try:
                command = command_from_json(data)
            except ValueError as exc:
                problems.append(f"{self._places[0]}: a kept change was skipped ({exc})")
                continue
            stale = [pid for pid in command.paper_ids if later.get(pid, "") > data.get("at", "~")]
            if stale and isinstance(command, SetStatus | SetStar | AddTags | RemoveTags):
                problems.append(
                    f"{self._places[0]}: a kept {command.kind} change was skipped for "
                    f"{', '.join(stale)}: changed elsewhere after it"
                )
                rest = tuple(pid for pid in command.paper_ids if pid not in stale)
                if not rest:
                    continue
                command = replace(command, ids=rest)
            commands.append(command)
        # Tickets submitted before the load ran are still queued behind these: re-queue them.
        waiting: list[Ticket] = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                waiting.append(item)
        for command in commands:
            ticket = Ticket(next(self._seq), command, now_iso())
            self._unwritten.add(ticket)
            self._replayed.add(ticket.seq)
            self._queue.put(ticket)
        for item in waiting:
            self._queue.put(item)
        if commands or problems:
            self._emit(Restored(len(commands), tuple(problems)))

    def _changed_since(self, changes: list[dict[str, Any]]) -> dict[str, str]:
        """When each paper was last changed, by the undo log, after the oldest kept change.

        A kept change is older than any change made elsewhere since: it must not undo it.
        """
        stamps = [at for data in changes if isinstance(at := data.get("at"), str)]
        if not stamps:
            return {}
        oldest = min(stamps)
        latest: dict[str, str] = {}
        for entry in self.library.history():
            if entry.at > oldest:
                for pid in entry.paper_ids:
                    latest[pid] = max(latest.get(pid, entry.at), entry.at)
        return latest

    def _execute(self, ticket: Ticket) -> bool:
        """Run ``ticket``; the user's changes are retried until written. False when stopped."""
        attempt = 0
        while True:
            attempt += 1
            try:
                outcome = self._run(ticket.command)
            except Exception as exc:  # every failure becomes an event, never a dead thread
                if not isinstance(exc, PapershelfError):
                    log.exception("%s failed", ticket.command.kind)
                error = str(exc) or type(exc).__name__
                retrying = ticket.command.retried
                first = not self._failing
                kept = None
                if retrying:
                    self._failing = True
                    kept = pending_file.save(self._places, self._kept())
                else:
                    self._unwritten.done(ticket)
                self._emit(Failed(ticket, error, retrying, first, kept))
                if not retrying:
                    return True
                if self._stopped.wait(self.retry.delay(attempt)):
                    return False
                continue
            self._record(ticket, outcome)
            self._unwritten.done(ticket)
            states = None
            change, ids = outcome.change, ticket.command.paper_ids
            if not ids or change is None or not set(change.paper_ids) <= set(ids):
                states = dict(self.library.states())  # also: written to the paper of an alias
            if outcome.catalog_changed:
                self._load(ticket.seq, outcome.reports)
            self._emit(Applied(ticket, outcome, states))
            if self._failing and not self.unwritten():
                self._failing = False
                pending_file.save(self._places, [])
                self._emit(Recovered())
            elif ticket.seq in self._replayed and len(self._replayed) == 1:
                pending_file.save(self._places, [])
            return True

    def _run(self, command: Command) -> Outcome:
        if isinstance(command, UndoOf):
            record = self._records.get(command.ticket)
            if record is None:  # it changed nothing, or it is too old to know
                return Outcome()
            from papershelf.services.commands import Undo  # loaded by ``_restore``

            command = Undo(only=record)
        elif command.kind in ("undo", "redo"):
            from papershelf.services.commands import Redo, Undo, redo_here, undo_here

            if isinstance(command, Undo) and command.here:
                return undo_here(self.library, command, self._mine.made, self._mine.opened)
            if isinstance(command, Redo) and command.here:
                return redo_here(self.library, command, self._mine.undid)
        return command.run(self.library)

    def _record(self, ticket: Ticket, outcome: Outcome) -> None:
        change = outcome.change
        self._records[ticket.seq] = change.seq if change is not None else None
        kind = "undo" if isinstance(ticket.command, UndoOf) else ticket.command.kind
        self._mine.record(outcome, undo=kind == "undo", redo=kind == "redo")
        if len(self._records) > self.RECORDS_KEPT:
            del self._records[next(iter(self._records))]
