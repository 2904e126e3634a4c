"""Triage mode: one unread paper at a time, one key decides, ``u`` goes back, a summary ends it."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status
from papershelf.domain.state_ops import with_star, with_status
from papershelf.tui import keys
from papershelf.tui.widgets.triage_card import TriageCard, TriageSummary

if TYPE_CHECKING:
    from papershelf.services.library import Change, Library

_DECIDE_ACTIONS = frozenset({"set_status", "toggle_star", "skip", "undo", "end"})
_STATUS_WORDS = {Status.TO_READ: "to read", Status.READING: "reading", Status.READ: "read"}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(slots=True)
class _Write:
    """One library call waiting its turn: writes run one at a time, in key order."""

    kind: Literal["status", "star", "undo"]
    paper_id: str
    status: Status = Status.UNREAD
    starred: bool = False
    attempts: int = 0
    recorded: bool = True
    """False when the library found nothing to change, so there is nothing to undo there."""
    undoes: _Step | None = None


@dataclass(slots=True)
class _Step:
    """One decision of this session, kept so ``u`` can take it back."""

    paper_id: str
    position: int
    before: PaperState
    after: PaperState
    write: _Write


@dataclass(slots=True)
class _Session:
    """What this session decided; undo takes entries back out."""

    queue: list[str] = field(default_factory=list)
    position: int = 0
    decided: dict[str, Status] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)
    starred_before: set[str] = field(default_factory=set)

    def summary(self, states: Mapping[str, PaperState]) -> dict[str, int]:
        counts = dict.fromkeys(_STATUS_WORDS.values(), 0)
        for status in self.decided.values():
            counts[_STATUS_WORDS[status]] += 1
        starred = sum(
            1
            for pid in self.queue
            if pid not in self.starred_before and states.get(pid, DEFAULT_STATE).starred
        )
        return {
            **counts,
            "starred": starred,
            "skipped": len(self.skipped - self.decided.keys()),
            "not reached": max(0, len(self.queue) - self.position),
        }


class TriageScreen(Screen[None]):
    """Decide on each unread paper of a view with one key; the main app pushes it with ``T``."""

    CSS_PATH = "triage.tcss"
    AUTO_FOCUS = None

    BINDINGS: ClassVar[list[BindingType]] = [*keys.TRIAGE_BINDINGS]

    RETRY_DELAYS: ClassVar[tuple[float, ...]] = (0.5, 1.0, 2.0, 4.0, 8.0)
    """Seconds before each new attempt at a failed write; then the change is given up."""

    @dataclass
    class Loaded(Message):
        papers: dict[str, Paper]
        states: dict[str, PaperState]

    @dataclass
    class LoadFailed(Message):
        error: str

    @dataclass
    class WriteDone(Message):
        write: _Write
        change: Change | None
        states: dict[str, PaperState]

    @dataclass
    class WriteFailed(Message):
        write: _Write
        error: str

    def __init__(self, library: Library, paper_ids: Sequence[str], scope_label: str) -> None:
        super().__init__()
        self.library = library
        self.scope_label = scope_label
        self._paper_ids = list(paper_ids)
        self._papers: dict[str, Paper] = {}
        self._states: dict[str, PaperState] = {}
        self._session = _Session()
        self._steps: list[_Step] = []
        self._pending: deque[_Write] = deque()
        self._writing = False
        self._mode: Literal["loading", "deciding", "summary"] = "loading"
        self._close_requested = False

    # layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="triage-body"):
            yield Static(Text("Loading…"), id="triage-counter")
            yield Static(id="triage-last")
            yield TriageCard(id="triage-card")
        yield TriageSummary(id="triage-summary")
        yield Footer()

    def on_mount(self) -> None:
        self._load()

    # loading -----------------------------------------------------------------
    @work(thread=True, group="triage-load", exit_on_error=False)
    def _load(self) -> None:
        try:
            wanted = set(self._paper_ids)
            papers = {p.id: p for p in self.library.papers() if p.id in wanted}
            states = {k: v for k, v in self.library.states().items() if k in wanted}
        except Exception as error:
            self.post_message(self.LoadFailed(_describe(error)))
            return
        self.post_message(self.Loaded(papers, states))

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.notify(f"Could not read the library: {message.error}", severity="error")
        self._finish()

    @on(Loaded)
    def _start(self, message: Loaded) -> None:
        self._papers = message.papers
        self._states = message.states
        queue = [
            pid
            for pid in dict.fromkeys(self._paper_ids)
            if pid in self._papers
            and not self._papers[pid].withdrawn
            and self._state(pid).status is Status.UNREAD
        ]
        self._session = _Session(
            queue=queue, starred_before={pid for pid in queue if self._state(pid).starred}
        )
        if queue:
            self._mode = "deciding"
            self._show_current()
        else:
            self._finish()

    # state helpers ---------------------------------------------------------------
    def _state(self, paper_id: str) -> PaperState:
        return self._states.get(paper_id, DEFAULT_STATE)

    @property
    def current_id(self) -> str | None:
        """The paper on the card, or None when loading or done."""
        session = self._session
        if self._mode != "deciding" or session.position >= len(session.queue):
            return None
        return session.queue[session.position]

    @property
    def busy(self) -> bool:
        """True while the screen loads or has writes not yet on disk."""
        return self._mode == "loading" or self._writing or bool(self._pending)

    @property
    def counter_text(self) -> str:
        session = self._session
        left = len(session.queue) - session.position
        return f"{left} of {len(session.queue)} left in {self.scope_label}"

    def _show_current(self) -> None:
        paper_id = self.current_id
        if paper_id is None:
            return
        self.query_one("#triage-counter", Static).update(Text(self.counter_text))
        self.query_one(TriageCard).show(self._papers[paper_id], self._state(paper_id))
        self.refresh_bindings()

    def _say(self, verb: str, paper_id: str, hint: str = "   (u undoes)") -> None:
        line = Text(f"{verb}: ")
        line.append(self._papers[paper_id].title)
        line.append(hint)
        self.query_one("#triage-last", Static).update(line)

    def _advance(self) -> None:
        self._session.position += 1
        if self._session.position >= len(self._session.queue):
            self._finish()
        else:
            self._show_current()

    # actions -------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return self._mode == "summary"
        if action in _DECIDE_ACTIONS:
            if self._mode != "deciding":
                return False
            if action == "undo" and not self._steps:
                return None
        return True

    def _record(self, paper_id: str, after: PaperState, write: _Write) -> None:
        before = self._state(paper_id)
        self._states[paper_id] = after
        self._steps.append(_Step(paper_id, self._session.position, before, after, write))
        self._enqueue(write)

    def action_set_status(self, value: str) -> None:
        """Decide the paper on the card and move to the next one."""
        paper_id = self.current_id
        if paper_id is None:
            return
        status = Status(value)
        after = with_status(self._state(paper_id), status, _now())
        self._record(paper_id, after, _Write("status", paper_id, status=status))
        self._session.decided[paper_id] = status
        self._say(f"Marked {_STATUS_WORDS[status]}", paper_id)
        self._advance()

    def action_toggle_star(self) -> None:
        """Star or unstar the paper on the card; it stays on the card."""
        paper_id = self.current_id
        if paper_id is None:
            return
        starred = not self._state(paper_id).starred
        after = with_star(self._state(paper_id), starred)
        self._record(paper_id, after, _Write("star", paper_id, starred=starred))
        self.query_one(TriageCard).show_state(after)
        self._say("Starred" if starred else "Unstarred", paper_id)
        self.refresh_bindings()

    def action_skip(self) -> None:
        """Leave the paper unread and move on."""
        paper_id = self.current_id
        if paper_id is None:
            return
        self._session.skipped.add(paper_id)
        self._say("Skipped", paper_id)
        self._advance()

    def action_undo(self) -> None:
        """Take back this session's last decision and show that paper again."""
        if self._mode != "deciding" or not self._steps:
            return
        step = self._steps.pop()
        self._states[step.paper_id] = step.before
        if step.write.kind == "status":
            self._session.decided.pop(step.paper_id, None)
        self._session.position = step.position
        if step.write in self._pending and not (self._writing and self._pending[0] is step.write):
            self._pending.remove(step.write)  # never reached the library: nothing to undo there
        elif step.write.recorded:
            self._enqueue(_Write("undo", step.paper_id, undoes=step))
        self._say("Undone", step.paper_id, hint="")
        self._show_current()

    def action_end(self) -> None:
        """Stop deciding and show what this session did."""
        self._finish()

    def action_close(self) -> None:
        """Leave triage once every change is on disk."""
        self._close_requested = True
        if self._pending or self._writing:
            self.query_one(TriageSummary).show_hint("Saving…")
            return
        self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        # On the summary any key closes; nothing else may act on it.
        if self._mode == "summary":
            event.stop()
            event.prevent_default()
            self.action_close()

    # summary -------------------------------------------------------------------
    def _finish(self) -> None:
        self._mode = "summary"
        self.add_class("-summary")
        if self._session.queue:
            title = f"Triage of {self.scope_label} done"
        else:
            title = f"No unread papers to triage in {self.scope_label}"
        self.query_one(TriageSummary).show(title, self._session.summary(self._states))
        self.refresh_bindings()

    # writes --------------------------------------------------------------------
    def _enqueue(self, write: _Write) -> None:
        self._pending.append(write)
        self._pump()

    def _pump(self) -> None:
        if self._writing:
            return
        if self._pending:
            self._writing = True
            self._write(self._pending[0])
        elif self._close_requested:
            self.dismiss(None)

    @work(thread=True, group="triage-write", exit_on_error=False)
    def _write(self, write: _Write) -> None:
        change: Change | None = None
        states: dict[str, PaperState] = {}
        try:
            if write.kind == "status":
                change = self.library.set_status([write.paper_id], write.status)
            elif write.kind == "star":
                change = self.library.set_starred([write.paper_id], write.starred)
            else:
                change = self.library.undo()
                if change is not None:
                    states = {pid: self.library.state(pid) for pid in change.paper_ids}
        except Exception as error:
            self.post_message(self.WriteFailed(write, _describe(error)))
            return
        self.post_message(self.WriteDone(write, change, states))

    @on(WriteDone)
    def _written(self, message: WriteDone) -> None:
        write, change = message.write, message.change
        self._writing = False
        if self._pending and self._pending[0] is write:
            self._pending.popleft()
        if write.kind != "undo" and change is not None and change.label.endswith("(no change)"):
            write.recorded = False  # the library kept no undo step for it
            self._drop_undo_of(write)
        elif write.kind == "undo":
            if change is None:
                self.notify("Nothing left to undo in the library.", severity="warning")
            elif write.paper_id not in change.paper_ids:
                self.notify(f"Undo took back another change: {change.label}", severity="warning")
                busy = {w.paper_id for w in self._pending}
                for pid, state in message.states.items():
                    if pid in self._papers and pid not in busy:
                        self._states[pid] = state
        self._pump()

    @on(WriteFailed)
    def _write_failed(self, message: WriteFailed) -> None:
        write = message.write
        self._writing = False
        write.attempts += 1
        if write.attempts <= len(self.RETRY_DELAYS):
            if write.attempts == 1:
                self.notify(f"Could not save ({message.error}); retrying.", severity="error")
            self.set_timer(self.RETRY_DELAYS[write.attempts - 1], self._pump)
            return
        if self._pending and self._pending[0] is write:
            self._pending.popleft()
        self.notify(f"Change not saved: {message.error}", severity="error", timeout=10)
        self._drop_undo_of(write)
        self._give_up(write)
        self._pump()

    def _drop_undo_of(self, write: _Write) -> None:
        """An undo queued for a change the library never recorded would undo another one."""
        for queued in list(self._pending):
            if queued.undoes is not None and queued.undoes.write is write:
                self._pending.remove(queued)

    def _give_up(self, write: _Write) -> None:
        """Show the library's truth again after a write that never landed."""
        step = write.undoes
        if step is not None:
            # The change is still in the library: show it again and keep it undoable.
            self._states[step.paper_id] = step.after
            if step.write.kind == "status":
                self._session.decided[step.paper_id] = step.write.status
            self._steps.append(step)
            if self.current_id == step.paper_id and step.write.kind == "status":
                self._advance()
            elif self.current_id == step.paper_id:
                self.query_one(TriageCard).show_state(step.after)
            self.refresh_bindings()
            return
        for i, step in enumerate(self._steps):
            if step.write is write:
                del self._steps[i]
                self._states[write.paper_id] = step.before
                if write.kind == "status":
                    self._session.decided.pop(write.paper_id, None)
                break
        if self.current_id == write.paper_id:
            self.query_one(TriageCard).show_state(self._state(write.paper_id))
        self.refresh_bindings()


def _describe(error: Exception) -> str:
    text = str(error).strip()
    return text if text else type(error).__name__
