"""The progress screen: read/reading/to-read/unread per venue and topic, and reads per week."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import DataTable, Static

from papershelf.domain.models import Paper, PaperState, Status
from papershelf.domain.progress import NO_TOPIC, READ_WEEKS, Tally, read_per_week, tally
from papershelf.domain.venues import UNKNOWN_VENUE
from papershelf.services.counting import count_papers, count_text
from papershelf.tui import keys
from papershelf.tui.widgets.fitted_footer import SteadyFooter
from papershelf.tui.widgets.progress_bars import (
    ProgressRow,
    ProgressTable,
    WeeklyBars,
    legend,
    stacked_bar,
)

Target = tuple[str, str | None]
"""(venue label, topic or None): what ``enter`` hands back so the main list narrows to it."""


def progress_rows(
    papers: Sequence[Paper], states: Mapping[str, PaperState]
) -> tuple[Tally, list[ProgressRow], dict[str, Target]]:
    """Overall tally, one row per venue with its topics under it, and where each row leads."""
    overall, venues = tally(papers, states, by="venue")
    _, topics = tally(papers, states, by="topic")
    by_venue: dict[str | None, list[Tally]] = {}
    for group in topics:
        by_venue.setdefault(group.venue, []).append(group)
    rows: list[ProgressRow] = []
    targets: dict[str, Target] = {}
    for group in venues:
        key = f"row-{len(rows)}"
        rows.append(ProgressRow(key, group.label or UNKNOWN_VENUE, 0, group))  # as the tree
        targets[key] = (group.label, None)
        children = by_venue.get(group.venue, [])
        if len(children) == 1 and children[0].topic is None:
            continue  # a venue without topics: its one "(no topic)" row says nothing new
        for child in children:
            key = f"row-{len(rows)}"
            rows.append(ProgressRow(key, child.topic or NO_TOPIC, 1, child))
            targets[key] = (group.label, child.topic)
    return overall, rows, targets


class ProgressScreen(Screen[Target | None]):
    """How far the reading has got; ``enter`` on a row narrows the main list to it."""

    CSS_PATH = "progress.tcss"
    WEEKS: ClassVar[int] = READ_WEEKS
    HELP_PLACE: ClassVar[str] = "progress screen"  # ``?`` here shows these keys first

    BINDINGS: ClassVar[list[BindingType]] = [*keys.PROGRESS_BINDINGS]

    @dataclass
    class Computed(Message):
        overall: Tally
        rows: list[ProgressRow]
        targets: dict[str, Target]
        weeks: list[tuple[date, int]]
        withdrawn: int = 0
        """Withdrawn papers: not in the tallies, named beside them (as every count does)."""

    @dataclass
    class LoadFailed(Message):
        error: str

    def __init__(
        self,
        papers: Sequence[Paper],
        states: Mapping[str, PaperState],
        *,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self._papers = papers
        self._states = states
        """A snapshot the main screen hands over: counting it needs no Library."""
        self.today = today
        """The last week of the chart ends here; None means today (tests pin it)."""
        self.targets: dict[str, Target] = {}
        self.overall: Tally | None = None
        self._shown: ProgressScreen.Computed | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="progress-body"):
            with Horizontal(id="progress-heading"):
                yield Static(Text("Progress"), id="progress-title")
                yield Static(id="progress-legend")
            yield Static(Text("Loading…"), id="progress-totals")
            yield ProgressTable(id="progress-table")
            yield Static(id="progress-weeks-title")
            yield WeeklyBars(id="progress-weeks")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.app.clear_notifications()  # the main screen's toasts: its status line keeps them
        self.app.theme_changed_signal.subscribe(self, self._restyle)
        self._compute()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < 34, "-short")

    def _restyle(self, _theme: Theme) -> None:
        # Bars carry colours taken from the theme when they were built.
        if self._shown is not None:
            self._show(self._shown)

    @work(thread=True, group="progress-load", exit_on_error=False)
    def _compute(self) -> None:
        try:
            overall, rows, targets = progress_rows(self._papers, self._states)
            weeks = read_per_week(self._papers, self._states, weeks=self.WEEKS, today=self.today)
            withdrawn = count_papers(self._papers).withdrawn
        except Exception as error:
            self.post_message(self.LoadFailed(str(error) or type(error).__name__))
            return
        self.post_message(self.Computed(overall, rows, targets, weeks, withdrawn))

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.query_one("#progress-totals", Static).update(Text("Could not count the papers."))
        self.notify(f"Could not count: {message.error}", severity="error", markup=False)

    @on(Computed)
    def _show(self, message: Computed) -> None:
        self._shown = message
        self.overall, self.targets = message.overall, message.targets
        table = self.query_one(ProgressTable)
        table.show_rows(message.rows)
        styles = table.segment_styles()
        self.query_one("#progress-legend", Static).update(legend(styles))
        totals = self._totals(message.overall, styles, message.withdrawn)
        self.query_one("#progress-totals", Static).update(totals)
        read = sum(n for _, n in message.weeks)
        papers = "1 paper" if read == 1 else f"{read} papers"
        title = f"Read per week, last {len(message.weeks)} weeks: {papers}"
        self.query_one("#progress-weeks-title", Static).update(Text(title))
        self.query_one(WeeklyBars).show_weeks(message.weeks)

    @staticmethod
    def _totals(overall: Tally, styles: Mapping[Status, Style], withdrawn: int = 0) -> Text:
        if not overall.total:
            return Text("No papers yet: import a list first.")
        line = Text.assemble(("All papers  ", "bold"))
        line.append_text(stacked_bar(overall, 48, styles))
        c = overall.counts
        line.append(
            f"  {overall.percent_read:.0f}% read\n"
            f"{c[Status.READ]} read · {c[Status.READING]} reading · "
            f"{c[Status.TO_READ]} to read · {c[Status.UNREAD]} unread · "
            f"{count_text(overall.total, withdrawn)} · {overall.starred} starred"
        )
        return line

    @on(DataTable.RowSelected)
    def _choose(self, event: DataTable.RowSelected) -> None:
        target = self.targets.get(str(event.row_key.value))
        if target is not None:
            self.dismiss(target)

    def action_close(self) -> None:
        """Back to the list, unchanged."""
        self.dismiss(None)
