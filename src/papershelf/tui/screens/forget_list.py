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
from textual.geometry import Size
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from papershelf.domain.text import plural
from papershelf.domain.venues import UNKNOWN_VENUE
from papershelf.errors import PapershelfError
from papershelf.services.commands import Forget
from papershelf.services.counting import count_text
from papershelf.services.forgetting import ForgetReport, find_list, held_elsewhere, preview
from papershelf.services.library import Library
from papershelf.tui.display import clean
from papershelf.tui.screens.dialogs import ConfirmDialog, Dialog, say_error
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.widgets.status_line import StatusLine

LIST_AT_MOST = 16
"""Rows the lists take at most; fewer in a short terminal, where the list scrolls."""


def matching(reports: Sequence[ForgetReport], typed: str) -> list[ForgetReport]:
    """The lists ``typed`` may name, as ``find_list`` reads a name; all for nothing typed.

    The same name first (in this case, then in any), then the names that start so.
    """
    wanted = typed.strip()
    folded = wanted.casefold()
    if not folded:
        return list(reports)
    hits = [r for r in reports if r.info.name.casefold().startswith(folded)]
    return sorted(hits, key=lambda r: (r.info.name != wanted, r.info.name.casefold() != folded))


class ListPicker(Dialog[str]):
    """The imported lists with what each would take out; dismisses with the chosen name.

    What is typed narrows the lists to those it may name, as ``papershelf forget`` reads a
    name (``find_list``: the name, or a start of it, in any case); enter takes the highlighted
    one, and a name no list has says the close ones. The confirm dialog comes after.
    """

    BINDINGS = [
        Binding("down", "move(1)", "next", show=False),
        Binding("up", "move(-1)", "previous", show=False),
    ]

    def __init__(self, reports: Sequence[ForgetReport]) -> None:
        super().__init__()
        self._reports = list(reports)
        self._shown = list(reports)
        """The lists the options show, in their order: what is typed narrows them."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Forget which list? Its papers leave the catalog")
            yield Input(placeholder="type to narrow the lists, or choose below", id="list-name")
            yield OptionList(*(self._option(r) for r in self._reports), id="list-options")
            yield Static("", id="list-error", classes="dialog-error")
            hint = Text(f"type to narrow · ↑↓ and enter choose · {self.closes}")
            yield Label(hint, id="list-hint", classes="hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(OptionList).highlighted = 0
        self.query_one(Input).focus()
        self.call_after_refresh(self._fit_list)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_list)

    def _fit_list(self) -> None:
        """As tall as the options, at most ``LIST_AT_MOST`` and the rows the dialog has left.

        The list scrolls instead. At 30 rows the 16 rows of many lists pushed the error and
        the key hint below the dialog's edge (an auto-height dialog clips what does not fit).
        """
        options = self.query_one(OptionList)
        options.display = bool(self._shown)
        width = options.scrollable_content_region.width
        lines = options.get_content_height(Size(0, 0), Size(0, 0), width) if width > 0 else 0
        gutter = options.styles.gutter.height
        wanted = min(LIST_AT_MOST, (lines or options.option_count) + gutter)
        options.styles.max_height = max(gutter + 1, min(wanted, self._room(options)))

    def _room(self, options: OptionList) -> int:
        """The rows the dialog can give the list: its max-height less everything else."""
        dialog = self.query_one(".dialog", Vertical)
        most = dialog.styles.max_height
        if most is None:
            return LIST_AT_MOST
        taken = dialog.styles.gutter.height + options.styles.margin.height
        for child in dialog.children:
            if child is not options and child.display:
                taken += child.outer_size.height + child.styles.margin.height
        return int(most.resolve(self.size, self.app.size)) - taken

    @staticmethod
    def _option(report: ForgetReport) -> Option:
        info = report.info
        prompt = Text(clean(info.name), "bold", end="")
        venues = ", ".join(clean(v) or UNKNOWN_VENUE for v in info.venues)
        prompt.append(f"  {report.left} would leave" + (f" · {venues}" if venues else ""))
        if info.problem:
            prompt.append(f"  (unreadable: {clean(info.problem)})", "italic")
        return Option(prompt, id=info.name)

    @on(Input.Changed, "#list-name")
    def _narrow(self, event: Input.Changed) -> None:
        shown = matching(self._reports, event.value)
        if [r.info.name for r in shown] == [r.info.name for r in self._shown]:
            return
        self._shown = shown
        options = self.query_one(OptionList)
        options.set_options(self._option(r) for r in shown)
        options.highlighted = 0 if shown else None
        self.call_after_refresh(self._fit_list)

    def action_move(self, step: int) -> None:
        """Up and down choose among the lists shown; what is typed stays."""
        options = self.query_one(OptionList)
        if not options.option_count:
            return
        at = options.highlighted if options.highlighted is not None else -step
        options.highlighted = max(0, min(options.option_count - 1, at + step))

    @on(Input.Submitted)
    def _named(self, event: Input.Submitted) -> None:
        """The highlighted list; with none that the text may name, why (as the command line)."""
        at = self.query_one(OptionList).highlighted
        if self._shown and at is not None:
            self.dismiss(self._shown[at].info.name)
            return
        if not event.value.strip():
            return
        try:
            found = find_list([r.info for r in self._reports], event.value, see=None)
        except PapershelfError as exc:
            say_error(self.query_one("#list-error", Static), str(exc))
            self.call_after_refresh(self._fit_list)  # the error's lines are the list's
            return
        self.dismiss(found.name)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._shown[event.option_index].info.name)


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
        screen.submit(Forget(name, exact=True))  # the list shown: no other in its place
