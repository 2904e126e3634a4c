"""Triage mode: one unread paper at a time, one key decides, ``u`` goes back, a summary ends it.

Every decision is a command for the app's session, like any other change: triage keeps no
queue and no retry of its own. ``u`` takes back this triage's own last decision and nothing
else (``UndoOf``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar, Literal

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from papershelf.domain.clock import now_iso
from papershelf.domain.models import DEFAULT_STATE, Paper, PaperState, Status
from papershelf.domain.state_ops import with_note, with_star, with_status
from papershelf.services import session as ev
from papershelf.services.commands import Command, SetNote, SetStar, SetStatus
from papershelf.services.session import Ticket, UndoOf
from papershelf.tui import keys
from papershelf.tui.key_hints import key_named, keymap_of
from papershelf.tui.screens import paper_actions, triage_keys, triage_steps
from papershelf.tui.screens.dialogs import NoteDialog
from papershelf.tui.screens.triage_steps import STATUS_WORDS, Step, TriageSession, undone
from papershelf.tui.session_bridge import SessionEvent
from papershelf.tui.widgets.fitted_footer import SteadyFooter
from papershelf.tui.widgets.triage_card import TriageCard, TriageSummary

_DECIDE_ACTIONS = frozenset(
    {"set_status", "toggle_star", "skip", "undo", "end", "note", "open_link"}
)
Submit = Callable[[Command], Ticket]


class TriageScreen(Screen[tuple[Ticket, ...]]):
    """Decide on each unread paper of a view with one key; the main app pushes it with ``T``."""

    CSS_PATH = "triage.tcss"
    AUTO_FOCUS = None
    HELP_PLACE: ClassVar[str] = "triage mode"  # ``?`` here shows these keys first

    BINDINGS: ClassVar[list[BindingType]] = [*keys.TRIAGE_BINDINGS]

    def __init__(
        self,
        submit: Submit,
        papers: Sequence[Paper],
        states: Mapping[str, PaperState],
        scope_label: str,
    ) -> None:
        super().__init__()
        self._submit = submit
        self.scope_label = scope_label
        self._papers = {p.id: p for p in papers}
        self._order = [p.id for p in papers]
        self._states: dict[str, PaperState] = dict(states)
        self._session = TriageSession()
        self._steps: list[Step] = []
        self._unwritten: dict[int, Ticket] = {}
        """This triage's tickets the session has not written yet."""
        self._recorded: dict[int, bool] = {}
        """Ticket number -> whether the library recorded a change for it."""
        self._undoing: dict[int, Step] = {}
        self._mode: Literal["loading", "deciding", "summary"] = "loading"
        self._after: events.Key | None = None
        """The key that closed the summary, for the main screen (not triage's own keys)."""
        self.abstracts: Mapping[str, str] = {}
        """Abstracts the enrichment sources found, by paper id (the main screen fills it)."""

    # layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="triage-body"):
            with Vertical(id="triage-head"):  # docked with the keys: the card takes what is left
                yield Static(Text("Loading…"), id="triage-counter")
                yield Static(id="triage-last")
            yield TriageCard(id="triage-card")
            yield Static(Text(triage_keys.line(keymap_of(self.app))), id="triage-keys")
        yield TriageSummary(id="triage-summary")
        yield SteadyFooter()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Narrow, the footer leaves out the keys the line under the card names."""
        active = super().active_bindings
        return triage_keys.lean(active) if self.has_class("-narrow") else active

    def on_resize(self, event: events.Resize) -> None:
        """The footer in full when it fits, else compact and lean (``triage_keys``)."""
        narrow = event.size.width < triage_keys.footer_cells(self.app, super().active_bindings)
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.query_one(Footer).compact = narrow
            self.refresh_bindings()

    def on_mount(self) -> None:
        self.app.clear_notifications()  # the main screen's toasts: its status line keeps them
        queue = [
            pid
            for pid in dict.fromkeys(self._order)
            if not self._papers[pid].withdrawn and self._state(pid).status is Status.UNREAD
        ]
        self._session = TriageSession(
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
    def paper_ids(self) -> tuple[str, ...]:
        """The papers this triage was opened on, in order."""
        return tuple(self._order)

    @property
    def busy(self) -> bool:
        """True while this triage has changes the session has not written yet."""
        return bool(self._unwritten)

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
        found = self.abstracts.get(paper_id, "")
        self.query_one(TriageCard).show(self._papers[paper_id], self._state(paper_id), found)
        self.refresh_bindings()

    def _say(self, verb: str, paper_id: str, hint: str | None = None) -> None:
        """``verb: title   (u undoes)`` on one line; a title too long for it ends in an ellipsis."""
        line = self.query_one("#triage-last", Static)
        if hint is None:
            hint = f"   ({key_named(keymap_of(self.app), 'triage-undo')} undoes)"
        title = Text(self._papers[paper_id].title)
        room = line.content_size.width - cell_len(f"{verb}: {hint}")
        if line.content_size.width and title.cell_len > room:
            title.truncate(max(room, 1), overflow="ellipsis")
        text = Text(f"{verb}: ", no_wrap=True, overflow="ellipsis")
        line.update(text.append_text(title).append(hint))

    def _tell(self, message: str, severity: str = "information") -> None:
        """What a key that decides nothing says (``o``): on the line, a warning as a toast too."""
        self.query_one("#triage-last", Static).update(Text(message, no_wrap=True))
        if severity != "information":
            self.notify(message, severity=severity, markup=False)  # type: ignore[arg-type]

    def _advance(self) -> None:
        self._session.position += 1
        if self._session.position >= len(self._session.queue):
            self._finish()
        else:
            self._show_current()

    # actions -------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._mode == "summary":  # triage's own keys stay bound (``on_key``): they close
            return True if action == "close" else None
        if action == "close":
            return False
        return not (action in _DECIDE_ACTIONS and self._mode != "deciding")

    def _send(self, command: Command) -> Ticket:
        ticket = self._submit(command)
        self._unwritten[ticket.seq] = ticket
        return ticket

    def _record(self, paper_id: str, after: PaperState, command: Command) -> None:
        before = self._state(paper_id)
        self._states[paper_id] = after
        ticket = self._send(command)
        self._steps.append(Step(paper_id, self._session.position, before, after, ticket))

    def action_set_status(self, value: str) -> None:
        """Decide the paper on the card and move to the next one."""
        paper_id = self.current_id
        if paper_id is None:
            return
        status = Status(value)
        after = with_status(self._state(paper_id), status, now_iso())
        self._record(paper_id, after, SetStatus((paper_id,), status))
        self._session.decided[paper_id] = status
        self._say(f"Marked {STATUS_WORDS[status]}", paper_id)
        self._advance()

    def action_toggle_star(self) -> None:
        """Star or unstar the paper on the card; it stays on the card."""
        paper_id = self.current_id
        if paper_id is None:
            return
        starred = not self._state(paper_id).starred
        after = with_star(self._state(paper_id), starred)
        self._record(paper_id, after, SetStar((paper_id,), starred))
        self.query_one(TriageCard).show_state(after)
        self._say("Starred" if starred else "Unstarred", paper_id)
        self.refresh_bindings()

    def action_skip(self) -> None:
        """Leave the paper unread and move on."""
        paper_id = self.current_id
        if paper_id is None:
            return
        self._session.skipped.add(paper_id)
        state = self._state(paper_id)
        self._steps.append(Step(paper_id, self._session.position, state, state, None))
        self._say("Skipped", paper_id)
        self._advance()

    def action_undo(self) -> None:
        """Take back this triage's last decision and show that paper again."""
        if self._mode != "deciding":
            return
        if not self._steps:  # said, not silent: the key did reach triage
            self._tell("nothing to undo in this triage")
            return
        step = self._steps.pop()
        self._session.position = step.position
        if step.ticket is None:  # a skip: the paper comes back, nothing was written
            self._session.skipped.discard(step.paper_id)
            self._say("Skip undone", step.paper_id, hint="")
            self._show_current()
            return
        self._states[step.paper_id] = step.before
        if isinstance(step.ticket.command, SetStatus):
            self._session.decided.pop(step.paper_id, None)
        if self._recorded.get(step.ticket.seq) is not False:  # it did or may change something
            self._undoing[self._send(UndoOf(ticket=step.ticket.seq)).seq] = step
        self._say(undone(step), step.paper_id, hint="")
        self._show_current()

    def action_note(self) -> None:
        """Write a note on the paper on the card (the same idea as ``n`` on the list)."""
        paper_id = self.current_id
        if paper_id is None:
            return
        old = self._state(paper_id).note

        def written(text: str | None) -> None:
            if text is None or text == self._state(paper_id).note or self.current_id != paper_id:
                return
            after = with_note(self._state(paper_id), text, now_iso())
            self._record(paper_id, after, SetNote(paper_id, text, old))
            self.query_one(TriageCard).show_state(after)
            self._say("Note saved", paper_id)

        self.app.push_screen(NoteDialog(self._papers[paper_id].title, old, written), written)

    def action_open_link(self) -> None:
        paper_id = self.current_id
        if paper_id is not None:
            paper_actions.open_main_link(self.app, self._papers[paper_id], self._tell)

    def action_scroll_card(self, lines: int) -> None:
        self.query_one(TriageCard).scroll_relative(y=lines, animate=False)

    def action_end(self) -> None:
        """Stop deciding and show what this session did."""
        self._finish()

    def action_close(self) -> None:
        """Back to the list; changes not written yet stay with the session, never dropped."""
        self.dismiss(tuple(self._unwritten.values()))

    def on_key(self, event: events.Key) -> None:
        """On the summary any key closes; one that is not triage's own acts on the list then.

        Triage's own end and close keys (escape, q, enter) only close: ``q`` pressed twice to
        leave a triage must not quit the app. ``p`` opens the progress screen, ``j`` moves.
        """
        if self._mode == "summary":
            event.stop()
            event.prevent_default()
            own = {k: b for k, b in self.active_bindings.items() if b.node is self}  # j: not own
            closing = {k for k, b in own.items() if not b.binding.action.startswith("scroll")}
            if event.key not in closing and self._after is None:
                self._after = events.Key(event.key, event.character)
            self.action_close()

    def on_unmount(self) -> None:
        # Sent once the main screen is on top again, so it reaches the main screen.
        if self._after is not None:
            self.app.post_message(self._after)

    # summary -------------------------------------------------------------------
    def _finish(self) -> None:
        self._mode = "summary"
        self.add_class("-summary")
        total = len(self._session.queue)
        seen = min(self._session.position, total)
        if seen < total:  # ended early: "done" would not be true
            title = f"Triage of {self.scope_label} stopped: {seen} of {total} seen"
        elif total:
            title = f"Triage of {self.scope_label} done: all {total} seen"
        else:
            title = f"No unread papers to triage in {self.scope_label}"
        self.query_one(TriageSummary).show(title, self._session.summary(self._states))
        self.refresh_bindings()

    # the session's answers ---------------------------------------------------------
    @on(SessionEvent)
    def _session_event(self, message: SessionEvent) -> None:
        event = message.event
        if isinstance(event, ev.Applied) and event.ticket.seq in self._unwritten:
            self._applied(event)
        elif isinstance(event, ev.Failed) and event.ticket.seq in self._unwritten:
            self._failed(event)
        elif isinstance(event, ev.ChangedElsewhere | ev.Loaded) and self._mode == "deciding":
            self._changed_elsewhere(event.states)

    def _changed_elsewhere(self, states: Mapping[str, PaperState]) -> None:
        """A paper not reached yet that another window or command triaged leaves the queue.

        Else its card came up as unread, and a key here overwrote the status set there.
        """
        session, current = self._session, self.current_id
        mine = {pid for t in self._unwritten.values() for pid in t.command.paper_ids}
        ahead = [pid for pid in session.queue[session.position :] if pid not in mine]
        self._states.update((pid, states.get(pid, DEFAULT_STATE)) for pid in ahead)
        gone = {pid for pid in ahead if self._state(pid).status is not Status.UNREAD}
        if not gone:
            return
        session.queue[session.position :] = [
            pid for pid in session.queue[session.position :] if pid not in gone
        ]
        if current in gone:
            self._tell(f"Triaged elsewhere: {self._papers[current].title}")
        if self.current_id is None:
            self._finish()
        else:
            self._show_current()

    def _applied(self, event: ev.Applied) -> None:
        ticket = self._unwritten.pop(event.ticket.seq)
        change = event.outcome.change
        self._recorded[ticket.seq] = change is not None
        if isinstance(ticket.command, SetNote) and change is not None and change.kept_both:
            self.notify(triage_steps.KEPT_BOTH, severity="warning", markup=False)
        step = self._undoing.pop(ticket.seq, None)
        if step is None or change is not None:
            return
        if step.ticket is not None and self._recorded.get(step.ticket.seq):
            # The decision is in the library but a later change came first: it stays.
            self.notify(triage_steps.NOT_UNDONE, severity="warning", markup=False)
            self._restore(step)

    def _failed(self, event: ev.Failed) -> None:
        if event.retrying:
            if event.first:
                self.notify(
                    f"Could not save ({event.error}); retrying.", severity="error", markup=False
                )
            return
        ticket = self._unwritten.pop(event.ticket.seq)
        self.notify(f"Not undone: {event.error}", severity="error", markup=False)
        step = self._undoing.pop(ticket.seq, None)
        if step is not None:
            self._restore(step)

    def _restore(self, step: Step) -> None:
        """Show a decision again that the library still holds, and keep it undoable."""
        self._states[step.paper_id] = step.after
        if step.ticket is None:  # a skip is never sent, so never restored
            return
        command = step.ticket.command
        if isinstance(command, SetStatus):
            self._session.decided[step.paper_id] = command.status
        self._steps.append(step)
        if self.current_id == step.paper_id and isinstance(command, SetStatus):
            self._advance()
        elif self.current_id == step.paper_id:
            self.query_one(TriageCard).show_state(step.after)
        self.refresh_bindings()
