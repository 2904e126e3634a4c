"""The export dialog's file name as typed after a format change: the keys a reader presses."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens import export_dialog

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


def test_the_name_and_folder_checks_run_off_the_event_loop_and_an_edited_name_drops_them(
    app: PapershelfApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that does not answer froze every key: the checks ran on the app's thread.

    The check of the name entered is held until the name is edited; its late answer is
    dropped (the dialog stays open for the new name, which then exports).
    """
    monkeypatch.chdir(tmp_path)
    ran_on: list[int] = []
    release = threading.Event()
    real_offered, real_problem = export_dialog.offered_name, export_dialog.export_problem

    def offered(last_dir: Path | None, ending: str) -> Path:
        ran_on.append(threading.get_ident())
        return real_offered(last_dir, ending)

    def problem(path: Path) -> str:
        ran_on.append(threading.get_ident())
        if path.name == "slow.bib" and threading.get_ident() != loop_thread:
            release.wait()  # a hung share; only off the loop, else the test itself would hang
        return real_problem(path)

    monkeypatch.setattr(export_dialog, "offered_name", offered)
    monkeypatch.setattr(export_dialog, "export_problem", problem)
    loop_thread = threading.get_ident()
    target = tmp_path / "fast.bib"

    async def run() -> bool:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            field = await open_export_dialog(pilot, screen)
            dialog = app.screen
            field.value = str(tmp_path / "slow.bib")
            field.focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: len(ran_on) >= 2)
            field.value = str(target)  # edited while the check hangs: keys still work
            release.set()
            await wait_for(pilot, lambda: all(w.group != "export-check" for w in app.workers))
            await pilot.pause()
            still_open = app.screen is dialog
            await pilot.press("enter")
            await wait_for(pilot, target.exists)
            await wait_for(pilot, lambda: all(w.group != "export" for w in app.workers))
            return still_open

    try:
        still_open = asyncio.run(run())
    finally:
        release.set()  # a check still held ends with the test, whatever happened
    assert ran_on and loop_thread not in ran_on
    assert still_open  # the answer for slow.bib did not close the dialog
    assert not (tmp_path / "slow.bib").exists()
