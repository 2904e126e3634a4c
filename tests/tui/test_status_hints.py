"""The status line's hint follows the focused pane: keys that type in the search box are not
offered there, and the details' keys go when the details are left."""

from __future__ import annotations

import asyncio

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.screens.main import MainScreen

from .conftest import make_app, ready, wait_for

SEARCH_HINT = "typing searches · enter: the list · escape clears"
DETAIL_HINT = "details: j/k scroll · o open link · escape back"
FIRST_RUN_HINT = "t to-read · r read · / search · ? help"
NOTE_HINT = "typing writes the note · escape saves and closes"  # at 80 columns: ctrl+s gives way


def line(screen: MainScreen) -> str:
    """The status line as drawn (figures, then the feedback or the hint)."""
    return str(screen.query_one("#status").render())


def test_the_search_box_offers_its_own_keys_not_the_lists(library: Library, paths: Paths) -> None:
    """``/``, typing, ``escape``, ``enter``: each step's line says what the keys do there."""
    app = make_app(library, paths, first_run=True)

    async def run() -> list[str]:
        seen = []
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            seen.append(line(screen))
            for keys in (["slash"], list("llm"), ["escape"], ["slash", *"llm", "enter"]):
                await pilot.press(*keys)
                await pilot.pause()
                seen.append(line(screen))
        return seen

    start, opened, typed, cleared, kept = asyncio.run(run())
    assert start.endswith(FIRST_RUN_HINT)
    assert opened.endswith(SEARCH_HINT) and "t to-read" not in opened
    assert "search: llm" in typed and typed.endswith(SEARCH_HINT)
    assert cleared.startswith(" all papers") and cleared.endswith(FIRST_RUN_HINT)
    assert "search: llm" in kept and kept.endswith(FIRST_RUN_HINT)


def test_the_details_hint_goes_with_the_details(library: Library, paths: Paths) -> None:
    """``enter`` then ``escape``: the list's line again (the details' keys stayed 6 s)."""
    app = make_app(library, paths)

    async def run() -> tuple[str, str, str]:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("enter")
            await wait_for(pilot, lambda: screen.detail.scroller.has_focus)
            opened = line(screen)
            await pilot.press("escape")
            await wait_for(pilot, lambda: screen.paper_list.has_focus)
            back = line(screen)
            await pilot.press("enter")
            await wait_for(pilot, lambda: screen.detail.scroller.has_focus)
            await pilot.press("slash")
            await pilot.pause()
            return opened, back, line(screen)

    opened, back, searching = asyncio.run(run())
    assert opened.endswith(DETAIL_HINT)
    assert "details:" not in back
    assert searching.endswith(SEARCH_HINT) and "details:" not in searching


def test_slash_after_a_change_shows_the_search_keys_at_once(library: Library, paths: Paths) -> None:
    """``r`` then ``/``: the feedback was seen; the search box's keys replace it."""
    app = make_app(library, paths)

    async def run() -> tuple[str, str]:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("r")
            await pilot.pause()
            marked = line(screen)
            await pilot.press("slash")
            await pilot.pause()
            return marked, line(screen)

    marked, searching = asyncio.run(run())
    assert "marked read" in marked
    assert searching.endswith(SEARCH_HINT) and "marked read" not in searching


def test_the_hints_name_the_keys_as_config_toml_maps_them(library: Library, paths: Paths) -> None:
    """``mark-read = "R"``: the first-run hint said ``r read``, and ``r`` now marks nothing."""
    from papershelf.services.settings import Config, UiOptions
    from papershelf.tui.widgets.detail_pane import DetailPane

    keymap = {"mark-read": "R", "toggle-detail": "D", "edit-note": "N,ctrl+n"}
    config = Config(keys=keymap, ui=UiOptions(autosave_seconds=0.2))
    app = make_app(library, paths, config=config, first_run=True)

    async def run() -> tuple[str, str, str]:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            first = line(screen)
            no_note = str(screen.query_one(DetailPane).query_one("#no-note").source)  # type: ignore[attr-defined]
            await pilot.press("D")  # the details in place of the tree: the tree's key is named
            await wait_for(pilot, lambda: screen.detail.display)
            await pilot.press("D")
            await wait_for(pilot, lambda: not screen.detail.display)
            return first, no_note, line(screen)

    first, no_note, narrow = asyncio.run(run())
    assert first.endswith("t to-read · R read · ? help")  # at 80 columns: / search gives way
    assert "`N` writes one here, `e` opens" in no_note
    assert "narrow: D details" in narrow


def test_in_the_tree_the_line_offers_the_trees_keys_not_the_lists(
    library: Library, paths: Paths
) -> None:
    """The first run's ``t to-read · r read`` stayed with the tree focused, where t and r rest."""
    app = make_app(library, paths, first_run=True)

    async def run() -> tuple[str, str, bool]:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("shift+tab")
            await wait_for(pilot, lambda: screen.nav.has_focus)
            in_tree = line(screen)
            await pilot.press("t")  # rests in the tree: nothing is marked
            await pilot.pause()
            marked = any(s.status.value != "unread" for s in screen.shelf.states.values())
            await pilot.press("enter")
            await wait_for(pilot, lambda: screen.paper_list.has_focus)
            return in_tree, line(screen), marked

    in_tree, back, marked = asyncio.run(run())
    assert in_tree.endswith("tree: j/k move · l/h open, close · enter its papers")
    assert "t to-read" not in in_tree and not marked
    assert back.endswith(FIRST_RUN_HINT)


def test_the_note_editor_offers_its_own_keys_not_the_lists(library: Library, paths: Paths) -> None:
    """``n``: letters type in the note, so ``t to-read · r read`` is not offered there."""
    app = make_app(library, paths, first_run=True)

    async def run() -> tuple[str, str, str]:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            await pilot.press("n")
            await wait_for(pilot, lambda: screen.detail.editing and screen.focused is not None)
            await pilot.pause()
            opened = line(screen)
            await pilot.press(*"tr")
            await pilot.pause()
            typed = line(screen)
            await pilot.press("escape")
            await wait_for(pilot, lambda: not screen.detail.editing)
            await pilot.pause()
            return opened, typed, line(screen)

    opened, typed, done = asyncio.run(run())
    assert opened.endswith(NOTE_HINT) and "t to-read" not in opened, opened
    assert typed.endswith(NOTE_HINT), typed
    assert "typing writes" not in done, done
