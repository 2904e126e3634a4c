"""The start: the first lists show while the rest load, and no key is lost meanwhile.

The lists of a catalog without its cache are parsed on the session's thread; a gate holds
the last one, so the test sees the screen as it is while the rest loads.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from papershelf.domain.models import ParsedList, Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.nav_model import NavKey
from papershelf.tui.screens.main import MainScreen

from .conftest import make_app, ready, screen_text, settle, view_titles, wait_for

EXTRA = """# Extra Conf 2026

## Papers

### Sys

* Topic
  * A paper of the last list \\[[Paper](https://example.org/last)]
"""


def _gated_library(paths: Paths, tmp_path: Path, gate: threading.Event) -> Library:
    """The bundled lists and one imported list, the cache deleted; its parse waits for ``gate``."""
    source = tmp_path / "extra.md"
    source.write_text(EXTRA, encoding="utf-8")
    Library(paths).import_lists([source])
    paths.catalog.unlink()
    library = Library(paths, lock_timeout=2.0)
    store = library._catalog_store
    parse = store._parse

    def gated(text: str, *, source: str, venue: str | None) -> ParsedList:
        if source == "extra.md":
            assert gate.wait(30), "the test never opened the gate"
        return parse(text, source=source, venue=venue)

    store._parse = gated
    return library


async def _partly_shown(pilot: Pilot[int]) -> MainScreen:
    """The main screen once it shows the first lists (the last one is still held)."""
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    await wait_for(pilot, lambda: screen.start.progress and screen.paper_list.papers)
    return screen


def test_without_a_cache_the_first_lists_show_then_all_of_them(
    paths: Paths, tmp_path: Path
) -> None:
    gate = threading.Event()
    app = make_app(_gated_library(paths, tmp_path, gate), paths)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _partly_shown(pilot)
            await pilot.pause()
            text = screen_text(app)
            assert "loading the catalog" in text
            assert "keys wait for it" in text
            assert not screen.loaded.is_set()
            # The tree shows the lists in so far, and says the rest is loading.
            nav = screen.nav
            await wait_for(pilot, lambda: nav.label_of(NavKey("venue", "ASPLOS 2025")) is not None)
            assert nav.label_of(NavKey("venue", "Extra Conf 2026")) is None
            assert nav.border_title == "Venues · topics · loading…"
            assert "A paper of the last list" not in view_titles(screen)
            gate.set()
            await ready(pilot)
            await wait_for(pilot, lambda: nav.label_of(NavKey("venue", "Extra Conf 2026")))
            assert "A paper of the last list" in view_titles(screen)
            assert "loading the catalog" not in screen_text(app)
            assert nav.border_title == "Venues · topics"

    try:
        asyncio.run(run())
    finally:
        gate.set()


def test_a_key_pressed_while_loading_acts_once_all_is_in(paths: Paths, tmp_path: Path) -> None:
    gate = threading.Event()
    app = make_app(_gated_library(paths, tmp_path, gate), paths)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _partly_shown(pilot)
            paper = screen.paper_list.highlighted
            assert paper is not None
            await pilot.press("t")  # to-read, on the highlighted paper
            await pilot.pause()
            assert screen.session.idle  # held: nothing was submitted on part of the catalog
            assert screen.shelf.state(paper.id).status is Status.UNREAD
            gate.set()
            await ready(pilot)
            await wait_for(pilot, lambda: screen.shelf.state(paper.id).status is Status.TO_READ)
            await settle(pilot, screen)

    try:
        asyncio.run(run())
    finally:
        gate.set()
    assert Library(paths).state(paper_id(paths)).status is Status.TO_READ


def paper_id(paths: Paths) -> str:
    """The first paper of the catalog: the one the cursor starts on."""
    return Library(paths).papers()[0].id


@pytest.mark.parametrize("cached", [True, False])
def test_a_small_catalog_is_on_screen_as_the_screen_mounts(paths: Paths, cached: bool) -> None:
    Library(paths).papers()  # the bundled lists, cached
    if not cached:
        paths.catalog.unlink()
    app = make_app(Library(paths, lock_timeout=2.0), paths)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            # Cached: loaded before the first frame; else a moment later by the session.
            assert screen.loaded.is_set() is cached
            await ready(pilot)
            assert len(screen.paper_list.papers) == 76

    asyncio.run(run())


def test_a_damaged_list_index_at_start_is_the_load_error_not_a_crash(
    paths: Paths, tmp_path: Path
) -> None:
    source = tmp_path / "extra.md"
    source.write_text(EXTRA, encoding="utf-8")
    Library(paths).import_lists([source])
    (paths.lists / "index.json").write_text("[1, 2", encoding="utf-8")
    app = make_app(Library(paths, lock_timeout=2.0), paths)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: app.load_error is not None)

    asyncio.run(run())
    assert app.load_error is not None and "index.json" in app.load_error
    assert app.return_code == 2


def test_a_remembered_title_order_waits_for_the_whole_catalog(paths: Paths, tmp_path: Path) -> None:
    """The first lists sorted by title would not be the first titles of all: "Loading…"."""
    gate = threading.Event()
    app = make_app(_gated_library(paths, tmp_path, gate), paths)
    main_screens: list[MainScreen] = []

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
            screen = app.screen
            assert isinstance(screen, MainScreen)
            main_screens.append(screen)
            await wait_for(pilot, lambda: screen.start.progress is not None)
            await pilot.pause()
            assert not screen.paper_list.papers
            assert "Loading…" in screen_text(app)
            status = str(screen.query_one("#status").render())
            assert status.startswith(" the view you left   loading the catalog")  # no "0 of N"
            gate.set()
            await ready(pilot)
            assert str(screen.query_one("#status").render()).startswith(
                " all papers · sorted by title"
            )
            titles = view_titles(screen)
            assert titles == sorted(titles, key=str.casefold)
            assert "A paper of the last list" in titles

    original = MainScreen.__init__

    def remembering(self: MainScreen, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        self.start.remembered = {"sort": "title"}

    try:
        MainScreen.__init__ = remembering  # type: ignore[method-assign]
        asyncio.run(run())
    finally:
        MainScreen.__init__ = original  # type: ignore[method-assign]
        gate.set()


def _keys_while_loading(
    paths: Paths,
    tmp_path: Path,
    keys: tuple[str, ...],
    then: Callable[[Pilot[int], MainScreen], Awaitable[None]],
) -> None:
    """Press ``keys`` while the last list is still held, let it in, then run ``then``."""
    gate = threading.Event()
    app = make_app(_gated_library(paths, tmp_path, gate), paths)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _partly_shown(pilot)
            await pilot.press(*keys)
            gate.set()
            await ready(pilot)
            await then(pilot, screen)

    try:
        asyncio.run(run())
    finally:
        gate.set()


def test_a_search_typed_while_loading_goes_to_the_search_box(paths: Paths, tmp_path: Path) -> None:
    """``/`` moves the focus to the search box: the letters held after it go there, not to
    the list (where ``t``, ``r``, ``s`` would mark and star papers)."""
    from textual.widgets import Input

    async def then(pilot: Pilot[int], screen: MainScreen) -> None:
        search = screen.query_one("#search", Input)
        await wait_for(pilot, lambda: search.value == "trs")
        await settle(pilot, screen)
        assert pilot.app.focused is search

    _keys_while_loading(paths, tmp_path, ("slash", "t", "r", "s"), then)
    assert not Library(paths).states()


def test_enter_after_a_search_typed_while_loading_goes_back_to_the_list(
    paths: Paths, tmp_path: Path
) -> None:
    from papershelf.tui.widgets.paper_list import PaperList

    async def then(pilot: Pilot[int], screen: MainScreen) -> None:
        await wait_for(pilot, lambda: isinstance(pilot.app.focused, PaperList))
        assert screen.view.query == "pa"

    _keys_while_loading(paths, tmp_path, ("slash", "p", "a", "enter"), then)


@pytest.mark.parametrize(
    ("size", "shown"),
    [((60, 20), (False, False)), ((80, 24), (True, False)), ((160, 45), (True, True))],
)
def test_the_first_frame_has_the_layout_of_its_width(
    app: PapershelfApp,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    shown: tuple[bool, bool],
) -> None:
    """At 80 columns the first frame showed the tree pane, and the next one took it away."""
    seen: list[tuple[bool, bool]] = []
    resize = MainScreen._on_resize

    async def first_resize(screen: MainScreen, event: events.Resize) -> None:
        seen.append((screen.query_one("#nav").display, screen.query_one("#detail").display))
        await resize(screen, event)

    monkeypatch.setattr(MainScreen, "_on_resize", first_resize)

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            screen = await ready(pilot)
            assert (screen.nav.display, screen.detail.display) == shown

    asyncio.run(run())
    assert seen and seen[0] == shown  # already so when Textual's first resize came


def test_q_while_loading_leaves_at_once(paths: Paths, tmp_path: Path) -> None:
    """A catalog rebuilt at start took 6 s to load: ``q`` (and ``ctrl+q``) waited for it."""
    gate = threading.Event()
    app = make_app(_gated_library(paths, tmp_path, gate), paths)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await _partly_shown(pilot)
            await pilot.press("q")
            await wait_for(pilot, lambda: not app.is_running)
            assert not gate.is_set()  # the last list was still loading

    try:
        asyncio.run(run())
    finally:
        gate.set()
    assert app.return_code == 0


@pytest.mark.parametrize("leave", ["q", "ctrl+q"])
def test_a_key_pressed_before_leaving_while_loading_acts_first(
    paths: Paths, tmp_path: Path, leave: str
) -> None:
    """``t`` then ``q`` (which waits its turn) or ``ctrl+q`` (which acts at once, and
    dropped the held ``t``): the paper is marked once all is in, then the app leaves."""
    _t_then_leave(paths, tmp_path, leave, stays=True)
    assert Library(paths).state(paper_id(paths)).status is Status.TO_READ


def _t_then_leave(paths: Paths, tmp_path: Path, leave: str, *, stays: bool) -> PapershelfApp:
    """``t`` then ``leave`` while the last list loads; ``stays``: the app is still up 0.2 s
    later (it waits for the catalog the held ``t`` needs); then the load ends."""
    gate = threading.Event()
    app = make_app(_gated_library(paths, tmp_path, gate), paths)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await _partly_shown(pilot)
            await pilot.press("t", leave)
            if stays:
                await pilot.pause(0.2)
                assert app.is_running
            gate.set()
            await wait_for(pilot, lambda: not app.is_running)

    try:
        asyncio.run(run())
    finally:
        gate.set()
    return app


def test_ctrl_q_waits_for_the_action_of_a_key_still_on_its_way(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The held ``t`` on its way to the app's bindings: ``ctrl+q`` left and the mark was lost.

    A key the app sends again comes from the app, so Textual stops it as it bubbles up to
    its sender; the wait for the keys took that for a key a widget had used, and leaving
    handed over before the binding ran (one run in ten on a busy machine). Here the app is
    slow to take the key back, every time.
    """
    on_key = PapershelfApp._on_key

    async def slow_on_key(self: PapershelfApp, event: events.Key) -> None:
        if event.key == "t":
            await asyncio.sleep(0.1)  # a busy app: the binding runs a moment later
        await on_key(self, event)

    monkeypatch.setattr(PapershelfApp, "_on_key", slow_on_key)
    app = _t_then_leave(paths, tmp_path, "ctrl+q", stays=False)
    assert app.return_code == 0
    assert Library(paths).state(paper_id(paths)).status is Status.TO_READ
