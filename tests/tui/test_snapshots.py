"""Layout snapshots of the main screen at 120x40 (steady: no clock, fixed header, no blink).

Update them with ``pytest tests/tui/test_snapshots.py --snapshot-update`` after a deliberate
layout change, and look at the SVGs before committing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from papershelf.paths import Paths
from papershelf.services.library import Library

from .conftest import SIZE, make_app, ready, settle

SnapCompare = Callable[..., bool]


@pytest.fixture
def colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.mark.usefixtures("colour")
def test_main_screen_first_run(snap_compare: SnapCompare, library: Library, paths: Paths) -> None:
    app = make_app(library, paths, first_run=True)

    async def before(pilot: Pilot[int]) -> None:
        await ready(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


@pytest.mark.usefixtures("colour")
def test_main_screen_after_triage_and_search(
    snap_compare: SnapCompare, library: Library, paths: Paths
) -> None:
    app = make_app(library, paths)

    async def before(pilot: Pilot[int]) -> None:
        screen = await ready(pilot)
        await pilot.press("r", "t", "i", "s", "j", "space", "space")
        await pilot.press("slash", *"llm", "enter", "j")
        await settle(pilot, screen)
        app.session.stop()  # no refresh may land while the screenshot is taken

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_main_screen_no_color_narrow(
    snap_compare: SnapCompare, library: Library, paths: Paths
) -> None:
    app = make_app(library, paths)

    async def before(pilot: Pilot[int]) -> None:
        await ready(pilot)
        await pilot.press("4", "1")

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
