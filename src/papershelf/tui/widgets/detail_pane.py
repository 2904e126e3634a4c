"""The selected paper in full, with its note rendered as markdown (or being edited) below."""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.visual import Visual, visualize

from papershelf.domain.enrichment import NO_ENRICHMENT, Enrichment
from papershelf.domain.models import Paper, PaperState
from papershelf.domain.notes import CONFLICT_END, CONFLICT_SPLIT, CONFLICT_START
from papershelf.tui import keys
from papershelf.tui.display import clean_block
from papershelf.tui.key_hints import key_named, keymap_of, no_note
from papershelf.tui.widgets import note_messages
from papershelf.tui.widgets.detail_fields import detail_renderable
from papershelf.tui.widgets.muted import muted_style, undim_lines

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.widgets import Markdown

    from papershelf.tui.widgets.note_editor import NoteEditor

RENDERED_NOTE_LIMIT = 20_000
"""Characters of a note rendered as markdown under the details. Markdown mounts a widget per
block, so a note of megabytes would freeze the app for tens of seconds; the rest is a key away."""
RENDERED_NOTE_LINES = 60
"""Lines of a note rendered: a list's every line is a block of its own. 20,000 characters of
short bullets (480 lines) took 6.5 s to show as the cursor reached the paper, and 0.8 s to
leave; cut at 60 lines, 0.85 s and 0.33 s (Pilot, 120x40, the machine busy)."""


_MARKERS = tuple(line.split(":", 1)[0] for line in (CONFLICT_START, CONFLICT_SPLIT, CONFLICT_END))
"""How a merge's marker lines begin (``<<<<<<< papershelf``...)."""


def _markers_apart(body: str) -> str:
    """Each marker line of a merged note as a paragraph of its own, in italics.

    As markdown, ``>>>>>>>`` began a quote seven deep and the other two ran into the lines
    beside them, so the two versions did not read apart.
    """
    if "papershelf" not in body:
        return body
    lines = body.split("\n")
    shown = [f"\n*\\{line}*\n" if line.startswith(_MARKERS) else line for line in lines]
    return "\n".join(shown)


def _line_end(text: str, lines: int) -> int:
    """Where ``text``'s first ``lines`` lines end (its length when it has no more)."""
    at = -1
    for _ in range(lines):
        at = text.find("\n", at + 1)
        if at < 0:
            return len(text)
    return at


def _closing_fence(text: str) -> str:
    """The line that closes a code block ``text`` leaves open, else nothing."""
    fence = ""
    for line in text.split("\n"):
        mark = line.lstrip()[:3]
        if mark in ("```", "~~~") and (not fence or mark == fence):
            fence = "" if fence else mark
    return f"\n{fence}" if fence else ""


def note_markdown(note: str, keymap: Mapping[str, str] | None = None) -> str:
    """The markdown shown for ``note``: cleaned, and cut at a line end past the limit.

    The line after the cut names the note keys as ``keymap`` (the user's ``[keys]``) binds.
    """
    body = _markers_apart(clean_block(note).strip())
    limit = min(RENDERED_NOTE_LIMIT, _line_end(body, RENDERED_NOTE_LINES))
    if len(body) <= limit:
        return body
    cut = body.rfind("\n", 0, limit + 1)
    shown = body[: cut if cut > 0 else limit]
    shown += _closing_fence(shown)  # a code block cut open would take in the lines below
    rest = len(body) - len(shown)
    write, external = (
        key_named(keymap or {}, "edit-note"),
        key_named(keymap or {}, "edit-note-external"),
    )
    return (
        f"{shown}\n\n---\n\n*{rest:,} more characters not shown here: "
        f"`{write}` edits the whole note, `{external}` opens it in `$EDITOR`.*"
    )


class _Rendered:
    """The content's lines at the width asked, rendered once for the height and the frame."""

    def __init__(self, lines_at: Callable[[int], list[list[Segment]]]) -> None:
        self.lines_at = lines_at

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        new_line = Segment.line()
        for line in self.lines_at(options.max_width):
            yield from line
            yield new_line


class DetailBody(ScrollView, can_focus=False):
    """The paper's fields: drawn like a ``Static``, but a new paper costs one frame, not three.

    A ``Static`` whose height changes is laid out twice: the first layout gives it a new
    size, which (through its virtual size) asks for a second layout, and each layout makes
    the list's scrollbar repaint once more. A ``ScrollView`` keeps its own virtual size, so
    its height comes from the content and one layout settles it; when the height is the
    same as before, ``update`` asks for no layout at all.

    The content is rendered once per width: the same lines give the height and the frame
    (a grid of wrapped fields takes milliseconds to lay out, and a search key shows a new
    paper every time).
    """

    DEFAULT_CSS = """
    DetailBody {
        height: auto;
        overflow: hidden hidden;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"detail-body--dim"}
    """The colour of the labels and other dim text (``muted.py``)."""

    def __init__(self, content: RenderableType = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content: RenderableType = content
        self._visual: Visual | None = None
        self._lines: tuple[int, Style | None, list[list[Segment]]] = (-1, None, [])
        """(width, dim text's style, lines) of the content last rendered."""

    @property
    def visual(self) -> Visual:
        if self._visual is None:
            self._visual = visualize(self, self._content, markup=False)
        return self._visual

    def _lines_at(self, width: int) -> list[list[Segment]]:
        muted = muted_style(self, "detail-body--dim")  # another theme: drawn again
        if self._lines[:2] != (width, muted):
            options = self.app.console_options.update_width(width).update(highlight=False)
            lines = self.app.console.render_lines(self._content, options, pad=False)
            self._lines = (width, muted, undim_lines(lines, muted))
        return self._lines[2]

    def render(self) -> RenderableType:
        return _Rendered(self._lines_at)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.visual.get_optimal_width(cast("RulesMap", self.styles), container.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines_at(width)) if width else 0

    def update(self, content: RenderableType) -> None:
        """Show ``content``; a layout only when its height at the current width changes."""
        width = self.content_region.width
        old = len(self._lines[2]) if self._lines[0] == width else None
        self._content = content
        self._visual = None
        self._lines = (-1, None, [])
        same_height = old is not None and width > 0 and len(self._lines_at(width)) == old
        self.refresh(layout=not same_height)


class DetailScroll(VerticalScroll):
    """The details and the rendered note; ``j``/``k`` scroll, ``escape`` goes back to the list."""

    BINDINGS = keys.DETAIL_BINDINGS


class DetailPane(Vertical, can_focus=False):
    """Shows one paper; the note below is markdown until ``edit_note`` swaps in the editor."""

    class LinkClicked(Message):
        """A link in the rendered note was clicked; the screen decides whether to open it."""

        def __init__(self, href: str) -> None:
            super().__init__()
            self.href = href

    def __init__(self, *, autosave_seconds: float = 1.0, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Paper"
        self._autosave = autosave_seconds
        self._shown: tuple[str, PaperState, Enrichment, tuple[Paper, ...]] | None = None
        self._note_shown: str | None = None
        self._note_paper: Paper | None = None
        self._told_left: str | None = None
        """The note whose paper was said to have left the list (said once, not at every move)."""
        """The paper whose note the editor holds (its details, should it leave the list)."""
        self._note_markdown = ""
        """What ``#note-view`` holds (it keeps it while hidden)."""

    def compose(self) -> ComposeResult:
        with DetailScroll(id="detail-scroll"):
            yield DetailBody(id="detail-body")

    def mount_note_views(self) -> None:
        """Import and mount Textual's Markdown (and markdown-it) and the note editor; once.

        The screen calls it after the first papers are on screen: they do not wait for it.
        """
        self._note_editor()  # mounted now, not when n is first pressed
        if self._note_views("#note-view"):
            return
        from textual.widgets import Markdown

        view = Markdown(self._note_markdown, id="note-view", open_links=False)
        # The placeholder of every paper without a note, rendered once: moving between
        # papers shows or hides it instead of re-rendering markdown (which mounts new
        # widgets and takes several frames).
        placeholder = Markdown(no_note(keymap_of(self.app)), id="no-note", open_links=False)
        placeholder.display = False
        self.scroller.mount(view, placeholder)
        self._show_note_views()

    @property
    def editor(self) -> NoteEditor:
        return self._note_editor()

    def _note_editor(self) -> NoteEditor:
        """The note editor, mounted on first use (a key can come before ``mount_note_views``)."""
        from papershelf.tui.widgets.note_editor import NoteEditor

        for editor in self.query(NoteEditor):
            return editor
        editor = NoteEditor(autosave_seconds=self._autosave, id="note-editor")
        self.mount(editor)
        return editor

    def take_unsaved(self) -> tuple[str, str, str] | None:
        """The note typed and not saved yet (``NoteEditor.take_unsaved``); None without one."""
        for editor in self.query("#note-editor"):
            return cast("NoteEditor", editor).take_unsaved()
        return None

    @property
    def scroller(self) -> VerticalScroll:
        return self.query_one("#detail-scroll", VerticalScroll)

    @property
    def editing(self) -> bool:
        return self.has_class("-editing")

    def show(
        self,
        paper: Paper | None,
        state: PaperState,
        found: Enrichment = NO_ENRICHMENT,
        alike: tuple[Paper, ...] = (),
    ) -> None:
        """Show ``paper`` (skips the work when nothing changed: j held down stays smooth)."""
        if paper is None:
            self._shown = None
            self.query_one(DetailBody).update(Text("No paper selected.", "dim"))
            self._show_note(None)
            return
        if self._shown == (paper.id, state, found, alike):
            return
        moved = self._shown is None or self._shown[0] != paper.id
        self._shown = (paper.id, state, found, alike)
        self.query_one(DetailBody).update(detail_renderable(paper, state, found, alike))
        self._show_note(state.note)
        if self.editing:  # changed elsewhere (the command line) while the editor is open
            self.editor.stored(paper.id, state.note)
        if moved:
            self.scroller.scroll_home(animate=False)

    def _show_note(self, note: str | None) -> None:
        """The note as markdown; the placeholder when it is empty; nothing without a paper.

        Without a paper both views are hidden and the note view keeps what it holds: emptied
        and shown, it took a size of its own after the layout, and a second layout (a second
        frame) followed on a search key that finds nothing.
        """
        if note == self._note_shown:
            return
        self._note_shown = note
        body = note_markdown(note, keymap_of(self.app)) if note else ""
        if body and body != self._note_markdown:
            self._note_markdown = body
            for view in self._note_views("#note-view"):  # none until mounted: it takes this
                view.update(body)
        self._show_note_views()

    def _show_note_views(self) -> None:
        """The note view, or the placeholder for an empty note; neither while editing."""
        note = self._note_shown
        placeholder = note is not None and not clean_block(note).strip()
        editing = self.editing
        for view in self._note_views("#note-view"):
            view.display = not (note is None or placeholder or editing)
        for view in self._note_views("#no-note"):
            view.display = placeholder and not editing

    def _note_views(self, selector: str) -> list[Markdown]:
        """The note view or the placeholder; none before they are mounted."""
        return cast("list[Markdown]", list(self.query(selector)))

    def edit_note(self, paper: Paper, text: str) -> None:
        self._note_paper, self._told_left = paper, None
        self.add_class("-editing")
        self._show_note_views()
        self.editor.open_note(paper.id, text)
        self.editor.focus()

    def note_left(self, listed: Container[str]) -> Paper | None:
        """The paper of the note being typed once it left the list (``leave_note_for``).

        Its details stay beside its note, not the highlighted paper's: the screen shows
        this paper while it is not None.
        """
        paper = self._note_paper
        if not self.editing or paper is None or paper.id != self.editor.paper_id:
            return None
        return None if paper.id in listed else paper

    def stop_editing(self) -> None:
        """Save and go back to the rendered note."""
        if self.editing:
            self.editor.close()
            self.remove_class("-editing")
            self._show_note_views()

    def leave_note_for(self, paper_id: str | None, listed: Container[str]) -> str | None:
        """Close the editor when the user moved on; keep it when its own paper left the list.

        A ``forget`` or ``same`` beside the app reloads it and its paper goes: closed, the
        keys typed next would act on the list. The note still saves, to the paper that
        answers for its id, or kept with the id. Returns that id the first time the editor
        stays for it (the screen says so once, not at every move of the cursor).
        """
        editing = self.editor.paper_id
        if not self.editing or editing is None or editing == paper_id:
            return None
        if editing in listed:
            self.stop_editing()
            return None
        if editing == self._told_left:
            return None
        self._told_left = editing
        return editing

    def on_note_editor_closed(self, event: note_messages.Closed) -> None:
        self.remove_class("-editing")
        self._show_note_views()

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.post_message(self.LinkClicked(event.href))
