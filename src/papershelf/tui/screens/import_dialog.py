"""The import dialog: a markdown file (completed as typed) or an https URL to follow."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from papershelf.errors import PapershelfError
from papershelf.services.importing import check_list_path
from papershelf.services.url_lists import is_url, unfetched
from papershelf.tui.path_suggester import PathSuggester
from papershelf.tui.screens.dialogs import Dialog, say_error


class ImportDialog(Dialog[str]):
    """Asks for a markdown list: a file (completed as typed) or an https URL."""

    class PathChecked(Message):
        """What enter's check of a path found (``error`` "" when it is a list file to read)."""

        def __init__(self, request: int, typed: str, path: Path, error: str) -> None:
            super().__init__()
            self.request, self.typed, self.path, self.error = request, typed, path, error

    def __init__(self, typed: str = "") -> None:
        super().__init__()
        self._typed = typed
        """What the field opens with: the file or address of an import that failed."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Import a paper list: a markdown file, or an https URL to follow:")
            suggester = PathSuggester(self._completed)
            yield Input(
                self._typed,
                placeholder="~/lists/osdi-2025.md",
                id="import-path",
                suggester=suggester,
            )
            yield Static("", id="import-error", classes="dialog-error")  # wraps a long path
            hint = Text(f"→ completes the path · enter imports · {self.closes}")
            yield Label(hint, classes="hint")

    _noted = ("", "")
    """(a path typed, why it completes to nothing, or ""): the path suggester's last word."""
    _refused: str | None = None
    """The text enter refused: its reason stays over a completion's word that comes late."""
    _request = 0
    """Enter's latest check (``PathChecked``): an earlier one's answer is dropped."""

    def _completed(self, value: str, why: str) -> None:
        """Said of ``value`` by a worker: shown while it is the text.

        It may come before the field's ``Changed`` clears the line or after: both show it.
        """
        self._noted = (value, why)
        if self.is_mounted:
            self.text_changed(self.query_one("#import-path", Input).value)

    def text_changed(self, value: str) -> None:
        if self._noted[0] == value and self._refused != value:
            say_error(self.query_one("#import-error", Static), self._noted[1])

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            return
        if is_url(value):
            self.dismiss(value)
            return
        self._request += 1
        self._check(self._request, event.value)

    @work(thread=True, group="import-check", exclusive=True)
    def _check(self, request: int, typed: str) -> None:
        """Enter's check of the path, off the event loop, as the completion's reading.

        A network folder that does not answer held up every key.
        """
        value = typed.strip()
        path = Path(value).expanduser()
        try:
            if refused := unfetched(value):
                raise PapershelfError(refused)
            check_list_path(path)
        except PapershelfError as exc:
            self.post_message(self.PathChecked(request, typed, path, str(exc)))
            return
        self.post_message(self.PathChecked(request, typed, path, ""))

    @on(PathChecked)
    def _checked(self, event: PathChecked) -> None:
        field = self.query_one("#import-path", Input)
        if event.request != self._request or field.value != event.typed:
            return  # enter again, or the text edited meanwhile: this answer is not its
        if event.error:
            self._refused = event.typed
            say_error(self.query_one("#import-error", Static), event.error)
            return
        self.dismiss(str(event.path))
