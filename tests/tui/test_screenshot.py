"""The palette's Screenshot: saved where a folder exists, the toast naming the whole path."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from papershelf.tui import screenshot
from papershelf.tui.app import PapershelfApp

from .conftest import SIZE, ready, wait_for


def test_the_folder_is_downloads_when_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    downloads = tmp_path / "Downloads"
    assert screenshot.screenshot_folder(downloads) == tmp_path
    downloads.mkdir()
    assert screenshot.screenshot_folder(downloads) == downloads


def _highlighted(palette: CommandPalette) -> str:
    option = palette.query_one(CommandList).highlighted_option
    return "" if option is None else str(option.prompt)


@pytest.mark.parametrize("has_downloads", [False, True])
def test_the_palettes_screenshot_is_saved_and_says_where(
    app: PapershelfApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, has_downloads: bool
) -> None:
    """Without ~/Downloads it said "Failed to save screenshot"; now it goes to the folder here."""
    here, downloads = tmp_path / "here", tmp_path / "Down[b]loads"
    here.mkdir()
    if has_downloads:
        downloads.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.setattr(screenshot, "user_downloads_path", lambda: downloads)
    toasts: list[tuple[str, dict[str, object]]] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: toasts.append((message, kw)))
    folder = downloads if has_downloads else here

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
            palette = app.screen
            assert isinstance(palette, CommandPalette)
            await pilot.press(*"screenshot")
            await wait_for(pilot, lambda: _highlighted(palette).startswith("Screenshot"))
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await wait_for(pilot, lambda: any(folder.glob("*.svg")) and bool(toasts))

    asyncio.run(run())
    (saved,) = folder.glob("*.svg")
    assert "<svg" in saved.read_text(encoding="utf-8")
    assert toasts == [(f"Saved screenshot to {saved}", {"title": "Screenshot", "markup": False})]
