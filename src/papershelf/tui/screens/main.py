"""The main screen: tree, list and detail; it holds the view and submits the user's changes.

Changes are optimistic: a key updates the shelf and the row at once and submits a typed
command to the session. Until the session reports it applied, the ticket stays in
``unconfirmed`` and is laid over every state snapshot read back from disk.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header

from papershelf.domain.models import PaperState, Status
from papershelf.export import FORMATS
from papershelf.services import session as ev
from papershelf.services.commands import Command, Export, Import, Redo, SetNote, SetStar, SetStatus
from papershelf.services.commands import Undo as UndoCommand
from papershelf.services.session import Session, Ticket
from papershelf.services.settings import UiOptions
from papershelf.services.unconfirmed import Unconfirmed
from papershelf.tui import keys
from papershelf.tui.screens import paper_actions
from papershelf.tui.screens.dialogs import ExportDialog, ImportDialog
from papershelf.tui.session_bridge import SessionEvent
from papershelf.tui.shelf import ALL, NavKey, Shelf, View
from papershelf.tui.widgets.detail_pane import DetailPane
from papershelf.tui.widgets.nav_tree import NavTree
from papershelf.tui.widgets.note_editor import NoteEditor
from papershelf.tui.widgets.paper_list import PaperList
from papershelf.tui.widgets.search_bar import SearchBar
from papershelf.tui.widgets.status_line import StatusLine

QUIT_WAIT_SECONDS = 3.0


class MainScreen(Screen[None]):
    """Browse, triage and annotate; ``T`` and ``p`` open the triage and progress screens."""

    BINDINGS = keys.MAIN_BINDINGS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-normal"), (170, "-wide")]
    AUTO_FOCUS = "#papers"

    view: reactive[View] = reactive(View, init=False, always_update=True)
    """What the list shows; setting it redraws list, status line and tree highlight.

    Setting the same value redraws too: pressing a status key again re-filters the list.
    """

    def __init__(
        self,
        session: Session,
        *,
        options: UiOptions | None = None,
        first_run: bool = False,
        library_path: str = "",
        on_fatal: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.on_fatal = on_fatal or (lambda error: self.app.exit(return_code=2))
        self.session = session
        self.options = options or UiOptions()
        self.first_run = first_run
        self.library_path = library_path
        self.shelf = Shelf([], {})
        self.unconfirmed = Unconfirmed()
        self.loaded = asyncio.Event()
        self.indexed = False
        self._quit_asked = False

    # -- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(icon="▤")
        with Horizontal(id="panes"):
            yield NavTree(id="nav")
            with Vertical(id="centre"):
                yield SearchBar(id="search")
                yield PaperList(id="papers")
            yield DetailPane(id="detail", autosave_seconds=self.options.autosave_seconds)
        yield StatusLine(id="status")
        yield Footer()

    @property
    def paper_list(self) -> PaperList:
        return self.query_one(PaperList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def nav(self) -> NavTree:
        return self.query_one(NavTree)

    def on_mount(self) -> None:
        self.title = "papershelf"
        self.sub_title = f"{self.library_path} · loading…"

    # -- the session's events ------------------------------------------------------------
    @on(SessionEvent)
    def _session_event(self, message: SessionEvent) -> None:
        event = message.event
        if isinstance(event, ev.Loaded):
            self._loaded(event)
        elif isinstance(event, ev.LoadFailed):
            self.on_fatal(event.error)
        elif isinstance(event, ev.IndexBuilt):
            self.shelf.set_index(event.index)
            self.indexed = True
        elif isinstance(event, ev.ChangedElsewhere):
            self._adopt(event.states, event.applied)
        elif isinstance(event, ev.Applied):
            self._applied(event)
        elif isinstance(event, ev.Failed):
            self._failed(event)
        elif isinstance(event, ev.Recovered):
            self.unconfirmed.error = None
            self._say("saved: the changes that failed are written now")
        elif isinstance(event, ev.Restored):
            for problem in event.problems:
                self._say(problem, "error", timeout=15)
            if event.count:
                self._say(f"applying {_plural(event.count)} kept from the last run")

    def _loaded(self, event: ev.Loaded) -> None:
        first = not self.loaded.is_set()
        states = self.unconfirmed.overlay(event.states, event.applied)
        self.shelf = Shelf(event.papers, states, event.venues)
        self.indexed = False
        self.nav.set_outline(self.shelf.outline, self.shelf.counts.of)
        self._refresh_view(keep=self._current_id())
        if first:
            self.paper_list.focus()
        self.call_after_refresh(self.session.shown.set)
        self.loaded.set()
        for report in event.reports:
            self._say(
                f"{report.source}: {report.found} papers, {report.new} new, "
                f"{report.updated} updated, {len(report.skipped)} lines skipped"
            )

    def _adopt(self, states: Mapping[str, PaperState], applied: int) -> None:
        touched = self.shelf.replace_states(self.unconfirmed.overlay(states, applied))
        self.nav.update_figures(touched, self.shelf.counts.of)
        self._refresh_view(keep=self._current_id())

    def _applied(self, event: ev.Applied) -> None:
        ticket, outcome = event.ticket, event.outcome
        mine = ticket.seq in self.unconfirmed.tickets
        self.unconfirmed.done(ticket)
        if event.states is not None and not outcome.catalog_changed:
            self._adopt(event.states, ticket.seq)
        elif not mine and ticket.command.paper_ids and outcome.change is not None:
            # Written by another screen (triage): show it here too.
            touched = self.shelf.update(ticket.command.paper_ids, _previewer(ticket))
            self.nav.update_figures(touched, self.shelf.counts.of)
            self._refresh_view(keep=self._current_id())
        if mine and isinstance(ticket.command, UndoCommand | Redo):
            word = ticket.command.kind
            if outcome.change is None:
                self._say(f"nothing to {word}")
            else:
                self._say(self._describe_change(outcome.change.label, outcome.change.paper_ids))
        if mine and outcome.exported is not None and isinstance(ticket.command, Export):
            self._say(f"exported {outcome.exported} papers to {ticket.command.path}")

    def _describe_change(self, label: str, ids: tuple[str, ...]) -> str:
        if len(ids) == 1 and ids[0] in self.shelf.by_id:
            return f"{label}: {self.shelf.by_id[ids[0]].title}"
        return f"{label} ({len(ids)} paper{'' if len(ids) == 1 else 's'})"

    def _failed(self, event: ev.Failed) -> None:
        ticket = event.ticket
        if ticket.seq not in self.unconfirmed.tickets:
            return
        if not event.retrying:
            self.unconfirmed.done(ticket)
            self._say(f"{ticket.command.kind} failed: {event.error}", "error")
            return
        self.unconfirmed.failed(event.error)
        if event.first:
            where = f"; kept in {event.kept_in} meanwhile" if event.kept_in else ""
            self._say(f"not saved yet, retrying: {event.error}{where}", "error", timeout=10)

    # -- view --------------------------------------------------------------------------
    def watch_view(self, old: View, new: View) -> None:
        keep = self._current_id() if new.query == old.query or not new.query else None
        self._refresh_view(keep=keep)
        if new.scope != old.scope:
            self.nav.move_cursor_to(new.scope)

    async def _let_widgets_queue_repaints(self) -> None:
        """Yield once so every widget just changed queues its repaint for the same frame."""
        await asyncio.sleep(0)

    def _current_id(self) -> str | None:
        paper = self.paper_list.highlighted
        return paper.id if paper else None

    def _refresh_view(self, *, keep: str | None = None) -> None:
        shelf = self.shelf
        self.paper_list.empty_text = (
            "No papers match: escape clears the search, 1 shows every status."
            if shelf.papers
            else "No papers yet: ctrl+p then “import a list…”."
        )
        self.paper_list.set_papers(shelf.view(self.view), shelf.states, keep=keep)
        self._show_detail()
        self._show_status()

    def _show_status(self) -> None:
        hint = "t to-read · r read · / search · ? help" if self.first_run else ""
        visible = len(self.paper_list.papers)
        selected = len(self.paper_list.selected_ids)
        read, total = self.shelf.counts.of(ALL)
        self.query_one(StatusLine).show(self.view.describe(), visible, total, selected, hint)
        self.sub_title = f"{self.library_path} · {total} papers · {read} read"

    def _show_detail(self) -> None:
        paper = self.paper_list.highlighted
        state = self.shelf.state(paper.id) if paper else PaperState()
        self.detail.show(paper, state)

    @on(PaperList.Highlighted)
    async def _highlighted(self, message: PaperList.Highlighted) -> None:
        if self.detail.editing and self.detail.editor.paper_id != message.paper_id:
            self.detail.stop_editing()
        with self.app.batch_update():
            self._show_detail()
            await self._let_widgets_queue_repaints()

    @on(PaperList.SelectionChanged)
    def _selection_changed(self) -> None:
        self._show_status()

    @on(PaperList.Opened)
    def _opened(self) -> None:
        self.set_class(False, "-detail-off")
        self.set_class(True, "-detail-on")
        self.detail.scroller.focus()

    @on(NavTree.ScopeChosen)
    def _scope_chosen(self, message: NavTree.ScopeChosen) -> None:
        statuses = frozenset() if message.key.kind == "status" else self.view.statuses
        self.view = replace(self.view, scope=message.key, statuses=statuses)

    # -- search, filters, sort -------------------------------------------------------------
    def action_focus_search(self) -> None:
        self.add_class("-searching")
        self.query_one(SearchBar).focus()

    @on(SearchBar.QueryChanged)
    async def _query_changed(self, message: SearchBar.QueryChanged) -> None:
        with self.app.batch_update():
            self.view = replace(self.view, query=message.query)
            await self._let_widgets_queue_repaints()

    @on(SearchBar.Left)
    def _search_left(self) -> None:
        if not self.query_one(SearchBar).value:
            self.remove_class("-searching")
        self.paper_list.focus()

    def _clear_search_box(self) -> None:
        self.query_one(SearchBar).value = ""
        self.remove_class("-searching")

    def action_clear(self) -> None:
        if self.paper_list.selected_ids:
            self.paper_list.clear_selection()
        elif self.view.query:
            self._clear_search_box()
        elif self.view.statuses:
            self.action_filter_status("all")

    def action_filter_status(self, value: str) -> None:
        statuses = frozenset() if value == "all" else frozenset({Status(value)})
        scope = ALL if self.view.scope.kind == "status" else self.view.scope
        self.view = replace(self.view, scope=scope, statuses=statuses)

    def action_cycle_sort(self) -> None:
        self.view = self.view.next_sort()
        self._say(f"sorted by {self.view.sort.value}")

    def narrow_to(self, key: NavKey) -> None:
        """Show all of ``key``'s papers (the progress screen's enter): search and status cleared."""
        self._clear_search_box()
        self.view = replace(self.view, scope=key, statuses=frozenset(), query="")

    def jump_to(self, paper_id: str) -> None:
        """Put the cursor on ``paper_id``, widening the view if it is filtered out."""
        paper = self.shelf.by_id.get(paper_id)
        if paper is None:
            return
        if all(p.id != paper_id for p in self.paper_list.papers):
            self._clear_search_box()
            scope = NavKey("withdrawn") if paper.withdrawn else ALL
            self.view = replace(self.view, scope=scope, statuses=frozenset(), query="")
        self._refresh_view(keep=paper_id)
        self.paper_list.focus()

    # -- changes -----------------------------------------------------------------------
    def _targets(self) -> tuple[list[str], bool]:
        """Selected papers if any (True), else the highlighted one."""
        selected = self.paper_list.selected_ids
        if selected:
            return selected, True
        paper = self.paper_list.highlighted
        return ([paper.id] if paper else []), False

    def submit(self, command: Command, *, advance: bool = False) -> None:
        """Show ``command`` on screen at once and hand it to the session.

        The cursor moves (``advance``) before the detail pane is drawn, so a status key
        redraws the pane once, for the next paper, in the same frame as the glyph.
        """
        ticket = self.session.submit(command)
        ids = command.paper_ids
        if not ids:
            return
        self.unconfirmed.add(ticket)
        touched = self.shelf.update(ids, _previewer(ticket))
        self.paper_list.update_states(self.shelf.states, ids)
        self.nav.update_figures(touched, self.shelf.counts.of)
        self.first_run = False
        if advance:
            self.paper_list.advance()
        self._show_detail()
        self._show_status()

    def action_set_status(self, value: str) -> None:
        ids, from_selection = self._targets()
        if not ids:
            return
        advance = not from_selection and self.options.advance_after_triage
        self.submit(SetStatus(tuple(ids), Status(value)), advance=advance)
        if from_selection:
            self.paper_list.clear_selection()

    def action_toggle_star(self) -> None:
        ids, from_selection = self._targets()
        if not ids:
            return
        # All starred -> unstar them; otherwise star every one.
        starred = not all(self.shelf.state(i).starred for i in ids)
        self.submit(SetStar(tuple(ids), starred))
        if from_selection:
            self.paper_list.clear_selection()

    def action_undo(self) -> None:
        self.unconfirmed.add(self.session.submit(UndoCommand()))

    def action_redo(self) -> None:
        self.unconfirmed.add(self.session.submit(Redo()))

    # -- notes -------------------------------------------------------------------------
    def action_edit_note(self) -> None:
        paper = self.paper_list.highlighted
        if paper is None:
            return
        self.set_class(False, "-detail-off")
        self.set_class(True, "-detail-on")
        self.detail.edit_note(paper.id, self.shelf.state(paper.id).note)

    @on(NoteEditor.SaveRequested)
    def _save_note(self, message: NoteEditor.SaveRequested) -> None:
        self.submit(SetNote(message.paper_id, message.text, message.base))

    @on(NoteEditor.Closed)
    def _note_closed(self) -> None:
        self._show_detail()
        self.paper_list.focus()

    def action_edit_note_external(self) -> None:
        paper = self.paper_list.highlighted
        if paper is None:
            return
        self.detail.stop_editing()
        old = self.shelf.state(paper.id).note
        new = paper_actions.edit_externally(self.app, old, self._say)
        if new is not None:
            self.submit(SetNote(paper.id, new, old))

    # -- links and clipboard -----------------------------------------------------------
    def action_open_link(self) -> None:
        if (paper := self.paper_list.highlighted) is not None:
            paper_actions.open_main_link(self.app, paper, self._say)

    def action_pick_link(self) -> None:
        if (paper := self.paper_list.highlighted) is not None:
            paper_actions.pick_link(self.app, paper, self._say)

    @on(DetailPane.LinkClicked)
    def _note_link(self, message: DetailPane.LinkClicked) -> None:
        paper_actions.open_url(self.app, message.href, self._say)

    def action_copy_title(self) -> None:
        if (paper := self.paper_list.highlighted) is not None:
            paper_actions.copy_title(self.app, paper, self._say)

    def action_copy_bibtex(self) -> None:
        if (paper := self.paper_list.highlighted) is not None:
            state = self.shelf.state(paper.id)
            paper_actions.copy_bibtex(self.app, paper, state, self._say)

    # -- other screens -----------------------------------------------------------------
    def action_triage(self) -> None:
        from papershelf.tui.screens.triage import TriageScreen

        papers = [
            p
            for p in self.paper_list.papers
            if self.shelf.state(p.id).status is Status.UNREAD and not p.withdrawn
        ]
        if not papers:
            self._say(f"nothing unread in {self.view.scope.label}")
            return
        self.detail.stop_editing()
        states = {p.id: self.shelf.state(p.id) for p in papers}
        screen = TriageScreen(self.session.submit, papers, states, self.view.scope.label)
        self.app.push_screen(screen, self._adopt_tickets)

    def _adopt_tickets(self, tickets: tuple[Ticket, ...] | None) -> None:
        """Another screen's changes the session has not written yet: show them here too."""
        touched: set[NavKey] = set()
        for ticket in tickets or ():
            if ticket.command.paper_ids:
                self.unconfirmed.add(ticket)
                touched |= self.shelf.update(ticket.command.paper_ids, _previewer(ticket))
        self.nav.update_figures(touched, self.shelf.counts.of)
        self._refresh_view(keep=self._current_id())

    def action_progress(self) -> None:
        from papershelf.tui.screens.progress import ProgressScreen, Target

        def back(target: Target | None) -> None:
            if target is not None:
                venue, topic = target
                self.narrow_to(NavKey("topic", venue, topic) if topic else NavKey("venue", venue))
                self.paper_list.focus()

        self.detail.stop_editing()
        screen = ProgressScreen(self.shelf.papers, dict(self.shelf.states))
        self.app.push_screen(screen, back)

    def import_list(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._say(f"importing {path}…")
                self.unconfirmed.add(self.session.submit(Import((path,))))

        self.app.push_screen(ImportDialog(), chosen)

    def export_view(self) -> None:
        ids = tuple(p.id for p in self.paper_list.papers)

        def chosen(answer: tuple[str, Path] | None) -> None:
            if answer is not None:
                self.unconfirmed.add(self.session.submit(Export(answer[0], answer[1], ids)))

        self.app.push_screen(ExportDialog(FORMATS, len(ids), Path.cwd()), chosen)

    # -- panes -------------------------------------------------------------------------
    def action_toggle_tree(self) -> None:
        shown = self.nav.display
        self.set_class(shown, "-tree-off")
        self.set_class(not shown, "-tree-on")
        if shown and self.nav.has_focus:
            self.paper_list.focus()

    def action_toggle_detail(self) -> None:
        shown = self.detail.display
        self.set_class(shown, "-detail-off")
        self.set_class(not shown, "-detail-on")
        if shown and self.detail.has_focus_within:
            self.detail.stop_editing()
            self.paper_list.focus()

    def action_focus_pane(self, step: int) -> None:
        """Cycle tree -> list -> detail (or the note being edited), skipping hidden panes."""
        panes: list[Widget] = [self.paper_list]
        if self.nav.display:
            panes.insert(0, self.nav)
        if self.detail.display:
            panes.append(self.detail.editor if self.detail.editing else self.detail.scroller)
        index = next((i for i, w in enumerate(panes) if w is self.focused), -1)
        panes[(index + step) % len(panes)].focus()

    # -- quitting ----------------------------------------------------------------------
    async def prepare_to_quit(self) -> bool:
        """Save the note being typed and wait for the session to write; False to stay.

        When changes still cannot be written, the first ``q`` says so; the second quits and
        the app keeps them in the pending-changes file for the next start.
        """
        unsaved = self.detail.editor.take_unsaved()
        if unsaved is not None:
            self.submit(SetNote(*unsaved))
        self.detail.stop_editing()
        if self._quit_asked:
            return True
        deadline = time.monotonic() + QUIT_WAIT_SECONDS
        while not self.session.idle and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        if not self.session.unwritten():
            return True
        self._quit_asked = True
        count = len(self.session.unwritten())
        self._say(
            f"{_changes(count)} not saved ({self.unconfirmed.error or 'still writing'}):"
            " press q again to quit and keep them for the next start",
            "error",
            timeout=15,
        )
        return False

    def _say(self, message: str, severity: str = "information", timeout: float = 4) -> None:
        """A notification; user text inside is never markup."""
        self.app.notify(message, severity=severity, timeout=timeout, markup=False)  # type: ignore[arg-type]


def _previewer(ticket: Ticket) -> Callable[[PaperState], PaperState]:
    """How ``ticket`` changes one state, for the shelf's optimistic update."""
    return lambda state: ticket.command.preview(state, ticket.at)


def _plural(count: int) -> str:
    return "1 change" if count == 1 else f"{count} changes"


def _changes(count: int) -> str:
    return f"{_plural(count)} {'is' if count == 1 else 'are'}"
