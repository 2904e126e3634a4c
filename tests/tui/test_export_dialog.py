"""The export dialog's file name as typed after a format change: the keys a reader presses."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from papershelf.tui.app import PapershelfApp

from .conftest import SIZE, open_export_dialog, ready, type_text, wait_for


def test_after_a_format_change_ctrl_u_clears_the_whole_offered_name(
    app: PapershelfApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """json picked, ctrl+u, a name typed: the export goes to that name (it went to x.jsonn)."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "x.json"

    async def run() -> tuple[int, str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            path_input = await open_export_dialog(pilot, screen)
            await pilot.press("down", "down", "down", "enter")  # json, on to the file name
            await wait_for(pilot, lambda: path_input.has_focus)
            assert path_input.value == str(tmp_path / "papers.json")
            cursor = path_input.cursor_position
            await pilot.press("ctrl+u")
            cleared = path_input.value
            await type_text(pilot, str(target))
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await wait_for(pilot, lambda: all(w.group != "export" for w in app.workers))
            return cursor, cleared

    cursor, cleared = asyncio.run(run())
    assert cursor == len(str(tmp_path / "papers.json"))
    assert cleared == ""
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["x.json"]


@pytest.mark.parametrize(("name", "first_line"), [("reading.csv", "id,"), ("reading.json", "{")])
def test_a_name_typed_with_a_formats_ending_exports_that_format(
    app: PapershelfApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    first_line: str,
) -> None:
    """bibtex left chosen and "reading.csv" typed: the file held BibTeX under a .csv name."""
    monkeypatch.chdir(tmp_path)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            path_input = await open_export_dialog(pilot, screen)
            await pilot.press("enter")  # the format as offered (bibtex), on to the file name
            await wait_for(pilot, lambda: path_input.has_focus)
            await pilot.press("ctrl+u")
            await type_text(pilot, str(tmp_path / name))
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await wait_for(pilot, lambda: (tmp_path / name).exists())
            await wait_for(pilot, lambda: all(w.group != "export" for w in app.workers))

    asyncio.run(run())
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(first_line)
