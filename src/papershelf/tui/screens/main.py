"""The main screen: tree, list and detail; it owns the view state and talks to the Library.

Changes are optimistic: a key updates the in-memory state and the row at once, then the
change is queued for the Library thread (``tui.sync``). Until the Library confirms it, the
change stays in ``pending`` and is laid over every state snapshot read back from disk.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, Header

from papershelf.domain.models import PaperState, Status
from papershelf.services.library import Library
from papershelf.services.settings import UiOptions
from papershelf.tui import keys
from papershelf.tui.screens.main_actions import PaperActions
from papershelf.tui.shelf import ALL, NavKey, Shelf
from papershelf.tui.sync import (
    IndexBuilt,
    LibrarySync,
    Loaded,
    LoadFailed,
    OpDone,
    OpFailed,
    PendingChanges,
    Snapshot,
)
from papershelf.tui.widgets.detail_pane import DetailPane
from papershelf.tui.widgets.nav_tree import NavTree
from papershelf.tui.widgets.note_editor import NoteEditor
from papershelf.tui.widgets.paper_list import PaperList
from papershelf.tui.widgets.search_bar import SearchBar
from papershelf.tui.widgets.status_line import StatusLine

QUIT_WAIT_SECONDS = 3.0


class MainScreen(PaperActions):
    """Browse, triage and annotate; ``T`` and ``p`` open the triage and progress screens."""

    BINDINGS = keys.MAIN_BINDINGS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-normal"), (170, "-wide")]
    AUTO_FOCUS = "#papers"

    def __init__(
        self,
        library: Library,
        *,
        options: UiOptions | None = None,
        first_run: bool = False,
        library_path: str = "",
        on_fatal: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.on_fatal = on_fatal or (lambda error: self.app.exit(return_code=2))
        self.library = library
        self.options = options or UiOptions()
        self.first_run = first_run
        self.library_path = library_path
        self.shelf: Shelf | None = None
        self.sync = LibrarySync(library, self.post_message)
        self.pending = PendingChanges()
        self._quit_anyway = False
        self.loaded = asyncio.Event()

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
        self.run_worker(self.sync.run, name="library", group="library", thread=True)

    def on_unmount(self) -> None:
        self.sync.stop()

    # -- results from the Library thread ----------------------------------------------
    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        old = self.shelf
        states = self.pending.overlay(message.states, message.applied)
        shelf = Shelf(message.papers, states, message.venues)
        if old is not None:
            shelf.scope, shelf.statuses, shelf.query, shelf.sort = (
                old.scope,
                old.statuses,
                old.query,
                old.sort,
            )
        self.shelf = shelf
        self.nav.set_outline(shelf.outline, shelf.counts.of)
        keep = self._current_id()
        self._refresh_view(keep=keep)
        if old is None:
            self.paper_list.focus()
        self.call_after_refresh(self.sync.shown.set)
        self.loaded.set()
        for report in message.reports:
            self._say(
                f"{report.source}: {report.found} papers, {report.new} new, "
                f"{report.updated} updated, {len(report.skipped)} lines skipped"
            )

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.on_fatal(message.error)

    @on(IndexBuilt)
    def _index_built(self, message: IndexBuilt) -> None:
        if self.shelf is not None:
            self.shelf.set_index(message.index)
        # The load, the view model, the tree and the index leave tens of thousands of new
        # long-lived objects, and the first full collection that scans them (about 20 ms
        # at 50,000 papers) would land on some later keystroke. Run it now, while the
        # user is still reading the first screen; the next one waits until a quarter as
        # many long-lived objects again have piled up.
        gc.collect()

    @on(Snapshot)
    def _snapshot(self, message: Snapshot) -> None:
        if self.shelf is None:
            return
        touched = self.shelf.replace_states(self.pending.overlay(message.states, message.applied))
        self.nav.update_figures(touched, self.shelf.counts.of)
        self._refresh_view(keep=self._current_id())

    @on(OpDone)
    def _op_done(self, message: OpDone) -> None:
        if self.pending.done(message.op):
            self._say("saved: the changes that failed are written now")
        op, change = message.op, message.change
        if op.kind in ("undo", "redo"):
            if change is None:
                self._say(f"nothing to {op.kind}")
            else:
                count = len(change.paper_ids)
                self._say(f"{change.label} ({count} paper{'' if count == 1 else 's'})")

    @on(OpFailed)
    def _op_failed(self, message: OpFailed) -> None:
        if not message.retrying:
            self._say(f"{message.op.kind} failed: {message.error}", "error")
            return
        if self.pending.failed(message.error):
            self._say(f"not saved yet, retrying: {message.error}", "error", timeout=10)

    # -- view --------------------------------------------------------------------------
    async def _let_widgets_queue_repaints(self) -> None:
        """Yield once so the widgets just changed can queue their repaints on this screen.

        Called inside ``App.batch_update`` by handlers of per-keystroke messages: the
        screen then goes idle with every change queued, and they all go out in one frame
        (otherwise the first repaint to arrive gets a frame of its own and the rest wait
        for the next, 17 to 33 ms later).
        """
        await asyncio.sleep(0)

    def _current_id(self) -> str | None:
        paper = self.paper_list.highlighted
        return paper.id if paper else None

    def _refresh_view(self, *, keep: str | None = None) -> None:
        shelf = self.shelf
        if shelf is None:
            return
        papers = shelf.view()
        self.paper_list.empty_text = (
            "No papers match: escape clears the search, 1 shows every status."
            if shelf.papers
            else "No papers yet: ctrl+p then “import a list…”."
        )
        self.paper_list.set_papers(papers, shelf.states, keep=keep)
        self._show_detail()
        self._show_status()

    def _show_status(self) -> None:
        shelf = self.shelf
        if shelf is None:
            return
        hint = ""
        if self.first_run:
            hint = "t to-read · r read · / search · ? help"
        visible = len(self.paper_list.papers)
        selected = len(self.paper_list.selected_ids)
        read, total = shelf.counts.of(ALL)
        self.query_one(StatusLine).show(shelf.describe(), visible, total, selected, hint)
        self.sub_title = f"{self.library_path} · {total} papers · {read} read"

    def _show_detail(self) -> None:
        if self.shelf is None:
            return
        paper = self.paper_list.highlighted
        state = self.shelf.state(paper.id) if paper else PaperState()
        self.detail.show(paper, state)

    @on(PaperList.Highlighted)
    async def _highlighted(self, message: PaperList.Highlighted) -> None:
        editor = self.detail.editor
        if self.detail.editing and editor.paper_id != message.paper_id:
            self.detail.stop_editing()
        with self.app.batch_update():
            self._show_detail()
            await self._let_widgets_queue_repaints()

    @on(PaperList.SelectionChanged)
    def _selection_changed(self) -> None:
        self._show_status()

    @on(PaperList.Opened)
    def _opened(self) -> None:
        self.add_class("-detail-on")
        self.remove_class("-detail-off")
        self.detail.scroller.focus()

    @on(NavTree.ScopeChosen)
    def _scope_chosen(self, message: NavTree.ScopeChosen) -> None:
        shelf = self.shelf
        if shelf is None or message.key == shelf.scope:
            return
        shelf.scope = message.key
        if message.key.kind == "status":
            shelf.statuses = frozenset()
        self._refresh_view(keep=self._current_id())

    # -- search ------------------------------------------------------------------------
    def action_focus_search(self) -> None:
        self.add_class("-searching")
        self.query_one(SearchBar).focus()

    @on(SearchBar.QueryChanged)
    async def _query_changed(self, message: SearchBar.QueryChanged) -> None:
        if self.shelf is None or self.shelf.query == message.query:
            return
        self.shelf.query = message.query
        with self.app.batch_update():
            self._refresh_view()
            await self._let_widgets_queue_repaints()

    @on(SearchBar.Left)
    def _search_left(self, message: SearchBar.Left) -> None:
        if not self.query_one(SearchBar).value:
            self.remove_class("-searching")
        self.paper_list.focus()

    def action_clear(self) -> None:
        shelf = self.shelf
        if shelf is None:
            return
        if self.paper_list.selected_ids:
            self.paper_list.clear_selection()
        elif shelf.query:
            self.query_one(SearchBar).value = ""
            self.remove_class("-searching")
        elif shelf.statuses:
            self.action_filter_status("all")

    def action_filter_status(self, value: str) -> None:
        shelf = self.shelf
        if shelf is None:
            return
        shelf.statuses = frozenset() if value == "all" else frozenset({Status(value)})
        if shelf.scope.kind == "status":
            shelf.scope = ALL
            self.nav.move_cursor_to(ALL)
        self._refresh_view(keep=self._current_id())

    def action_cycle_sort(self) -> None:
        if self.shelf is not None:
            key = self.shelf.next_sort()
            self._refresh_view(keep=self._current_id())
            self._say(f"sorted by {key.value}")

    def narrow_to(self, key: NavKey) -> None:
        """Show all of ``key``'s papers (the progress screen's enter): search and status cleared."""
        if self.shelf is None:
            return
        self.shelf.scope, self.shelf.statuses, self.shelf.query = key, frozenset(), ""
        self.query_one(SearchBar).value = ""
        self.remove_class("-searching")
        self.nav.move_cursor_to(key)
        self._refresh_view(keep=self._current_id())

    def jump_to(self, paper_id: str) -> None:
        """Put the cursor on ``paper_id``, widening the view if it is filtered out."""
        shelf = self.shelf
        if shelf is None or paper_id not in shelf.by_id:
            return
        if all(p.id != paper_id for p in self.paper_list.papers):
            shelf.statuses, shelf.query = frozenset(), ""
            self.query_one(SearchBar).value = ""
            self.remove_class("-searching")
            shelf.scope = NavKey("withdrawn") if shelf.by_id[paper_id].withdrawn else ALL
            self.nav.move_cursor_to(shelf.scope)
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

    def _submit(
        self,
        op_kind: str,
        ids: Sequence[str],
        *,
        status: Status | None = None,
        starred: bool = False,
        text: str = "",
        base: str | None = None,
        advance: bool = False,
    ) -> None:
        """Apply a change on screen at once and queue it; ``advance`` moves the cursor on.

        The cursor moves before the detail pane is drawn, so a status key redraws the pane
        once (for the next paper), in the same frame as the glyph.
        """
        shelf = self.shelf
        if shelf is None or not ids:
            return
        op = self.sync.submit(
            op_kind, ids=ids, status=status, starred=starred, text=text, base=base
        )
        self.pending.add(op)
        touched = shelf.update(ids, op.apply)
        self.paper_list.update_states(shelf.states, ids)
        self.nav.update_figures(touched, shelf.counts.of)
        if self.first_run:
            self.first_run = False
        if advance:
            self.paper_list.advance()
        self._show_detail()
        self._show_status()

    def action_set_status(self, value: str) -> None:
        ids, from_selection = self._targets()
        advance = bool(ids) and not from_selection and self.options.advance_after_triage
        self._submit("status", ids, status=Status(value), advance=advance)
        if from_selection:
            self.paper_list.clear_selection()

    def action_toggle_star(self) -> None:
        if self.shelf is None:
            return
        ids, from_selection = self._targets()
        if not ids:
            return
        # All starred -> unstar them; otherwise star every one.
        starred = not all(self.shelf.state(i).starred for i in ids)
        self._submit("star", ids, starred=starred)
        if from_selection:
            self.paper_list.clear_selection()

    def action_undo(self) -> None:
        self.sync.submit("undo")

    def action_redo(self) -> None:
        self.sync.submit("redo")

    # -- notes -------------------------------------------------------------------------
    def action_edit_note(self) -> None:
        paper = self.paper_list.highlighted
        if paper is None or self.shelf is None:
            return
        self.add_class("-detail-on")
        self.remove_class("-detail-off")
        self.detail.edit_note(paper.id, self.shelf.state(paper.id).note)

    @on(NoteEditor.SaveRequested)
    def _save_note(self, message: NoteEditor.SaveRequested) -> None:
        self._submit("note", [message.paper_id], text=message.text, base=message.base)

    @on(NoteEditor.Closed)
    def _note_closed(self) -> None:
        self._show_detail()
        self.paper_list.focus()

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
        """Save the note being typed and wait for every change to land; False to stay."""
        unsaved = self.detail.editor.take_unsaved()
        if unsaved is not None:
            self._submit("note", [unsaved[0]], text=unsaved[1], base=unsaved[2])
        self.detail.stop_editing()
        if self._quit_anyway:
            return True
        deadline = time.monotonic() + QUIT_WAIT_SECONDS
        while self.pending and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        if not self.pending:
            return True
        self._quit_anyway = True
        self._say(
            f"{len(self.pending)} changes are not saved ({self.pending.error or 'still writing'}):"
            " press q again to quit without them",
            "error",
            timeout=15,
        )
        return False

    def _say(self, message: str, severity: str = "information", timeout: float = 4) -> None:
        """A notification; user text inside is never markup."""
        self.app.notify(message, severity=severity, timeout=timeout, markup=False)  # type: ignore[arg-type]
