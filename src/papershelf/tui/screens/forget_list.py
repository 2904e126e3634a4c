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
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from papershelf.domain.text import plural
from papershelf.errors import PapershelfError
from papershelf.services.commands import Forget
from papershelf.services.counting import count_text
from papershelf.services.forgetting import ForgetReport, held_elsewhere, preview
from papershelf.services.library import Library
from papershelf.tui.display import clean
from papershelf.tui.screens.dialogs import ConfirmDialog, Dialog
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.widgets.status_line import StatusLine


class ListPicker(Dialog[str]):
    """The imported lists with what each would take out; dismisses with the chosen name."""

    def __init__(self, reports: Sequence[ForgetReport]) -> None:
        super().__init__()
        self._reports = list(reports)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Forget which list? Its papers leave the catalog")
            yield OptionList(*(self._option(r) for r in self._reports), id="list-options")
            yield Label(Text(f"enter chooses · {self.closes}", "dim"))

    @staticmethod
    def _option(report: ForgetReport) -> Option:
        info = report.info
        prompt = Text(clean(info.name), "bold", end="")
        venues = ", ".join(clean(v) for v in info.venues)
        prompt.append(f"  {report.left} would leave" + (f" · {venues}" if venues else ""))
        if info.problem:
            prompt.append(f"  (unreadable: {clean(info.problem)})", "italic")
        return Option(prompt, id=info.name)

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
