"""The export dialog: a format and a new file, its checks run off the event loop.

A folder on a network share that does not answer held up every key while the dialog looked
for a free name or checked the folder; now a worker looks, and an answer for a name the
reader has edited meanwhile is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from papershelf.domain.text import plural
from papershelf.tui.screens.dialogs import Dialog, say_error


class _FormatChoice(RadioSet):
    """The export formats: enter takes the highlighted one and goes on to the file name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Choose", show=False),
    ]

    def action_choose(self) -> None:
        self.action_toggle_button()
        self.screen.focus_next()


def free_name(path: Path, limit: int = 1000) -> Path:
    """``papers.bib``, else ``papers-2.bib``, ``papers-3.bib``...: a name no file has yet.

    The dialog offers a file it can write: after one export, the next one is not offered
    the same name only to be told that it exists.
    """
    for n in range(1, limit):
        candidate = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
    return path


def offered_name(last_dir: Path | None, ending: str) -> Path:
    """A free ``papers`` name in the last export's folder, or the working one if it is gone."""
    folder = last_dir if last_dir is not None and last_dir.is_dir() else Path.cwd()
    return free_name(folder / f"papers{ending}")


def export_problem(path: Path) -> str:
    """Why ``path`` cannot be exported to (it exists, its folder is missing), or ""."""
    if path.exists():
        return "exists: pick a new name (nothing is overwritten)"  # the name: above
    if not path.parent.is_dir():
        missing = path.parent  # the first folder missing: one line, and what to make
        while missing.parent != missing and not missing.parent.is_dir():
            missing = missing.parent
        return f"no such folder: {missing}"
    return ""


ENDINGS = {"bibtex": ".bib", "markdown": ".md", "csv": ".csv", "json": ".json"}
"""Each format's file ending: a format chosen sets it, and a name typed with one sets the format."""


class ExportDialog(Dialog[tuple[str, Path]]):
    """Asks for a format and a new file; never offers to overwrite."""

    class NameOffered(Message):
        """A free name found for the format chosen (request ``request``)."""

        def __init__(self, request: int, path: str) -> None:
            super().__init__()
            self.request, self.path = request, path

    class PathChecked(Message):
        """What enter's check of ``typed`` found: ``error`` "" when it can be written."""

        def __init__(self, request: int, typed: str, path: Path, error: str) -> None:
            super().__init__()
            self.request, self.typed, self.path, self.error = request, typed, path, error

    def __init__(self, formats: Sequence[str], count: int, last_dir: Path | None) -> None:
        super().__init__()
        self._formats = list(formats)
        self._count = count
        self._last_dir = last_dir
        self._offered = ""
        """The name offered (or about to be): a free one replaces it while it is the text."""
        self._offer_request = 0
        self._check_request = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Export the {plural(self._count, 'paper')} in view as:")
            with _FormatChoice(id="export-format"):
                for i, fmt in enumerate(self._formats):
                    yield RadioButton(fmt, value=i == 0, name=fmt)
            yield Label("to a new file:", id="export-to")
            yield Input(id="export-path")
            yield Static("", id="export-error", classes="dialog-error")
            hint = Text("↑↓ format · enter: the file name · enter there exports")
            yield Label(hint, classes="hint")

    def on_mount(self) -> None:
        self._offer(".bib")

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = self._formats[event.index]
        path_input = self.query_one("#export-path", Input)
        ending = ENDINGS.get(fmt, "." + fmt)
        path = Path(path_input.value)
        if path_input.value == self._offered:  # still the name offered: offer a free one
            if self._offered:  # its ending at once; a free name when the worker has one
                self._offered = str(path.with_name("papers" + ending))
                path_input.value = self._offered
            self._offer(ending)
        elif path.suffix:  # the reader's own name: only its ending follows the format
            path_input.value = str(path.with_suffix(ending))
        # The cursor after the new ending, not where the old one ended: ctrl+u then clears
        # the whole name (it left the "n" of ".json" and the export went to "x.jsonn").
        path_input.cursor_position = len(path_input.value)

    def _offer(self, ending: str) -> None:
        self._offer_request += 1
        self._find_name(self._offer_request, ending)

    @work(thread=True, group="export-offer", exclusive=True)
    def _find_name(self, request: int, ending: str) -> None:
        self.post_message(self.NameOffered(request, str(offered_name(self._last_dir, ending))))

    @on(NameOffered)
    def _name_offered(self, event: NameOffered) -> None:
        field = self.query_one("#export-path", Input)
        if event.request != self._offer_request or field.value != self._offered:
            return  # another format asked since, or the reader's own name is there
        self._offered = field.value = event.path
        field.cursor_position = len(field.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        self._check_request += 1
        self._check(self._check_request, event.value)

    @work(thread=True, group="export-check", exclusive=True)
    def _check(self, request: int, typed: str) -> None:
        path = Path(typed.strip()).expanduser()
        self.post_message(self.PathChecked(request, typed, path, export_problem(path)))

    @on(PathChecked)
    def _checked(self, event: PathChecked) -> None:
        field = self.query_one("#export-path", Input)
        if event.request != self._check_request or field.value != event.typed:
            return  # enter again, or the name edited meanwhile: this answer is not its
        if event.error:
            say_error(self.query_one("#export-error", Static), event.error)
            return
        radio = self.query_one(RadioSet)
        index = radio.pressed_index if radio.pressed_index >= 0 else 0
        # "reading.csv" typed over the offered "papers.bib": CSV, not BibTeX in a .csv file.
        typed = {end: fmt for fmt, end in ENDINGS.items() if fmt in self._formats}
        self.dismiss((typed.get(event.path.suffix.lower(), self._formats[index]), event.path))
