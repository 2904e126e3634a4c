"""Status, star, selection, undo and filter keys on the main screen, checked in the Library."""

from __future__ import annotations

import asyncio

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config, UiOptions
from papershelf.tui.app import PapershelfApp
from papershelf.tui.shelf import NavKey
from papershelf.tui.widgets.paper_list import PaperList

from .conftest import SIZE, highlighted, make_app, ready, row_text, settle


def test_opens_with_the_list_focused_on_the_first_paper(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            assert isinstance(app.focused, PaperList)
            assert screen.paper_list.cursor == 0
            assert highlighted(screen).id == screen.shelf.papers[0].id
            assert "❯" in row_text(screen, 0)

    asyncio.run(run())


def test_status_keys_change_the_glyph_at_once_and_the_library_after(
    app: PapershelfApp, library: Library
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            first, second, third, fourth = (p.id for p in screen.paper_list.papers[:4])
            await pilot.press("t")
            assert screen.shelf is not None
            assert screen.shelf.state(first).status is Status.TO_READ
            assert "○" in row_text(screen, 0)
            assert screen.paper_list.cursor == 1  # advances after triage by default
            await pilot.press("i", "r", "x")
            await settle(pilot, screen)
            assert library.state(first).status is Status.TO_READ
            assert library.state(second).status is Status.READING
            assert library.state(third).status is Status.READ
            assert library.state(fourth).status is Status.UNREAD
            assert [c.status for c in library.state(fourth).history] == []
            assert "●" in row_text(screen, 2)

    asyncio.run(run())


def test_no_advance_when_configured_off(library: Library, paths: Paths) -> None:
    app = make_app(library, paths, config=Config(ui=UiOptions(advance_after_triage=False)))

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("r")
            assert screen.paper_list.cursor == 0

    asyncio.run(run())


def test_star_toggles_and_space_selection_acts_on_all_selected(
    app: PapershelfApp, library: Library
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            ids = [p.id for p in screen.paper_list.papers[:3]]
            await pilot.press("s")
            await settle(pilot, screen)
            assert library.state(ids[0]).starred
            assert screen.paper_list.cursor == 0  # star does not advance
            await pilot.press("s")
            await settle(pilot, screen)
            assert not library.state(ids[0]).starred
            await pilot.press("space", "space")  # selects rows 0 and 1 (space moves on)
            assert screen.paper_list.selected_ids == ids[:2]
            assert "✓" in row_text(screen, 0)
            await pilot.press("r")
            await settle(pilot, screen)
            expected = [Status.READ, Status.READ, Status.UNREAD]
            assert [library.state(i).status for i in ids] == expected
            assert screen.paper_list.selected_ids == []

    asyncio.run(run())


def test_select_all_in_view_then_mark(app: PapershelfApp, library: Library) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            screen.shelf_view.narrow_to(NavKey("venue", "ASPLOS 2025"))
            await pilot.pause()
            in_view = [p.id for p in screen.paper_list.papers]
            assert len(in_view) == 32
            await pilot.press("V", "t")
            await settle(pilot, screen)
            statuses = {library.state(i).status for i in in_view}
            assert statuses == {Status.TO_READ}
            others = [p.id for p in library.papers() if p.venue != "ASPLOS 2025"]
            assert all(library.state(i).status is Status.UNREAD for i in others)

    asyncio.run(run())


def test_undo_and_redo_repeatedly(app: PapershelfApp, library: Library) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            first, second = (p.id for p in screen.paper_list.papers[:2])
            await pilot.press("r", "t")
            await settle(pilot, screen)
            await pilot.press("u")
            await settle(pilot, screen)
            assert library.state(second).status is Status.UNREAD
            assert screen.shelf is not None
            assert screen.shelf.state(second).status is Status.UNREAD
            await pilot.press("u")
            await settle(pilot, screen)
            assert library.state(first).status is Status.UNREAD
            assert "·" in row_text(screen, 0)
            await pilot.press("U")
            await settle(pilot, screen)
            assert library.state(first).status is Status.READ
            assert screen.shelf.state(first).status is Status.READ

    asyncio.run(run())


def test_filter_keys_narrow_the_list_and_show_in_the_status_line(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            total = len(screen.paper_list.papers)
            await pilot.press("r", "r", "t")
            await pilot.press("4")
            assert len(screen.paper_list.papers) == 2
            assert "status: read" in str(screen.query_one("#status").render())
            await pilot.press("2")
            assert len(screen.paper_list.papers) == 1
            await pilot.press("3")
            assert screen.paper_list.papers == []
            assert "No papers with status reading here" in row_text(screen, 0)
            await pilot.press("5")
            assert len(screen.paper_list.papers) == total - 3
            await pilot.press("1")
            assert len(screen.paper_list.papers) == total
            assert "all papers" in str(screen.query_one("#status").render())

    asyncio.run(run())


def test_tree_narrows_the_same_list(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            screen.nav.focus()
            await pilot.pause()
            # All, Starred, To read, Reading, Read, Unread, Withdrawn, then the venues.
            await pilot.press(*["down"] * 7)
            assert {p.venue for p in screen.paper_list.papers} == {"ASPLOS 2025"}
            assert "venue: ASPLOS 2025" in str(screen.query_one("#status").render())
            await pilot.press("down")
            assert {p.venue for p in screen.paper_list.papers} == {"MLSys 2025"}
            await pilot.press("space")  # expand the venue: its topics follow
            await pilot.press("down")
            assert screen.shelf is not None
            assert screen.view.scope.kind == "topic"
            topic = screen.view.scope.topic
            assert screen.paper_list.papers
            assert all(
                any(t == topic or t.startswith(topic + " > ") for t in p.topics)
                for p in screen.paper_list.papers
            )
            # A status key narrows within the tree's venue/topic.
            screen.paper_list.focus()
            await pilot.press("r", "5")
            assert all(p.venue == "MLSys 2025" for p in screen.paper_list.papers)
            assert "status: unread" in str(screen.query_one("#status").render())

    asyncio.run(run())


def test_tree_counts_follow_status_keys(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            assert screen.shelf is not None
            venue = NavKey("venue", highlighted(screen).venue)
            before = screen.shelf.counts.of(venue)
            await pilot.press("r")
            assert screen.shelf.counts.of(venue) == (before[0] + 1, before[1])
            node = screen.nav._by_key[venue]
            assert f"{before[0] + 1}/{before[1]}" in str(node.label)

    asyncio.run(run())
