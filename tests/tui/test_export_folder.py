"""The export dialog offers the folder the last export went to, not always the working one."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.status_line import StatusLine

from .conftest import SIZE, open_export_dialog, ready, wait_for


def test_the_next_export_is_offered_the_last_ones_folder(
    app: PapershelfApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here, there = tmp_path / "here", tmp_path / "reading" / "exports"
    here.mkdir()
    there.mkdir(parents=True)
    monkeypatch.chdir(here)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            field = await open_export_dialog(pilot, screen)
            assert Path(field.value).parent == here  # the first time: the working folder
            field.value = str(there / "mine.bib")
            field.focus()
            await pilot.press("enter")
            await wait_for(pilot, (there / "mine.bib").exists)
            status = screen.query_one(StatusLine)
            await wait_for(pilot, lambda: status.message.startswith("exported 76 papers"))
            field = await open_export_dialog(pilot, screen)
            assert field.value == str(there / "papers.bib")
            await pilot.press("escape")
            (there / "mine.bib").unlink()
            there.rmdir()  # gone since: the working folder again, not a path that cannot be
            field = await open_export_dialog(pilot, screen)
            assert Path(field.value).parent == here

    asyncio.run(run())
