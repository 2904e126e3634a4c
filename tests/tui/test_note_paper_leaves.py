"""A note being typed when its paper leaves the list (``papershelf forget`` beside the app)."""

from __future__ import annotations

import asyncio

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.orphans import UNKNOWN_TITLE
from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.note_editor import NoteEditor

from .conftest import SIZE, highlighted, ready, screen_text, wait_for


def test_keys_typed_after_the_note_s_paper_left_go_on_into_the_note(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    elsewhere = Library(paths, lock_timeout=2.0)  # `papershelf forget` beside the app
    listed = {p.id for p in library.papers()}

    async def run() -> str:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            assert paper.venue == "ASPLOS 2025"
            await pilot.press("n", *"read it")
            elsewhere.forget("asplos-2025")
            await wait_for(pilot, lambda: paper.id not in screen.shelf.by_id)
            await wait_for(pilot, lambda: highlighted(screen).id != paper.id)
            await pilot.press(*" trs")  # to-read, read and star on the list, were it closed
            editor = screen.query_one(NoteEditor)
            assert app.focused is editor
            assert editor.text == "read it trs"
            await pilot.press("escape")
            await wait_for(pilot, lambda: library.state(paper.id).note == "read it trs")
            return paper.id

    pid = asyncio.run(run())
    left = {p.id for p in library.papers()}
    assert pid not in left  # forgotten: its note kept with its id (an orphan)
    touched = {i for i, s in library.states().items() if s.status is not Status.UNREAD}
    assert touched.isdisjoint(listed) and not any(s.starred for s in library.states().values())


def test_an_orphaned_note_keeps_its_paper_s_title_and_details(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    """The list goes before the note's first save: the note is not "(title unknown)", and
    while it is open the details beside it are its paper's, not the highlighted one's."""
    elsewhere = Library(paths, lock_timeout=2.0)  # `papershelf forget` beside the app

    async def run() -> tuple[str, str, str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            assert library.state(paper.id).note == ""
            await pilot.press("n", *"worth a read")
            elsewhere.forget("asplos-2025")  # before the autosave: no state of it yet
            await wait_for(pilot, lambda: paper.id not in screen.shelf.by_id)
            await wait_for(pilot, lambda: highlighted(screen).id != paper.id)
            await pilot.pause()
            open_beside = screen_text(app)
            await pilot.press("escape")
            await wait_for(pilot, lambda: library.state(paper.id).note == "worth a read")
            await pilot.pause()
            return paper.id, open_beside, screen_text(app)

    pid, open_beside, closed = asyncio.run(run())
    title = Library(paths).paper(pid).title
    assert title != UNKNOWN_TITLE and title.startswith("Concerto:")
    assert "Concerto:" in open_beside  # the note's own paper beside it (the list lacks it)
    assert "Concerto:" not in closed  # closed: the highlighted paper's details again


def test_the_note_s_paper_leaving_is_said_once_however_the_cursor_moves(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    elsewhere = Library(paths, lock_timeout=2.0)  # `papershelf forget` beside the app

    def warnings() -> int:
        return sum("left the list" in str(n.message) for n in app._notifications)

    async def run() -> tuple[int, int, str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("n", *"keep")
            elsewhere.forget("asplos-2025")
            await wait_for(pilot, lambda: paper.id not in screen.shelf.by_id)
            await wait_for(pilot, lambda: warnings() > 0)
            first = highlighted(screen).id
            screen.paper_list.action_cursor_down()  # the cursor moves on twice more
            await wait_for(pilot, lambda: highlighted(screen).id != first)
            screen.paper_list.action_cursor_down()
            await pilot.pause()
            return warnings(), len(screen.shelf.by_id), screen.query_one(NoteEditor).text

    said, listed, typed = asyncio.run(run())
    assert listed > 2
    assert said == 1
    assert typed == "keep"
