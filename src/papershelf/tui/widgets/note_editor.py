"""The note editor: a TextArea that asks to be saved after a pause in typing and when left.

Every key typed here is text: tab types a tab (notes keep tabs), and only the editor's own
keys (escape closes, ctrl+s saves) or ctrl+p reach further, so no letter or tab can run a
command of the main screen while a note is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

from textual import events
from textual.timer import Timer
from textual.widgets import TextArea
from textual.widgets.text_area import LanguageDoesNotExist

from papershelf.tui import keys
from papershelf.tui.widgets import note_messages

TYPED = {"enter": "\n", "tab": "\t"}
"""Keys that type text without being printable (tab types a tab: notes keep tabs)."""


class NoteEditor(TextArea):
    """Edits one paper's note; the screen does the saving when asked."""

    BINDINGS = keys.NOTE_BINDINGS

    SaveRequested: TypeAlias = note_messages.SaveRequested
    Closed: TypeAlias = note_messages.Closed

    def __init__(
        self, *, autosave_seconds: float = 1.0, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(
            "",
            soft_wrap=True,
            tab_behavior="indent",
            show_line_numbers=False,
            id=id,
            classes=classes,
        )
        self.indent_type = "tabs"
        self.autosave_seconds = autosave_seconds
        self.paper_id: str | None = None
        self._saved = ""
        self._opened = ""
        """The note as the editor opened it: closing says whether it changed."""
        self._sent: list[str] = []
        """Texts this editor asked to save, oldest first, until their echo came back."""
        self._timer: Timer | None = None

    def on_mount(self) -> None:
        # Markdown highlighting needs the tree-sitter extras; plain text does without them.
        try:
            self.language = "markdown"
        except LanguageDoesNotExist:
            self.language = None

    @property
    def dirty(self) -> bool:
        """Typed text not saved yet; compared with the saved text, not inferred from Changed."""
        return self.paper_id is not None and self.text != self._saved

    def open_note(self, paper_id: str, text: str) -> None:
        """Start editing ``paper_id`` (whatever was open is saved first)."""
        self.save_now()
        self.paper_id = paper_id
        self._saved = self._opened = text
        self._sent = []
        self.load_text(text)
        self.move_cursor(self.document.end)
        self._show_state()

    def stored(self, paper_id: str, text: str) -> None:
        """The note as the library holds it now: shown if it changed elsewhere.

        Only while nothing typed waits to be saved (typed text is merged when saved, never
        replaced), and not for the echo of a save of this editor's own (it may arrive after
        more was typed and saved). The cursor stays where it was, as far as the text allows.
        """
        if paper_id != self.paper_id:
            return
        if text in self._sent:  # the echo of a save: it, and every save before it, is in
            del self._sent[: self._sent.index(text) + 1]
            return
        if self.dirty or text == self._saved:
            return
        row, column = self.cursor_location
        at_end = (row, column) == self.document.end  # a writer at the end stays at the end
        self._saved = text
        self.load_text(text)
        row = min(row, self.document.line_count - 1)
        column = min(column, len(self.document.get_line(row)))
        self.move_cursor(self.document.end if at_end else (row, column))
        self._show_state()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # load_text posts Changed too: only a real difference from the saved text counts.
        self._show_state()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.dirty:
            self._timer = self.set_timer(self.autosave_seconds, self.save_now)

    def save_now(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.paper_id is not None and self.dirty:
            base, self._saved = self._saved, self.text
            self._sent.append(self.text)
            # Sent by the editor whoever asked (a parent's resize handler, say): Textual
            # stops a message at the widget whose parent is its sender, short of the screen.
            self.post_message(self.SaveRequested(self.paper_id, self.text, base).set_sender(self))
        self._show_state()

    def take_unsaved(self) -> tuple[str, str, str] | None:
        """(paper id, text, base) not saved yet, from now on counted as saved.

        For a caller that must save synchronously: quitting cannot wait for a message.
        """
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.paper_id is None or not self.dirty:
            return None
        base, self._saved = self._saved, self.text
        self._sent.append(self.text)
        self._show_state()
        return self.paper_id, self.text, base

    def type_keys(self, typed: Iterable[events.Key]) -> None:
        """Type keys that never reached the editor (the app is leaving on a signal).

        As ``TextArea`` types them; from the first key that is not text (escape, an arrow)
        the rest would have acted elsewhere: they are left out.
        """
        for key in typed:
            text = TYPED.get(key.key, key.character if key.is_printable else None)
            if text is None or self.read_only:
                return
            self.replace(text, *self.selection, maintain_selection_offset=False)

    def close(self) -> None:
        """Save and stop editing."""
        self.save_now()
        paper_id, self.paper_id = self.paper_id, None
        if paper_id is not None:
            changed = self.text != self._opened
            self.post_message(self.Closed(paper_id, changed).set_sender(self))

    def _show_state(self) -> None:
        self.set_class(self.dirty, "-dirty")
        self.border_subtitle = "editing…" if self.dirty else "saved"

    def action_close_note(self) -> None:
        self.close()

    def action_save_note(self) -> None:
        self.save_now()

    def on_key(self, event: events.Key) -> None:
        # shift+tab would reach the screen's previous-pane key and leave the note.
        if event.key == "shift+tab":
            event.stop()
            event.prevent_default()

    def on_blur(self) -> None:
        self.save_now()
