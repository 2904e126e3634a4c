"""The progress screen: its figures against the domain tally, and where ``enter`` leads.

Pilot tests run under ``asyncio.run``: the suite has no async test plugin.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from rich.text import Text
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Static

from papershelf.domain.filtering import PaperFilter, SearchIndex, apply_filter
from papershelf.domain.models import Status
from papershelf.domain.progress import Tally, tally
from papershelf.errors import LibraryError
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.screens.progress import ProgressScreen, Target
from papershelf.tui.widgets.progress_bars import ProgressTable, split_width

PINNED_TODAY = date(2025, 6, 4)


class ProgressApp(App[None]):
    def __init__(self, screen: ProgressScreen) -> None:
        super().__init__()
        self.progress = screen
        self.results: list[Target | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.progress, callback=self.results.append)


async def loaded(pilot: Pilot[Any], screen: ProgressScreen) -> None:
    deadline = time.monotonic() + 30  # a hang guard, not a speed check
    while screen.overall is None:
        if time.monotonic() > deadline:
            raise AssertionError("the progress screen never loaded")
        await pilot.pause(0.01)
    await pilot.pause()


def run(
    library: Library,
    body: Callable[[Pilot[None], ProgressScreen, ProgressApp], Any],
    today: date | None = PINNED_TODAY,
) -> ProgressApp:
    screen = ProgressScreen(library, today=today)
    app = ProgressApp(screen)

    async def go() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(pilot, screen)
            await body(pilot, screen, app)

    asyncio.run(go())
    return app


def mark_some(library: Library) -> None:
    papers = [p for p in library.papers() if not p.withdrawn]
    library.set_status([p.id for p in papers[0:5]], Status.READ)
    library.set_status([p.id for p in papers[5:8]], Status.READING)
    library.set_status([p.id for p in papers[40:46]], Status.TO_READ)
    library.set_starred([papers[1].id], True)


def row_figures(table: ProgressTable) -> list[tuple[str, list[int]]]:
    """(label, [read, reading, to read, unread, total]) of each row, as the table shows it."""
    rows = []
    for index in range(table.row_count):
        cells = [str(c) for c in table.get_row_at(index)]
        rows.append((cells[0], [int(c) for c in cells[2:7]]))
    return rows


def figures(group: Tally) -> list[int]:
    c = group.counts
    return [c[Status.READ], c[Status.READING], c[Status.TO_READ], c[Status.UNREAD], group.total]


def test_figures_match_the_tally(library: Library) -> None:
    mark_some(library)
    papers, states = library.papers(), library.states()
    overall, venues = tally(papers, states, by="venue")
    _, topics = tally(papers, states, by="topic")

    async def body(pilot: Pilot[None], screen: ProgressScreen, app: ProgressApp) -> None:
        shown = row_figures(screen.query_one(ProgressTable))
        venue_rows = [(label, f) for label, f in shown if not label.startswith("  ")]
        assert venue_rows == [(v.label, figures(v)) for v in venues]
        topic_rows = sorted((label.strip(), f) for label, f in shown if label.startswith("  "))
        expected = sorted((t.label.split(" / ", 1)[1], figures(t)) for t in topics)
        assert topic_rows == expected
        totals = str(screen.query_one("#progress-totals", Static).visual)
        assert f"{overall.total} papers" in totals
        assert f"{overall.read} read" in totals
        assert f"{overall.percent_read:.0f}% read" in totals
        assert f"{overall.starred} starred" in totals

    run(library, body)


def test_topics_sit_under_their_venue(library: Library) -> None:
    async def body(pilot: Pilot[None], screen: ProgressScreen, app: ProgressApp) -> None:
        labels = [label for label, _ in row_figures(screen.query_one(ProgressTable))]
        venues = [i for i, label in enumerate(labels) if not label.startswith("  ")]
        assert [labels[i] for i in venues] == ["ASPLOS 2025", "MLSys 2025"]
        mlsys_topics = labels[venues[1] + 1 :]
        assert "  Large Language Models (LLMs) > LLM Training" in mlsys_topics

    run(library, body)


@pytest.mark.parametrize("downs", [0, 1, 7])
def test_enter_narrows_to_the_row(library: Library, downs: int) -> None:
    async def body(pilot: Pilot[None], screen: ProgressScreen, app: ProgressApp) -> None:
        table = screen.query_one(ProgressTable)
        for _ in range(downs):
            await pilot.press("j")
        total = int(str(table.get_row_at(table.cursor_row)[6]))
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.results) == 1
        target = app.results[0]
        assert target is not None
        venue, topic = target
        # The main list narrowed this way holds exactly the row's papers.
        papers, states = library.papers(), library.states()
        flt = PaperFilter(venue=venue, topic=topic)
        assert len(apply_filter(SearchIndex.build(papers, states), states, flt)) == total
        if downs == 0:
            assert target == ("ASPLOS 2025", None)
        else:
            assert topic is not None

    run(library, body)


@pytest.mark.parametrize("key", ["escape", "q", "p"])
def test_close_keys_return_none(library: Library, key: str) -> None:
    async def body(pilot: Pilot[None], screen: ProgressScreen, app: ProgressApp) -> None:
        await pilot.press(key)
        await pilot.pause()
        assert app.results == [None]

    run(library, body)


def test_reads_per_week(library: Library) -> None:
    papers = [p for p in library.papers() if not p.withdrawn]
    library.set_status([p.id for p in papers[:3]], Status.READ)
    today = datetime.now(UTC).date()

    async def body(pilot: Pilot[None], screen: ProgressScreen, app: ProgressApp) -> None:
        title = str(screen.query_one("#progress-weeks-title", Static).visual)
        assert title == "Read per week, last 12 weeks: 3 papers"

    run(library, body, today=today)


def test_a_failed_read_is_reported(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> Any:
        raise LibraryError("library.json is not valid JSON (line 3)")

    monkeypatch.setattr(library, "states", broken)
    screen = ProgressScreen(library)
    app = ProgressApp(screen)
    notes: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))

    async def go() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            deadline = time.monotonic() + 30
            while not notes and time.monotonic() < deadline:
                await pilot.pause(0.01)
            totals = str(screen.query_one("#progress-totals", Static).visual)
            assert totals == "Could not read the library."
            await pilot.press("escape")
            await pilot.pause()

    asyncio.run(go())
    assert notes == ["Could not read the library: library.json is not valid JSON (line 3)"]
    assert app.results == [None]


def test_split_width_fills_the_bar() -> None:
    assert split_width([1, 1, 1, 0], 10) == [4, 3, 3, 0]
    assert split_width([0, 0, 0, 0], 10) == [0, 0, 0, 0]
    for counts in ([3, 0, 7, 11], [1, 0, 0, 99], [5, 5, 5, 5]):
        assert sum(split_width(counts, 24)) == 24


def test_labels_are_not_markup(library: Library) -> None:
    library.add_paper("[bold]x[/bold]", "[red]Venue[/red] 2025")

    async def body(pilot: Pilot[None], screen: ProgressScreen, app: ProgressApp) -> None:
        table = screen.query_one(ProgressTable)
        labels = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert all(isinstance(label, Text) for label in labels)
        assert any(label.plain == "[red]Venue[/red] 2025" for label in labels)

    run(library, body)


@pytest.mark.parametrize("binding", [*ProgressScreen.BINDINGS, *ProgressTable.BINDINGS])
def test_every_binding_has_an_id_and_description(binding: Binding) -> None:
    assert isinstance(binding, Binding)
    assert binding.id and re.fullmatch(r"progress(-[a-z]+)+", binding.id)
    assert binding.description


def test_progress_snapshot(library: Library, snap_compare: Any) -> None:
    mark_some(library)

    async def wait(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, ProgressApp)
        await loaded(pilot, app.progress)

    app = ProgressApp(ProgressScreen(library, today=PINNED_TODAY))
    assert snap_compare(app, terminal_size=(120, 40), run_before=wait)


def test_p_in_the_app_narrows_the_list(library: Library, paths: Paths) -> None:
    from papershelf.tui.screens.main import MainScreen

    from .conftest import make_app, ready, view_titles

    app = make_app(library, paths)

    async def go() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            main = await ready(pilot)
            await pilot.press("p")
            screen = app.screen
            assert isinstance(screen, ProgressScreen)
            await loaded(pilot, screen)
            table = screen.query_one(ProgressTable)
            labels = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
            table.move_cursor(row=labels.index("MLSys 2025"))
            await pilot.press("j", "enter")
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            titles = view_titles(main)
            wanted = [
                p.title
                for p in library.papers()
                if p.venue == "MLSys 2025"
                and p.topics
                and p.topics[0] == "Large Language Models (LLMs) > LLM Training"
            ]
            assert titles == wanted

    asyncio.run(go())
