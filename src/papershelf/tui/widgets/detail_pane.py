"""The selected paper in full, with its note rendered as markdown (or being edited) below."""

from __future__ import annotations

from datetime import datetime

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Markdown, Static

from papershelf.domain.models import Paper, PaperState
from papershelf.tui.display import STAR, STATUS_GLYPH, STATUS_WORD, clean, clean_block, openable_url
from papershelf.tui.widgets.note_editor import NoteEditor

NO_NOTE = "*No note yet: `n` writes one here, `e` opens `$EDITOR`.*"


def _when(at: str) -> str:
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return clean(at)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def detail_fields(paper: Paper, state: PaperState) -> list[tuple[str, str]]:
    """(label, value) rows for the detail grid, user text cleaned; empty fields left out."""
    status = f"{STATUS_GLYPH[state.status]} {STATUS_WORD[state.status]}"
    if state.starred:
        status += f"   {STAR} starred"
    rows = [
        ("Status", status),
        ("Authors", clean(", ".join(paper.authors))),
        ("Affiliations", clean("; ".join(paper.affiliations))),
        ("Venue", clean(paper.venue)),
        ("Topics", clean("; ".join(paper.topics))),
        ("Awards", clean("; ".join(paper.awards))),
        *(("Remark", clean(remark)) for remark in paper.remarks),
    ]
    for link in paper.links:
        url = clean(link.url)
        if openable_url(link.url) is None:
            url += "  (not opened: only http and https)"
        rows.append((clean(link.kind).capitalize() or "Link", url))
    for change in reversed(state.history[-8:]):
        glyph = STATUS_GLYPH[change.status]
        rows.append(("History", f"{_when(change.at)}  {glyph} {STATUS_WORD[change.status]}"))
    return [(label, value) for label, value in rows if value]


def detail_renderable(paper: Paper, state: PaperState) -> Group:
    """Title, then a two-column grid (wrapped values stay in their column); Text only."""
    title = Text(clean(paper.title), "bold", end="")
    if paper.withdrawn:
        title.append("  (withdrawn)", "italic")
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    previous = ""
    for label, value in detail_fields(paper, state):
        grid.add_row(Text("" if label == previous == "History" else label), Text(value))
        previous = label
    return Group(title, Text(""), grid)


class DetailPane(Vertical, can_focus=False):
    """Shows one paper; the note below is markdown until ``edit_note`` swaps in the editor."""

    class LinkClicked(Message):
        """A link in the rendered note was clicked; the screen decides whether to open it."""

        def __init__(self, href: str) -> None:
            super().__init__()
            self.href = href

    def __init__(self, *, autosave_seconds: float = 1.0, id: str | None = None) -> None:
        super().__init__(id=id)
        self._autosave = autosave_seconds
        self._shown: tuple[str, PaperState] | None = None
        self._note_shown: str | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-scroll"):
            yield Static("", id="detail-body")
            yield Markdown("", id="note-view", open_links=False)
        yield NoteEditor(autosave_seconds=self._autosave, id="note-editor")

    @property
    def editor(self) -> NoteEditor:
        return self.query_one(NoteEditor)

    @property
    def scroller(self) -> VerticalScroll:
        return self.query_one("#detail-scroll", VerticalScroll)

    @property
    def editing(self) -> bool:
        return self.has_class("-editing")

    def show(self, paper: Paper | None, state: PaperState) -> None:
        """Show ``paper`` (skips the work when nothing changed: j held down stays smooth)."""
        if paper is None:
            self._shown = None
            self.query_one("#detail-body", Static).update(Text("No paper selected.", "dim"))
            self._show_note(None)
            return
        if self._shown == (paper.id, state):
            return
        moved = self._shown is None or self._shown[0] != paper.id
        self._shown = (paper.id, state)
        self.query_one("#detail-body", Static).update(detail_renderable(paper, state))
        self._show_note(state.note)
        if moved:
            self.scroller.scroll_home(animate=False)

    def _show_note(self, note: str | None) -> None:
        if note == self._note_shown:
            return
        self._note_shown = note
        body = clean_block(note).strip() if note else ""
        markdown = self.query_one("#note-view", Markdown)
        markdown.update(body or (NO_NOTE if note is not None else ""))

    def edit_note(self, paper_id: str, text: str) -> None:
        self.add_class("-editing")
        self.editor.open_note(paper_id, text)
        self.editor.focus()

    def stop_editing(self) -> None:
        """Save and go back to the rendered note."""
        if self.editing:
            self.editor.close()
            self.remove_class("-editing")

    def on_note_editor_closed(self, event: NoteEditor.Closed) -> None:
        self.remove_class("-editing")

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.post_message(self.LinkClicked(event.href))
