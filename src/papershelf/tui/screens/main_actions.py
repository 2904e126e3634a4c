"""The main screen's paper actions that lead elsewhere: links, clipboard, $EDITOR, dialogs.

A base class of ``MainScreen`` so that screen stays about layout, view and changes; the
hooks it needs from the screen are declared here and implemented there.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import SuspendNotSupported
from textual.screen import Screen

from papershelf.domain.models import Paper, PaperState, Status
from papershelf.errors import PapershelfError
from papershelf.export import FORMATS, bibtex_entry
from papershelf.services.library import Library
from papershelf.tui import paper_actions
from papershelf.tui.display import openable_url
from papershelf.tui.screens.dialogs import ExportDialog, ImportDialog, LinkPicker
from papershelf.tui.shelf import NavKey, Shelf
from papershelf.tui.sync import LibrarySync
from papershelf.tui.widgets.detail_pane import DetailPane
from papershelf.tui.widgets.paper_list import PaperList

if TYPE_CHECKING:
    from papershelf.tui.screens.progress import Target


class PaperActions(Screen[None]):
    """``o``, ``O``, ``y``, ``Y``, ``e``, ``T``, ``p`` and the palette's import and export."""

    library: Library
    shelf: Shelf | None
    sync: LibrarySync

    # hooks the main screen implements ----------------------------------------------------
    @property
    def paper_list(self) -> PaperList:
        raise NotImplementedError

    @property
    def detail(self) -> DetailPane:
        raise NotImplementedError

    def _submit(
        self,
        op_kind: str,
        ids: Sequence[str],
        *,
        status: Status | None = None,
        starred: bool = False,
        text: str = "",
        base: str | None = None,
    ) -> None:
        raise NotImplementedError

    def _say(self, message: str, severity: str = "information", timeout: float = 4) -> None:
        raise NotImplementedError

    def narrow_to(self, key: NavKey) -> None:
        raise NotImplementedError

    # -- notes in $EDITOR --------------------------------------------------------------
    def action_edit_note_external(self) -> None:
        paper = self.paper_list.highlighted
        if paper is None or self.shelf is None:
            return
        self.detail.stop_editing()
        old = self.shelf.state(paper.id).note
        try:
            try:
                with self.app.suspend():
                    new = paper_actions.edit_in_editor(old, paper)
            except SuspendNotSupported:
                if not self.app.is_headless:
                    self._say("this terminal cannot hand over to an editor: use n", "warning")
                    return
                new = paper_actions.edit_in_editor(old, paper)
        except PapershelfError as exc:
            self._say(str(exc), "error")
            return
        if new is None:
            self._say("the editor failed: the note is unchanged", "warning")
        elif new != old:
            self._submit("note", [paper.id], text=new, base=old)

    # -- links and clipboard -----------------------------------------------------------
    def open_url_safely(self, url: str) -> None:
        target = openable_url(url)
        if target is None:
            self._say(f"not opening {url}: only http and https links are opened", "warning")
            return
        self.app.open_url(target)
        self._say(f"opening {target}")

    def action_open_link(self) -> None:
        paper = self.paper_list.highlighted
        if paper is None:
            return
        link = paper.main_link
        if link is None:
            self._say("this paper has no link", "warning")
            return
        self.open_url_safely(link.url)

    def action_pick_link(self) -> None:
        paper = self.paper_list.highlighted
        if paper is None or not paper.links:
            self._say("this paper has no link", "warning")
            return

        def chosen(url: str | None) -> None:
            if url is not None:
                self.open_url_safely(url)

        self.app.push_screen(LinkPicker(paper.title, paper.links), chosen)

    @on(DetailPane.LinkClicked)
    def _note_link(self, message: DetailPane.LinkClicked) -> None:
        self.open_url_safely(message.href)

    def action_copy_title(self) -> None:
        paper = self.paper_list.highlighted
        if paper is not None:
            self.app.copy_to_clipboard(paper_actions.title_and_link(paper))
            self._say("copied title and link")

    def action_copy_bibtex(self) -> None:
        paper = self.paper_list.highlighted
        if paper is not None and self.shelf is not None:
            self.app.copy_to_clipboard(bibtex_entry(paper, self.shelf.state(paper.id)))
            self._say("copied a BibTeX entry")

    # -- other screens -----------------------------------------------------------------
    def _hand_over(self) -> None:
        """Another screen uses the Library now: stop polling until it returns."""
        self.detail.stop_editing()
        self.sync.paused.set()

    def _take_back(self, _result: object = None) -> None:
        self.sync.paused.clear()
        self.sync.submit("reload")

    def action_triage(self) -> None:
        from papershelf.tui.screens.triage import TriageScreen

        shelf = self.shelf
        if shelf is None:
            return
        ids = [
            p.id
            for p in self.paper_list.papers
            if shelf.state(p.id).status is Status.UNREAD and not p.withdrawn
        ]
        if not ids:
            self._say(f"nothing unread in {shelf.scope.label}")
            return
        self._hand_over()
        self.app.push_screen(TriageScreen(self.library, ids, shelf.scope.label), self._take_back)

    def action_progress(self) -> None:
        from papershelf.tui.screens.progress import ProgressScreen

        def back(target: Target | None) -> None:
            self._take_back()
            if target is not None:
                venue, topic = target
                self.narrow_to(NavKey("topic", venue, topic) if topic else NavKey("venue", venue))
                self.paper_list.focus()

        self._hand_over()
        self.app.push_screen(ProgressScreen(self.library), back)

    def import_list(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._say(f"importing {path}…")
                self.sync.submit("import", files=[path])

        self.app.push_screen(ImportDialog(), chosen)

    def export_view(self) -> None:
        shelf = self.shelf
        if shelf is None:
            return
        papers = list(self.paper_list.papers)
        states = dict(shelf.states)

        def chosen(answer: tuple[str, Path] | None) -> None:
            if answer is not None:
                self._export(answer[0], answer[1], papers, states)

        self.app.push_screen(ExportDialog(FORMATS, len(papers), Path.cwd()), chosen)

    @work(thread=True, group="export", exclusive=True)
    def _export(
        self, fmt: str, path: Path, papers: list[Paper], states: dict[str, PaperState]
    ) -> None:
        try:
            count = paper_actions.export_file(path, fmt, papers, states)
        except PapershelfError as exc:
            self.app.call_from_thread(self._say, str(exc), "error")
        else:
            self.app.call_from_thread(self._say, f"exported {count} papers to {path}")
