"""Fixtures for the app's Pilot tests: a Library on tmp_path (bundled seeds) and app helpers.

Pilot tests run under ``asyncio.run``: the suite has no async test plugin.
"""

from __future__ import annotations

import html
import itertools
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input

from papershelf.domain.models import Paper
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config, UiOptions
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.screens.triage import TriageScreen
from tests.conftest import set_clock

SIZE = (120, 40)

HOSTILE_LIST = """# Hostile Conf 2025

## Papers

### Tricks

* Markup
  * [bold]x[/bold] and [@click=app.quit]quit[/] \\[[Paper](https://example.org/a)]
    * Org [red]A[/red]
  * Plain second paper \\[[Paper](https://example.org/b)]
    * Org B
"""


def make_app(
    library: Library,
    paths: Paths,
    *,
    config: Config | None = None,
    first_run: bool = False,
) -> PapershelfApp:
    """The real app on ``library``, steadied for tests: fixed header text, fast autosave."""
    config = config or Config(ui=UiOptions(autosave_seconds=0.2))
    return PapershelfApp(
        library,
        paths,
        config=config,
        first_run=first_run,
        remember_theme=False,
        library_label="~/papers/library.json",
    )


@pytest.fixture
def app(library: Library, paths: Paths) -> PapershelfApp:
    return make_app(library, paths)


@pytest.fixture
def hostile_library(library: Library, tmp_path: Path) -> Library:
    """The seeds plus a list whose titles are markup and whose links are not http."""
    source = tmp_path / "hostile.md"
    source.write_text(HOSTILE_LIST, encoding="utf-8")
    library.import_lists([source])
    return library


async def wait_for(
    pilot: Pilot[int], predicate: Callable[[], object], timeout: float = 30.0
) -> None:
    # A guard against a hang, not a speed check: generous for a busy machine.
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.01)


def _longer(field: Input, length: int) -> bool:
    return len(field.value) >= length


async def type_text(pilot: Pilot[int], text: str) -> None:
    """``pilot.press(*text)`` into the focused Input, at the pace the Input takes the keys.

    The keys go one at a time, each once the Input's value shows the one before, instead of
    after Pilot's wait for the process to idle (over 40 ms a key, most of the time of a test
    that types a path or a long tag). The last key goes with ``pilot.press``: what follows
    a key (a suggestion, a check of the value) is done when this returns, as after press.
    """
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.focused, Input))  # a dialog's, once it is up
    field = app.focused
    assert isinstance(field, Input), field
    start = field.value
    for at, char in enumerate(text[:-1]):
        # Private, and kept: Textual 8 has no public function from a character to the key
        # name a terminal's key gets ("/" -> "slash"), which the app's key handling reads.
        # The public ways wait for the app to idle after every key (Pilot.press) or refuse
        # "," and " " (Binding.make_bindings splits and strips the key).
        app.post_message(events.Key(_character_to_key(char), char))
        await wait_for(pilot, partial(_longer, field, len(start) + at + 1))
    if text:
        await pilot.press(text[-1])


async def ready(pilot: Pilot[int]) -> MainScreen:
    """Wait until the main screen shows papers and its tree, and its search index is built."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    await wait_for(pilot, lambda: screen.loaded.is_set() and screen.live.indexed)
    # The tree is counted on a thread and drawn after the list: a screen still changing
    # under a test would make what it reads depend on the machine's speed.
    await wait_for(pilot, lambda: screen.shelf.counted and bool(screen.nav.root.children))
    await pilot.pause()
    return screen


async def open_triage(pilot: Pilot[int]) -> tuple[TriageScreen, str]:
    """``T`` from the main screen: the triage screen, once up, and its first paper's id."""
    await pilot.press("T")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, TriageScreen))
    triage = pilot.app.screen
    assert isinstance(triage, TriageScreen) and triage.current_id is not None
    return triage, triage.current_id


async def open_import_dialog(pilot: Pilot[int], screen: MainScreen) -> Input:
    """The palette's "Import a list…": the dialog's path field, once it is there."""
    from papershelf.tui import commands
    from papershelf.tui.screens.import_dialog import ImportDialog

    commands.import_list(screen)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ImportDialog))
    await wait_for(pilot, lambda: bool(pilot.app.screen.query("#import-path")))
    return pilot.app.screen.query_one("#import-path", Input)


async def open_export_dialog(pilot: Pilot[int], screen: MainScreen) -> Input:
    """The palette's "Export the view…": the dialog's path field, once it offers a name."""
    from papershelf.tui import commands
    from papershelf.tui.screens.export_dialog import ExportDialog

    commands.export_view(screen)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExportDialog))
    await wait_for(pilot, lambda: bool(pilot.app.screen.query("#export-path")))
    field = pilot.app.screen.query_one("#export-path", Input)
    await wait_for(pilot, lambda: bool(field.value))  # the free name, found by a worker
    return field


async def settle(pilot: Pilot[int], screen: MainScreen) -> None:
    """Wait until every queued change has reached the Library."""
    await wait_for(pilot, lambda: not screen.live.unconfirmed and screen.session.idle)
    await pilot.pause()


def row_text(screen: MainScreen, row: int) -> str:
    """What the list shows on ``row`` (of the visible rows), as plain text."""
    return screen.paper_list.render_line(row).text


def screen_text(app: PapershelfApp) -> str:
    """The screen as plain text (from Textual's own SVG screenshot)."""
    svg = app.export_screenshot()
    text = re.sub(r"<[^>]+>", "", svg)
    return html.unescape(text).replace("\xa0", " ")


def view_titles(screen: MainScreen) -> list[str]:
    return [p.title for p in screen.paper_list.papers]


def highlighted(screen: MainScreen) -> Paper:
    paper = screen.paper_list.highlighted
    assert paper is not None
    return paper


@pytest.fixture
def seconds_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each reading of papershelf's clock a second after the last: "meanwhile" is exact."""
    start = datetime(2026, 1, 1, 10, 0, 0, tzinfo=UTC)
    set_clock(monkeypatch, (start + timedelta(seconds=n) for n in itertools.count()))


def status_of(screen: MainScreen) -> str:
    """The main screen's status line as plain text."""
    return str(screen.query_one("#status").render())


def recorded_toasts(app: PapershelfApp) -> list[tuple[str, dict[str, Any]]]:
    """Every toast the app shows from now on, with what it was given (severity, timeout)."""
    toasts: list[tuple[str, dict[str, Any]]] = []
    notify = app.notify

    def record(message: str, **kw: Any) -> None:
        toasts.append((message, kw))
        notify(message, **kw)

    app.notify = record  # type: ignore[method-assign]
    return toasts


async def press_then(
    pilot: Pilot[int], screen: MainScreen, done: Callable[[], object], *keys: str
) -> None:
    """Press ``keys``, let the screen settle, then wait until ``done`` (a change written)."""
    await pilot.press(*keys)
    await settle(pilot, screen)
    await wait_for(pilot, done)
