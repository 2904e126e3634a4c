"""Small modal dialogs: pick a link, copy by hand, edit tags; the base every dialog shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import (
    Input,
    Label,
    OptionList,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option

from papershelf.domain.models import Link
from papershelf.domain.tags import tag_edit, tags_to_write
from papershelf.tui import keys
from papershelf.tui.display import clean, openable_url
from papershelf.tui.key_hints import closes, key_named, keymap_of
from papershelf.tui.widgets.fitted_footer import SteadyFooter

T = TypeVar("T")


class Dialog(ModalScreen[T | None], Generic[T]):
    """The base of every dialog: its own keys in a footer, escape (or its remap) closes."""

    BINDINGS = keys.DIALOG_BINDINGS

    def on_mount(self) -> None:
        # The dialog's keys at the bottom: the screen's beneath do not act while it is open.
        self.mount(SteadyFooter())

    @property
    def closes(self) -> str:
        """``escape closes``, with the close key the user's keymap binds."""
        return closes(keymap_of(self.app))

    def action_close_dialog(self) -> None:
        self.dismiss(None)

    def on_resize(self) -> None:
        # Made shorter than the dialog (it scrolls, app.tcss), the terminal hid the focused
        # field, and what was typed went where no one could see it.
        self.call_after_refresh(self._focused_in_sight)

    def _focused_in_sight(self) -> None:
        if self.focused is not None:
            self.focused.scroll_visible(animate=False)

    @on(Input.Changed)
    def _clear_error(self, event: Input.Changed) -> None:
        """An error speaks of the text it refused: once that text changes, it is out of date."""
        for error in self.query(".dialog-error").results(Static):
            say_error(error, "")
        self.text_changed(event.value)

    def text_changed(self, value: str) -> None:
        """Once the errors are cleared: what a dialog has to say of the new text (nothing)."""


def say_error(error: Static, text: str) -> None:
    """Show ``text`` in a dialog's error line; no error takes no row.

    The key hint below the error stays inside the dialog in 24 rows.
    """
    error.update(Text(text))
    error.display = bool(text)


class LinkPicker(Dialog[str]):
    """Lists a paper's links; dismisses with the chosen URL (as stored, vetted by the caller)."""

    def __init__(self, title: str, links: Sequence[Link]) -> None:
        super().__init__()
        self._title = title
        self._links = list(links)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(clean(self._title)))
            options = []
            for i, link in enumerate(self._links):
                prompt = Text(f"{clean(link.kind):<10}", "bold", end="")
                prompt.append(clean(link.url))
                if openable_url(link.url) is None:
                    prompt.append("  (will not open)", "italic")
                options.append(Option(prompt, id=str(i)))
            yield OptionList(*options, id="link-options")
            yield Label(Text(f"enter opens · {self.closes}"), classes="hint")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._links[event.option_index].url)


class ConfirmDialog(Dialog[bool]):
    """A yes/no question: ``y`` or enter says yes, ``n`` or escape no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(
        self,
        question: str,
        detail: str = "",
        *,
        yes: str = "merges",
        no: str = "leaves it for later",
    ) -> None:
        super().__init__()
        self._question = question
        self._detail = detail
        self._answers = (yes, no)
        """What ``y`` and ``n`` do, in the hint line (a merge's words unless told)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # Static wraps in a narrow terminal where a Label would cut the file names.
            yield Static(Text(self._question, "bold"))
            if self._detail:
                yield Static(Text(self._detail))
            close = key_named(keymap_of(self.app), "dialog-close")
            yes, no = self._answers
            yield Static(Text(f"y {yes} · n or {close} {no}"), classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class CopyDialog(Dialog[None]):
    """Text shown whole to select and copy.

    The clipboard could not be confirmed to hold it, or (``why``) no browser opened a link.
    """

    def __init__(self, text: str, what: str, why: str | None = None) -> None:
        super().__init__()
        self._text = text
        self._why = why or f"Could not confirm the clipboard has {what}"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog copy-dialog"):  # the text area gives way to the hint
            # A Static wraps to the dialog's width; a Label kept one line and was cut.
            yield Static(
                Text(
                    f"{self._why}: select it below with the mouse (shift+drag in most "
                    "terminals) and copy it.",
                )
            )
            yield TextArea(self._text, read_only=True, id="copy-text", soft_wrap=True)
            yield Label(Text(self.closes), classes="hint")


class NoteDialog(Dialog[str]):
    """A note written in a dialog (triage): escape or ctrl+s keeps it, like the note pane."""

    BINDINGS = [*keys.NOTE_BINDINGS]

    def __init__(self, title: str, text: str, keep: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self._title = title
        self._text = text
        self._keep = keep
        """Takes the text when the app quits with the dialog open (``save_typing``)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-dialog"):  # the text area gives way to the hint
            yield Label(Text(clean(self._title)))
            yield TextArea(self._text, id="note-text", soft_wrap=True, language="markdown")
            keymap = keymap_of(self.app)
            done, save = key_named(keymap, "note-done"), key_named(keymap, "note-save")
            yield Label(Text(f"{done} or {save} saves"), classes="hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        if self._text and not self._text.endswith("\n"):
            area.insert("\n", area.document.end)  # what is typed starts a line of its own
        area.move_cursor(area.document.end)

    def _written(self) -> str:
        """The text, without the line ``on_mount`` opened when nothing was typed on it."""
        text = self.query_one(TextArea).text
        return self._text if text == self._text + "\n" else text

    def action_close_note(self) -> None:
        self.dismiss(self._written())

    def action_save_note(self) -> None:
        self.action_close_note()

    def save_typing(self) -> None:
        """The app is about to quit: the text goes to ``keep`` now (a dismissal would be late)."""
        if self._keep is not None:
            self._keep(self._written())


class TagDialog(Dialog[tuple[tuple[str, ...], tuple[str, ...]]]):
    """Tags to add (``survey, reread``) or remove (``-reread``), completed from known tags."""

    def __init__(self, what: str, current: Sequence[str], known: Sequence[str]) -> None:
        super().__init__()
        self._what = what
        self._current = list(current)
        self._known = list(known)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(f"Tags of {clean(self._what)}"))
            now = ", ".join(self._current) or "none yet"
            yield Label(Text(f"now: {clean(now)}"), classes="hint")
            suggester = SuggestFromList(
                [*self._known, *(f"-{tag}" for tag in self._current)], case_sensitive=False
            )
            yield Input(placeholder="survey, reread   (-tag removes)", suggester=suggester)
            yield Static("", id="tag-error", classes="dialog-error")  # wraps a long tag
            yield Label(Text(f"→ completes · enter applies · {self.closes}"), classes="hint")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """The tags as they will be written (cleaned, spelled as known), or the error here.

        A bad tag keeps the dialog open with the text typed, as the other dialogs do.
        """
        adding, taking_off = tag_edit(event.value)
        try:
            add = tags_to_write(adding, self._known)
            remove = tags_to_write(taking_off, [*self._current, *self._known])
        except ValueError as exc:
            said = str(exc) if "not a tag" in str(exc) else f"not a tag: {exc}"
            say_error(self.query_one("#tag-error", Static), said)
            return
        if add or remove:
            self.dismiss((add, remove))
        else:  # enter did nothing and said nothing: say what it takes
            said = "no tag here: name one, or -tag" if event.value.strip() else ""
            say_error(
                self.query_one("#tag-error", Static),
                said or f"type a tag to add, or -tag to remove ({self.closes})",
            )
