"""The progress screen: its figures against the domain tally, and where ``enter`` leads.

Pilot tests run under ``asyncio.run``: the suite has no async test plugin.
"""

from __future__ import annotations

import asyncio
import html
import re
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
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.screens import progress
from papershelf.tui.screens.progress import ProgressScreen, Target
from papershelf.tui.widgets.progress_bars import ProgressTable, WeeklyBars, split_width

from .conftest import wait_for

PINNED_TODAY = date(2025, 6, 4)
WAIT = 60.0
"""Seconds a test waits for the counting thread before failing (generous: busy machines)."""


class ProgressApp(App[int]):
    def __init__(self, screen: ProgressScreen) -> None:
        super().__init__()
        self.progress = screen
        self.results: list[Target | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.progress, callback=self.results.append)


def snapshot_of(library: Library, today: date | None = PINNED_TODAY) -> ProgressScreen:
    """The screen on the papers and states the main screen would hand over."""
    return ProgressScreen(library.papers(), dict(library.states()), today=today)


async def loaded(pilot: Pilot[Any], screen: ProgressScreen) -> None:
    await wait_for(pilot, lambda: screen.overall is not None, timeout=WAIT)
    await pilot.pause()


def screen_text(app: App[Any]) -> str:
    """The screen as plain text (from Textual's own SVG screenshot)."""
    text = re.sub(r"<[^>]+>", "", app.export_screenshot())
    return html.unescape(text).replace("\xa0", " ")


def run(
    library: Library,
    body: Callable[[Pilot[int], ProgressScreen, ProgressApp], Any],
    today: date | None = PINNED_TODAY,
) -> ProgressApp:
    screen = snapshot_of(library, today)
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
    """(label, [read, reading, to read, unread, total]) of each row, every venue opened.

    Venue labels lose their open/closed marker; topic labels keep their indent.
    """
    if not table.expanded:
        table.action_expand_all()
    rows = []
    for index in range(table.row_count):
        cells = [str(c) for c in table.get_row_at(index)]
        label = cells[0].removeprefix("▾ ").removeprefix("▸ ")
        rows.append((label, [int(c) for c in cells[2:7]]))
    return rows


def figures(group: Tally) -> list[int]:
    c = group.counts
    return [c[Status.READ], c[Status.READING], c[Status.TO_READ], c[Status.UNREAD], group.total]


def test_figures_match_the_tally(library: Library) -> None:
    mark_some(library)
    papers, states = library.papers(), library.states()
    overall, venues = tally(papers, states, by="venue")
    _, topics = tally(papers, states, by="topic")

    async def body(pilot: Pilot[int], screen: ProgressScreen, app: ProgressApp) -> None:
        shown = row_figures(screen.query_one(ProgressTable))
        venue_rows = [(label, f) for label, f in shown if not label.startswith("  ")]
        assert venue_rows == [(v.label, figures(v)) for v in venues]
        topic_rows = sorted((label.strip(), f) for label, f in shown if label.startswith("  "))
        expected = sorted((t.label.split(" / ", 1)[1], figures(t)) for t in topics)
        assert topic_rows == expected
        totals = str(screen.query_one("#progress-totals", Static).visual)
        assert f"{overall.total} papers (+1 withdrawn)" in totals  # as every command counts
        assert f"{overall.read} read" in totals
        assert f"{overall.percent_read:.0f}% read" in totals
        assert f"{overall.starred} starred" in totals

    run(library, body)


def test_topics_sit_under_their_venue(library: Library) -> None:
    async def body(pilot: Pilot[int], screen: ProgressScreen, app: ProgressApp) -> None:
        labels = [label for label, _ in row_figures(screen.query_one(ProgressTable))]
        venues = [i for i, label in enumerate(labels) if not label.startswith("  ")]
        assert [labels[i] for i in venues] == ["ASPLOS 2025", "MLSys 2025"]
        mlsys_topics = labels[venues[1] + 1 :]
        assert "  Large Language Models (LLMs) > LLM Training" in mlsys_topics

    run(library, body)


@pytest.mark.parametrize("downs", [0, 1, 7])
def test_enter_narrows_to_the_row(library: Library, downs: int) -> None:
    async def body(pilot: Pilot[int], screen: ProgressScreen, app: ProgressApp) -> None:
        table = screen.query_one(ProgressTable)
        await pilot.press("asterisk")  # every venue's topics
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
    async def body(pilot: Pilot[int], screen: ProgressScreen, app: ProgressApp) -> None:
        await pilot.press(key)
        await pilot.pause()
        assert app.results == [None]

    run(library, body)


def test_reads_per_week(library: Library) -> None:
    papers = [p for p in library.papers() if not p.withdrawn]
    library.set_status([p.id for p in papers[:3]], Status.READ)
    today = datetime.now(UTC).date()

    async def body(pilot: Pilot[int], screen: ProgressScreen, app: ProgressApp) -> None:
        title = str(screen.query_one("#progress-weeks-title", Static).visual)
        assert title == "Read per week, last 12 weeks: 3 papers"

    run(library, body, today=today)


def test_a_failed_count_is_reported_as_text(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = "[bold]tally[/bold] broke on [@click=app.quit]"

    def broken(*args: Any) -> Any:
        raise ValueError(error)

    monkeypatch.setattr(progress, "progress_rows", broken)
    screen = snapshot_of(library)
    app = ProgressApp(screen)
    notes: list[tuple[str, bool]] = []
    original = app.notify

    def notify(message: str, **kw: Any) -> None:
        notes.append((message, kw.get("markup", True)))
        original(message, **kw)

    monkeypatch.setattr(app, "notify", notify)

    async def go() -> None:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: notes, timeout=WAIT)
            await pilot.pause()
            totals = str(screen.query_one("#progress-totals", Static).visual)
            assert totals == "Could not count the papers."
            assert screen.overall is None
            # The toast shows the message as it is: its brackets are not markup.
            literal = ("[bold]tally[/bold]", "[@click=app.quit]")
            await wait_for(
                pilot, lambda: all(part in screen_text(app) for part in literal), timeout=WAIT
            )
            assert app.is_running
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.results, timeout=WAIT)

    asyncio.run(go())
    assert notes == [(f"Could not count: {error}", False)]
    assert app.results == [None]


def test_split_width_fills_the_bar() -> None:
    assert split_width([1, 1, 1, 0], 10) == [4, 3, 3, 0]
    assert split_width([0, 0, 0, 0], 10) == [0, 0, 0, 0]
    for counts in ([3, 0, 7, 11], [1, 0, 0, 99], [5, 5, 5, 5]):
        assert sum(split_width(counts, 24)) == 24


def test_labels_are_not_markup(library: Library) -> None:
    library.add_paper("[bold]x[/bold]", "[red]Venue[/red] 2025")

    async def body(pilot: Pilot[int], screen: ProgressScreen, app: ProgressApp) -> None:
        table = screen.query_one(ProgressTable)
        labels = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert all(isinstance(label, Text) for label in labels)
        assert any(label.plain == "  [red]Venue[/red] 2025" for label in labels)

    run(library, body)


@pytest.mark.parametrize("binding", [*ProgressScreen.BINDINGS, *ProgressTable.BINDINGS])
def test_every_binding_has_an_id_and_description(binding: Binding) -> None:
    assert isinstance(binding, Binding)
    assert binding.id and re.fullmatch(r"progress(-[a-z]+)+", binding.id)
    assert binding.description


def test_progress_snapshot(library: Library, snap_compare: Any) -> None:
    mark_some(library)

    async def wait(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, ProgressApp)
        await loaded(pilot, app.progress)

    app = ProgressApp(snapshot_of(library))
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
            table.move_cursor(row=labels.index("▸ MLSys 2025"))
            await pilot.press("l", "j", "enter")  # open the venue, then its first topic
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


def test_venues_first_and_l_opens_one(library: Library) -> None:
    async def body(pilot: Pilot[int], screen: ProgressScreen, app: ProgressApp) -> None:
        table = screen.query_one(ProgressTable)
        labels = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert labels == ["▸ ASPLOS 2025", "▸ MLSys 2025"]
        await pilot.press("j", "l")
        shown = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert shown[:2] == ["▸ ASPLOS 2025", "▾ MLSys 2025"] and len(shown) > 3
        assert all(label.startswith("  ") for label in shown[2:])
        await pilot.press("j", "h")  # on a topic: closes its venue, cursor back on it
        assert table.row_count == 2 and table.cursor_row == 1

    run(library, body)


def test_a_venue_without_topics_has_no_arrow(library: Library) -> None:
    """It showed ``▸`` like the others, and ``l`` turned it to ``▾`` with nothing under it."""
    library.add_paper("A lone paper", "Lone Venue 2025")

    async def body(pilot: Pilot[int], screen: ProgressScreen, app: ProgressApp) -> None:
        table = screen.query_one(ProgressTable)

        def labels() -> list[str]:
            return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]

        assert labels() == ["▸ ASPLOS 2025", "▸ MLSys 2025", "  Lone Venue 2025"]
        await pilot.press("G", "l")
        assert labels() == ["▸ ASPLOS 2025", "▸ MLSys 2025", "  Lone Venue 2025"]
        await pilot.press("asterisk")
        opened = labels()
        assert opened[0] == "▾ ASPLOS 2025" and "▾ MLSys 2025" in opened
        assert opened[-1] == "  Lone Venue 2025"
        await pilot.press("asterisk")  # again: only the venues
        assert labels() == ["▸ ASPLOS 2025", "▸ MLSys 2025", "  Lone Venue 2025"]

    run(library, body)


def test_bars_are_scaled_to_their_level(library: Library) -> None:
    async def body(pilot: Pilot[int], screen: ProgressScreen, app: ProgressApp) -> None:
        table = screen.query_one(ProgressTable)
        table.action_expand_all()
        bars = {
            str(table.get_row_at(i)[0]).strip(): str(table.get_row_at(i)[1]).rstrip()
            for i in range(table.row_count)
        }
        # MLSys (44 papers) has the longest venue bar; ASPLOS (32) a shorter one.
        assert len(bars["▾ MLSys 2025"]) > len(bars["▾ ASPLOS 2025"])
        shortest = min(len(bar) for label, bar in bars.items() if not label.startswith("▾"))
        assert 1 <= shortest < len(bars["▾ ASPLOS 2025"])

    run(library, body)


def test_narrow_screen_cuts_no_word_and_shows_every_week(library: Library) -> None:
    screen = snapshot_of(library, PINNED_TODAY)
    app = ProgressApp(screen)

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(pilot, screen)
            text = screen_text(app)
            assert "% read" in text and "% rea " not in text
            weeks = screen.query_one(WeeklyBars)
            assert len(str(weeks.render()).splitlines()[-1].split()) == ProgressScreen.WEEKS

    asyncio.run(go())
