"""An import from the palette: its result stays readable, as the command line words it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.widgets import Input

from papershelf.tui import commands
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.dialogs import ImportDialog
from papershelf.tui.widgets.status_line import FLASH_SECONDS, StatusLine

from .conftest import SIZE, ready, wait_for

LIST = Path(__file__).resolve().parents[1] / "data" / "issue_shapes.md"


def test_the_import_result_outlasts_the_status_line(app: PapershelfApp) -> None:
    toasts: list[tuple[str, float | None]] = []
    notify = app.notify

    def record(message: str, **kw: Any) -> None:
        toasts.append((message, kw.get("timeout")))
        notify(message, **kw)

    app.notify = record  # type: ignore[method-assign]

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            commands.import_list(screen)
            await wait_for(pilot, lambda: isinstance(app.screen, ImportDialog))
            await wait_for(pilot, lambda: bool(app.screen.query("#import-path")))
            app.screen.query_one("#import-path", Input).value = str(LIST)
            await pilot.press("enter")
            status = screen.query_one(StatusLine)
            await wait_for(pilot, lambda: "joined" in status.message)
            assert [m for m, _ in toasts if "importing" in m] == []  # no toast to outlive
            ((message, timeout),) = toasts
            assert message.startswith(f"imported {LIST}: ")
            assert "11 new, 2 updated, 0 unchanged" in message
            assert "skipped 1: 1 tools or repositories" in message
            assert timeout is not None and timeout >= 4 * FLASH_SECONDS

    asyncio.run(run())
