"""The main screen: tree, list and detail; it holds the view and submits the user's changes.

Changes are optimistic: a key updates the shelf and the row at once and submits a command;
until the session applies it, its ticket is laid over every state snapshot read from disk.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Literal

from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen

from papershelf.domain.models import PaperState, Status
from papershelf.domain.text import plural
from papershelf.services import session as ev
from papershelf.services.session import Session, Ticket
from papershelf.services.settings import UiOptions
from papershelf.tui import keys
from papershelf.tui.cover import covering, uncover
from papershelf.tui.key_hints import keymap_of, note_left, resting_in_tree
from papershelf.tui.live_shelf import LiveShelf
from papershelf.tui.screens import targets
from papershelf.tui.screens.on_demand import cmd, paper_actions
from papershelf.tui.screens.start import AFTER_FIRST, Start
from papershelf.tui.session_bridge import SessionEvent
from papershelf.tui.shelf import Shelf, View
from papershelf.tui.widgets import note_messages
from papershelf.tui.widgets.detail_pane import DetailPane
from papershelf.tui.widgets.fitted_footer import main_footer
from papershelf.tui.widgets.header import ShelfHeader
from papershelf.tui.widgets.nav_tree import NavTree
from papershelf.tui.widgets.panes import Panes
from papershelf.tui.widgets.paper_list import PaperList
from papershelf.tui.widgets.shelf_view import ShelfView
from papershelf.tui.widgets.status_line import FLASH_SECONDS, StatusLine, focus_hint

TOAST_SECONDS = {"error": 10.0, "report": 15.0}  # else 4 s; the status line keeps a report


class MainScreen(Screen[None]):
    """Browse, triage and annotate; ``T`` and ``p`` open the triage and progress screens."""

    BINDINGS = keys.main_screen_bindings()
    AUTO_FOCUS = "#papers"

    def __init__(
        self,
        session: Session,
        *,
        options: UiOptions | None = None,
        first_run: bool = False,
        library_path: str = "",
        on_fatal: Callable[[str], None] | None = None,
        first: ev.Loaded | None = None,
    ) -> None:
        super().__init__()
        self.on_fatal = on_fatal or (lambda error: self.app.exit(return_code=2))
        self.session = session
        self.options = options or UiOptions()
        self.first_run = first_run
        self.library_path = library_path
        self.live = LiveShelf()
        self.loaded = asyncio.Event()
        self.start = Start(first)

    # -- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ShelfHeader(self.library_path, icon="▤")
        with Panes(id="panes"):
            yield NavTree(id="nav")
            yield ShelfView(id="centre")
            yield DetailPane(id="detail", autosave_seconds=self.options.autosave_seconds)
        yield StatusLine(id="status")
        yield main_footer()
        yield from covering(self.start.cover)

    @property
    def paper_list(self) -> PaperList:
        return self.shelf_view.paper_list

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def nav(self) -> NavTree:
        return self.query_one(NavTree)

    @property
    def panes(self) -> Panes:
        return self.query_one(Panes)

    def on_mount(self) -> None:
        self.shelf_view.on_shown = self._view_shown
        self.title = "papershelf"
        self.sub_title = f"{self.library_path} · loading…"
        self._alike = self.set_interval(1.0, self._ask_alike, pause=True)  # one, restarted
        if self.start.first is not None:
            self._session_event(SessionEvent(self.start.first))

    # -- the session's events ------------------------------------------------------------
    @property
    def shelf(self) -> Shelf:
        return self.live.shelf

    @on(SessionEvent)
    def _session_event(self, message: SessionEvent) -> None:
        event = message.event
        if isinstance(event, ev.LoadFailed):
            return self.on_fatal(event.error)
        effect = self.live.handle(event)
        shown = self.loaded.is_set()
        if isinstance(event, ev.Loaded) and not shown and not self.start.show(event, self):
            # The remembered node is not in yet: nothing drawn, and the load goes on.
            self.set_timer(AFTER_FIRST, self.session.shown.set)
            return self._show_status()
        self.shelf_view.shelf = self.shelf
        if effect.rebuilt and shown:
            self.nav.show_shelf(self.shelf)
        elif effect.rebuilt and self.start.progress is None:
            self.set_timer(AFTER_FIRST, self._show_tree)  # the list first, the tree after
        elif effect.rebuilt:  # part of the catalog: the tree of what is in so far, after
            self.set_timer(AFTER_FIRST, partial(self.start.part_tree, self))
        elif effect.touched:
            self.nav.update_from(self.shelf, effect.touched)
        if effect.redraw:
            self._refresh_view(keep=self.shelf_view.current_id())
        if effect.focus is not None:
            self.shelf_view.show_paper(effect.focus)
        for text, severity in effect.notes:
            self._say(text, severity, timeout=TOAST_SECONDS.get(severity, 4))
        if effect.then is not None:  # an update's import, once its lists were fetched
            self.submit(effect.then)
        if isinstance(event, ev.Loaded):
            if not shown and event.partial is None:
                self.paper_list.focus()
                self.loaded.set()
            self.set_timer(AFTER_FIRST, self.session.shown.set)

    @property
    def shelf_view(self) -> ShelfView:
        return self.query_one(ShelfView)

    @property
    def view(self) -> View:
        return self.shelf_view.view

    def _view_shown(self, old: View, new: View) -> None:
        self._show_detail()
        self._show_status()
        if new.scope != old.scope:
            self.nav.move_cursor_to(new.scope)

    def _refresh_view(self, *, keep: str | None = None) -> None:
        self.shelf_view.redraw(keep)
        self._show_detail()
        self._show_status()

    def _show_status(self) -> None:
        bar, keymap = self.shelf_view.search_bar, keymap_of(self.app)
        hints = (self.panes.hint(), self.start.hint(self.first_run, keymap))
        hint = focus_hint(self.focused, bar, self.detail.scroller, keymap, hints, self.nav)
        visible: int | None = len(self.paper_list.papers)
        selected = len(self.paper_list.selected_ids)
        total = self.shelf.all_figures()[1]
        describe = self.view.describe()
        if self.start.held:  # not "all papers 0 of 199": the view left last time, counts to come
            describe, visible = "the view you left", None
        self.query_one(StatusLine).show(describe, visible, total, selected, hint)
        self.sub_title = f"{self.library_path} · {self.start.summary(self.live)}"
        self.start.title_tree(self.nav)

    def _show_detail(self) -> None:
        left = self.detail.note_left(self.shelf.by_id)  # the open note's paper left the list
        paper = left or self.paper_list.highlighted
        if paper is None:
            self.detail.show(None, PaperState())
            return
        pid, live = paper.id, self.live
        self.detail.show(paper, self.shelf.state(pid), live.found(pid), live.possible(pid))
        if pid not in live.duplicates and left is None:  # asked once the cursor rests (1 s)
            self._alike.reset()
            self._alike.resume()

    def _ask_alike(self) -> None:
        self._alike.pause()
        paper = self.paper_list.highlighted
        if paper is not None and paper.id not in self.live.duplicates:
            self.live.duplicates[paper.id] = ()  # asked: not again while the answer comes
            self.session.submit_aside(cmd.FindDuplicates(paper.id))

    def action_same_paper(self) -> None:
        paper = self.paper_list.highlighted
        paper_actions.same_paper(self.app, self.live, paper, self.submit, self._say)

    @on(PaperList.Highlighted)
    async def _highlighted(self, message: PaperList.Highlighted) -> None:
        if self.detail.leave_note_for(message.paper_id, self.shelf.by_id) is not None:
            self._say(note_left(keymap_of(self.app)), "warning")
        with self.app.batch_update():
            self._show_detail()
            await asyncio.sleep(0)  # the detail pane's repaint joins the list's frame

    @on(PaperList.SelectionChanged)
    @on(Panes.Changed)
    def _status_changed(self) -> None:
        self._show_status()

    @on(PaperList.Opened)
    def _opened(self) -> None:
        self.panes.show_detail()
        self.detail.scroller.focus()
        self.query_one(StatusLine).drop_feedback()  # the details' keys show instead

    def action_focus_list(self) -> None:
        self.paper_list.focus()
        self.query_one(StatusLine).drop_feedback()  # seen (the tree's): the list's hint shows

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # the footer shows the keys of the focused pane
        self._show_status()  # and the status line its hint

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Paper keys rest while the tree has focus; every key here while a note is typed."""
        if not self.is_mounted:
            return True
        resting = action in keys.PAPER_ACTIONS and self.focused is self.nav  # has_focus lags
        return not (self.detail.editing or resting)

    def on_key(self, event: events.Key) -> None:
        if self.focused is self.nav and (said := resting_in_tree(keymap_of(self.app), event)):
            self._say(said)

    @on(NavTree.ScopeChosen)
    def _scope_chosen(self, message: NavTree.ScopeChosen) -> None:
        if (cursor := self.nav.cursor_node) is not None and cursor.data != message.key:
            return  # the cursor moved on: showing this scope would pull it back (and bounce)
        statuses = frozenset() if message.key.kind == "status" else self.view.statuses
        self.shelf_view.view = replace(self.view, scope=message.key, statuses=statuses)

    def action_focus_search(self) -> None:
        self.shelf_view.focus_search()
        self.query_one(StatusLine).drop_feedback()  # the search box's keys show instead

    def action_clear(self) -> None:
        """Back to the list from any pane; there, clear the selection, the search, the filter."""
        if not self.paper_list.has_focus:
            self.paper_list.focus()
        else:
            self.shelf_view.clear()

    def action_filter_status(self, value: str) -> None:
        self.shelf_view.filter_status(value)

    def action_cycle_sort(self) -> None:
        self.shelf_view.view = self.view.next_sort()
        self._say(f"sorted by {self.view.sort.value}")

    # -- changes -----------------------------------------------------------------------
    def submit(self, command: cmd.Command, *, advance: bool = False) -> None:
        """Show ``command`` at once, then hand it over; ``advance`` moves the cursor first."""
        ticket = self.session.submit(command)
        touched = self.live.submitted(ticket)
        if not (ids := command.paper_ids):
            return
        self.paper_list.update_states(self.shelf.states, ids)
        self.nav.update_from(self.shelf, touched)
        self.first_run = False
        if advance:
            self.paper_list.advance()
        self._show_detail()
        self._show_status()

    def action_set_status(self, value: str) -> None:
        chosen = targets.chosen(self.paper_list)
        if not (ids := tuple(chosen.ids)):
            return
        advance = not chosen.selection and self.options.advance_after_triage
        said = self.live.describe_marking(Status(value), ids)  # before: it may change nothing
        self.submit(cmd.SetStatus(ids, Status(value)), advance=advance)
        self._say(said)
        targets.changed(self.paper_list, chosen)

    def action_toggle_star(self) -> None:
        chosen = targets.chosen(self.paper_list)
        if not (ids := tuple(chosen.ids)):
            return
        starred = not all(self.shelf.state(i).starred for i in ids)  # all starred: unstar
        self.submit(cmd.SetStar(ids, starred))
        self._say(self.live.describe("starred" if starred else "unstarred", ids))
        targets.changed(self.paper_list, chosen)

    def action_enrich(self, ids: tuple[str, ...] = ()) -> None:
        """Look papers up in the sources on a thread of their own; the keys stay free."""
        ids = ids or tuple(targets.chosen(self.paper_list).ids)
        if ids:
            self.live.submitted(self.session.submit_aside(cmd.Enrich(ids)))
            self.query_one(StatusLine).flash(f"looking up {plural(len(ids), 'paper')}…", None)

    def action_tag(self) -> None:
        chosen = targets.chosen(self.paper_list)
        if papers := [self.shelf.by_id[i] for i in chosen.ids]:
            known, state_of = self.shelf.counts.tags(), self.shelf.state
            done = partial(targets.changed, self.paper_list, chosen)  # once tags are sent
            paper_actions.ask_tags(self.app, papers, state_of, known, self.submit, self._say, done)

    def action_undo(self) -> None:
        self.submit(cmd.Undo(here=True, confirmed=self.live.offered))

    def action_redo(self) -> None:
        self.submit(cmd.Redo(here=True, confirmed=self.live.offered_redo))

    # -- notes -------------------------------------------------------------------------
    def action_edit_note(self) -> None:
        paper = self.paper_list.highlighted
        if paper is None:
            return
        self.panes.show_detail()
        self.detail.edit_note(paper, self.shelf.state(paper.id).note)

    @on(note_messages.SaveRequested)
    def _save_note(self, message: note_messages.SaveRequested) -> None:
        self.submit(cmd.SetNote(message.paper_id, message.text, message.base))

    @on(note_messages.Closed)
    def _note_closed(self, message: note_messages.Closed) -> None:
        self._show_detail()
        self.paper_list.focus()
        if message.changed:  # what escape did: the editor's "saved" has gone with it
            self._say(self.live.describe("note saved", (message.paper_id,)))

    def action_edit_note_external(self) -> None:
        if (paper := self.paper_list.highlighted) is not None:
            self.detail.stop_editing()
            old = self.shelf.state(paper.id).note
            if (new := paper_actions.edit_externally(self.app, old, self._say)) is not None:
                self.submit(cmd.SetNote(paper.id, new, old))

    def action_paper(self, what: str) -> None:
        """``o``, ``O``, ``y``, ``Y``, ``c``: the paper's links and the clipboard."""
        if (paper := self.paper_list.highlighted) is not None:
            paper_actions.ACTIONS[what](self.app, paper, self.live, self._say)

    @on(DetailPane.LinkClicked)
    def _note_link(self, message: DetailPane.LinkClicked) -> None:
        paper_actions.open_url(self.app, message.href, self._say)

    def action_triage(self) -> None:
        from papershelf.tui.screens.opening import triage_screen

        shown, scope = self.paper_list.papers, self.view.label()
        screen = triage_screen(self.live, shown, scope, self.session.submit)
        if screen is None:
            return self._say(f"nothing unread in {scope}")
        self.detail.stop_editing()
        self.app.push_screen(screen, self._adopt_tickets)

    def _adopt_tickets(self, tickets: tuple[Ticket, ...] | None) -> None:
        """Another screen's changes the session has not written yet: show them here too."""
        self.nav.update_from(self.shelf, self.live.adopt(tickets or (), self.session.is_unwritten))
        self._refresh_view(keep=self.shelf_view.current_id())

    def action_progress(self) -> None:
        from papershelf.tui.screens.opening import progress_screen

        self.detail.stop_editing()
        narrow, then = self.shelf_view.narrow_to, self.paper_list.focus
        self.app.push_screen(*progress_screen(self.live, narrow, then))

    def action_toggle_pane(self, side: Literal["tree", "detail"]) -> None:
        self.panes.toggle(side)

    def action_focus_pane(self, step: int) -> None:
        self.panes.focus_step(step)

    def _show_tree(self) -> None:
        """After the first papers: the note views, then the tree (counted on a thread)."""
        self.detail.mount_note_views()
        # The screen kept at the last quit gives way to this one once the tree is drawn.
        self.start.whole_tree(self, partial(uncover, self))

    def save_typing(self) -> None:
        """Hand the note being typed to the session now (the app is about to quit)."""
        if (unsaved := self.detail.take_unsaved()) is not None:
            self.submit(cmd.SetNote(*unsaved))
        self.detail.stop_editing()

    def _say(self, message: str, severity: str = "information", timeout: float = 4) -> None:
        """Status line (a report stays until the next); a warning or error toasts too. No markup."""
        line, seconds = self.query_one(StatusLine), None if severity == "report" else FLASH_SECONDS
        (line.flash if severity == "information" else line.warn)(message, seconds)
        if severity != "information":  # a "report" (an import's result) is a longer toast
            level = "information" if severity == "report" else severity
            self.app.notify(message, severity=level, timeout=timeout, markup=False)  # type: ignore[arg-type]
