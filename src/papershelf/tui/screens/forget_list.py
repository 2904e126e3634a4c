"""The palette's "Forget a list…": choose a list, see what leaves and what is kept, confirm.

The command line has ``papershelf forget``; the app had no way to take a list out. The forget
itself is the session's ``Forget`` command, which calls ``Library.forget`` as the command line
does; the question before it counts through ``forgetting.preview``, so it says what the
forget then reports. The tree and the list follow from the catalog the session loads after.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from papershelf.domain.text import plural
from papershelf.errors import PapershelfError
from papershelf.services.commands import Forget
from papershelf.services.counting import count_text
from papershelf.services.forgetting import ForgetReport, find_list, held_elsewhere, preview
from papershelf.services.library import Library
from papershelf.tui.display import clean
from papershelf.tui.screens.dialogs import ConfirmDialog, Dialog, say_error
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.widgets.status_line import StatusLine


class ListPicker(Dialog[str]):
    """The imported lists with what each would take out; dismisses with the chosen name.

    Chosen from the options, or named as ``papershelf forget`` names it (``find_list``: the
    name, or a unique start of it, in any case; a name no list has says the close ones).
    """

    BINDINGS = [
        Binding("down", "move(1)", "next", show=False),
        Binding("up", "move(-1)", "previous", show=False),
    ]

    def __init__(self, reports: Sequence[ForgetReport]) -> None:
        super().__init__()
        self._reports = list(reports)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Forget which list? Its papers leave the catalog")
            names = [r.info.name for r in self._reports]
            yield Input(
                placeholder="a list's name or its start, or choose below",
                id="list-name",
                suggester=SuggestFromList(names, case_sensitive=False),
            )
            yield OptionList(*(self._option(r) for r in self._reports), id="list-options")
            yield Static("", id="list-error", classes="dialog-error")
            yield Label(Text(f"↑↓ and enter choose · {self.closes}", "dim"))

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(OptionList).highlighted = 0
        self.query_one(Input).focus()

    @staticmethod
    def _option(report: ForgetReport) -> Option:
        info = report.info
        prompt = Text(clean(info.name), "bold", end="")
        venues = ", ".join(clean(v) for v in info.venues)
        prompt.append(f"  {report.left} would leave" + (f" · {venues}" if venues else ""))
        if info.problem:
            prompt.append(f"  (unreadable: {clean(info.problem)})", "italic")
        return Option(prompt, id=info.name)

    def action_move(self, step: int) -> None:
        """Up and down choose among the lists instead: a name typed before is dropped."""
        self.query_one(Input).value = ""
        options = self.query_one(OptionList)
        at = options.highlighted if options.highlighted is not None else -step
        options.highlighted = max(0, min(options.option_count - 1, at + step))

    @on(Input.Submitted)
    def _named(self, event: Input.Submitted) -> None:
        """A typed name finds its list as the command line does; none typed: the highlighted."""
        if not event.value.strip():
            at = self.query_one(OptionList).highlighted
            if at is not None:
                self.dismiss(self._reports[at].info.name)
            return
        try:
            found = find_list([r.info for r in self._reports], event.value, see=None)
        except PapershelfError as exc:
            say_error(self.query_one("#list-error", Static), str(exc))
            return
        self.dismiss(found.name)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._reports[event.option_index].info.name)


def question(report: ForgetReport) -> tuple[str, str]:
    """(question, detail) of the confirm dialog: how many papers leave, what is kept."""
    detail = f"{report.left} {'leaves' if report.left.total == 1 else 'leave'} the catalog"
    # The papers that stay, withdrawn or not: one this list alone withdraws is not, after.
    if stay := report.stayed.total:
        detail += f"; {held_elsewhere(count_text(stay), stay)}"
    detail += ". Notes, statuses, stars and tags are kept"
    if report.orphaned:
        have = "has" if report.orphaned == 1 else "have"
        detail += f" ({plural(report.orphaned, 'paper')} leaving {have} some"
        detail += ": papershelf orphans lists them)"
    detail += "; importing the list again brings the papers back with them."
    return f"Forget the list {clean(report.info.name)}?", detail


def reports(library: Library) -> list[ForgetReport]:
    """What forgetting each list would do now (on a worker thread: it reads the index)."""
    papers, states = library.papers(), library.states()
    return [preview(info, papers, states) for info in library.lists()]


def forget_list(screen: MainScreen) -> None:
    """Read the lists on a thread, then ask which one; confirmed, the session forgets it."""
    library, app = screen.session.library, screen.app

    def read() -> None:
        try:
            found = reports(library)
        except PapershelfError as exc:  # a damaged index: said, the app goes on
            app.call_from_thread(screen.query_one(StatusLine).flash, f"no lists: {exc}")
            return
        app.call_from_thread(choose, screen, found)

    screen.run_worker(read, thread=True, name="lists", group="forget", exclusive=True)


def choose(screen: MainScreen, found: Sequence[ForgetReport]) -> None:
    if not found:
        screen.query_one(StatusLine).flash("no lists to forget")
        return
    by_name = {r.info.name: r for r in found}

    def chosen(name: str | None) -> None:
        if name is not None:
            ask, detail = question(by_name[name])
            confirm = ConfirmDialog(ask, detail, yes="forgets it", no="keeps it")
            screen.app.push_screen(confirm, partial(answered, screen, name))

    screen.app.push_screen(ListPicker(found), chosen)


def answered(screen: MainScreen, name: str, yes: bool | None) -> None:
    if yes:
        # Until the result replaces it, as for an import.
        screen.query_one(StatusLine).flash(f"forgetting {name}…", seconds=None)
        screen.submit(Forget(name))
