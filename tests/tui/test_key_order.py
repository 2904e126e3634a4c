"""Keys read together act as if typed one by one: each goes where the one before left focus.

A terminal hands the app several keys in one read when they come fast (a paste without
bracketed paste, a key held down, typing over a slow link). Textual sent them all to the
focused widget before the first one's binding ran: after ``/`` the letters of a search went
to the list and marked papers. ``burst`` posts keys the way the driver does for one read.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config, UiOptions
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.widgets.note_editor import NoteEditor

from .conftest import SIZE, make_app, ready, settle, wait_for

CHARACTERS = {"slash": "/", "enter": "\r", "escape": "\x1b"}


def burst(app: PapershelfApp, keys: list[str]) -> None:
    """``keys`` queued at once, as the driver queues the keys of one read."""
    for key in keys:
        app.post_message(events.Key(key, CHARACTERS.get(key, key)))


async def keys_done(pilot: Pilot[int], app: PapershelfApp) -> None:
    """Until the app has taken every key posted, none waits its turn, and what the last
    one queued has run."""
    await pilot.pause()  # the posted keys reach the app's handler
    await wait_for(pilot, lambda: not app.keys.waiting and not app.keys.sending)
    await app._handled()
    await pilot.pause()


def statuses(screen: MainScreen) -> dict[str, Status]:
    shelf = screen.shelf
    return {p.id: shelf.state(p.id).status for p in shelf.papers}


def test_a_search_typed_in_one_read_goes_to_the_search_box(
    app: PapershelfApp, library: Library
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            before = statuses(screen)
            burst(app, ["slash", "t", "r", "a", "i", "n"])
            await keys_done(pilot, app)
            assert isinstance(app.focused, Input)
            assert app.focused.value == "train"
            await settle(pilot, screen)
            assert statuses(screen) == before  # t and r marked nothing
            assert all(s.status is Status.UNREAD for s in library.states().values())

    asyncio.run(run())


def test_a_burst_through_search_and_back_marks_the_first_result(
    app: PapershelfApp, library: Library
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            burst(app, ["slash", *"serving", "enter", "t"])
            await keys_done(pilot, app)
            await settle(pilot, screen)
            first = screen.paper_list.papers[0]
            assert "serving" in first.title.lower()
            marked = {i for i, s in library.states().items() if s.status is Status.TO_READ}
            assert marked == {first.id}

    asyncio.run(run())


def test_a_held_key_moves_once_per_repeat(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            start = screen.paper_list.cursor
            burst(app, ["j"] * 12)
            await keys_done(pilot, app)
            assert screen.paper_list.cursor == start + 12

    asyncio.run(run())


KEYS = st.lists(
    st.sampled_from(["slash", "t", "r", "s", "j", "k", "u", "n", "a", "enter", "escape"]),
    min_size=1,
    max_size=10,
)


async def _play(keys: list[str], together: bool) -> tuple[object, ...]:
    """The state after ``keys``: typed one by one (Pilot waits between) or in one read."""
    with tempfile.TemporaryDirectory() as folder:
        paths = Paths(Path(folder) / "data")
        library = Library(paths, lock_timeout=2.0)
        # No autosave: a pause between keys typed one by one would save a note's text more
        # often than the burst, and ``u`` would then undo a different save.
        app = make_app(library, paths, config=Config(ui=UiOptions(autosave_seconds=600)))
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            if together:
                burst(app, keys)
                await keys_done(pilot, app)
            else:
                for key in keys:
                    await pilot.press(key)
                    await keys_done(pilot, app)
            await pilot.press("ctrl+s")  # a note being typed is saved
            await settle(pilot, screen)
            focused = app.focused
            return (
                type(focused).__name__,
                focused.value if isinstance(focused, Input) else None,
                focused.text if isinstance(focused, NoteEditor) else None,
                screen.paper_list.cursor,
                statuses(screen),
                {i: s.note for i, s in library.states().items() if s.note},
            )


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(KEYS)
@example(["t", "u", "slash"])  # the undo's jump to its paper took the focus back from search
def test_keys_read_together_do_what_they_do_one_by_one(keys: list[str]) -> None:
    one_by_one = asyncio.run(_play(keys, together=False))
    together = asyncio.run(_play(keys, together=True))
    assert together == one_by_one
