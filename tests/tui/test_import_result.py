"""An import from the palette: its result stays readable, as the command line words it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from papershelf.services.commands import Import
from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.status_line import FLASH_SECONDS, StatusLine

from .conftest import SIZE, open_import_dialog, ready, recorded_toasts, wait_for

LIST = Path(__file__).resolve().parents[1] / "data" / "issue_shapes.md"


def test_the_import_result_outlasts_the_status_line(app: PapershelfApp) -> None:
    toasts = recorded_toasts(app)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            (await open_import_dialog(pilot, screen)).value = str(LIST)
            await pilot.press("enter")
            status = screen.query_one(StatusLine)
            await wait_for(pilot, lambda: "joined" in status.message)
            assert [m for m, _ in toasts if "importing" in m] == []  # no toast to outlive
            ((message, given),) = toasts
            timeout = given.get("timeout")
            assert message.startswith(f"imported {LIST}: ")
            assert "11 new, 2 updated, 0 unchanged" in message
            assert "skipped 1: 1 tools or repositories" in message
            assert timeout is not None and 2 * FLASH_SECONDS <= timeout <= 15

    asyncio.run(run())


@pytest.mark.parametrize("key", ["question_mark", "p"])
def test_the_import_toast_does_not_cover_the_next_screen(
    app: PapershelfApp, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24 the result's toast sat over the help and progress screens for 30 s; the
    status line keeps the result meanwhile (past its usual few seconds)."""
    monkeypatch.setattr("papershelf.tui.screens.main.FLASH_SECONDS", 0.05)

    async def run() -> None:
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            screen = await ready(pilot)
            screen.submit(Import((LIST,)))
            status = screen.query_one(StatusLine)
            await wait_for(pilot, lambda: "joined" in status.message)
            await wait_for(pilot, lambda: toasts(app) == 1)
            await pilot.press(key)
            await wait_for(pilot, lambda: app.screen is not screen)
            await pilot.pause(0.2)
            assert toasts(app) == 0
            if key == "question_mark":  # a dialog: the main screen shows around it
                assert not screen.query("Toast")
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            assert status.message.startswith(f"imported {LIST}")  # still there

    asyncio.run(run())


def toasts(app: PapershelfApp) -> int:
    """The toasts on the screen on top (Textual's ``Toast`` widgets)."""
    return len(app.screen.query("Toast"))
