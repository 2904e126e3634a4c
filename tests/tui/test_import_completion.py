"""The import dialog says when the path typed can complete to nothing (it looked the same)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from papershelf.tui.app import PapershelfApp
from papershelf.tui.path_suggester import PathSuggester

from .conftest import SIZE, open_import_dialog, ready, type_text, wait_for


def _said(value: str) -> tuple[str | None, str]:
    heard: list[tuple[str, str]] = []
    suggestion = asyncio.run(
        PathSuggester(lambda v, why: heard.append((v, why))).get_suggestion(value)
    )
    assert [v for v, _ in heard] == [value]
    return suggestion, heard[0][1]


def test_the_suggester_says_why_nothing_completes(tmp_path: Path) -> None:
    (tmp_path / "osdi-2025.md").write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    assert _said(f"{tmp_path}/os") == (f"{tmp_path}/osdi-2025.md", "")
    assert _said(f"{tmp_path}/zz") == (None, f"no name in {tmp_path}/ starts with 'zz'")
    assert _said(f"{tmp_path}/nope/a") == (None, f"no folder {tmp_path}/nope/")
    assert _said(f"{tmp_path}/empty/") == (None, f"{tmp_path}/empty/ has nothing to import")
    assert _said(f"{tmp_path}/osdi-2025.md/x") == (
        None,
        f"{tmp_path}/osdi-2025.md is a file, not a folder",
    )
    assert _said("https://example.org/list.md") == (None, "")


def test_the_dialog_shows_it_and_takes_it_back_when_the_path_completes(
    app: PapershelfApp, tmp_path: Path
) -> None:
    (tmp_path / "osdi-2025.md").write_text("x", encoding="utf-8")

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            field = await open_import_dialog(pilot, screen)
            note = pilot.app.screen.query_one("#import-error", Static)
            await type_text(pilot, f"{tmp_path}/zz")
            await wait_for(pilot, lambda: "starts with 'zz'" in str(note.visual))
            assert note.display
            await pilot.press("backspace", "backspace", "o")
            await wait_for(pilot, lambda: not note.display)
            await pilot.press("x")
            await wait_for(pilot, lambda: "starts with 'ox'" in str(note.visual))
            field.value = ""  # emptied: nothing to say
            await wait_for(pilot, lambda: not note.display)
            await type_text(pilot, f"{tmp_path}/o")
            await pilot.press("right")  # the completion is there
            await wait_for(pilot, lambda: field.value == f"{tmp_path}/osdi-2025.md")
            assert not note.display

    asyncio.run(run())


def test_a_slow_folder_does_not_hold_up_the_keys_typed_meanwhile(
    app: PapershelfApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder is read off the event loop: a network disk that hangs leaves typing alone."""
    (tmp_path / "osdi-2025.md").write_text("x", encoding="utf-8")
    release, reading = threading.Event(), threading.Event()
    real_iterdir = Path.iterdir

    on_loop: list[bool] = []

    def slow_iterdir(self: Path) -> Iterator[Path]:
        if self == tmp_path:
            on_loop.append(threading.current_thread() is threading.main_thread())
            reading.set()
            release.wait(0.5 if on_loop[-1] else 60)  # on the loop: it would wait for ever
        return real_iterdir(self)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            field = await open_import_dialog(pilot, screen)
            monkeypatch.setattr(Path, "iterdir", slow_iterdir)
            try:
                await type_text(pilot, f"{tmp_path}/o")
                await wait_for(pilot, reading.is_set)
                await pilot.press("s", "d")  # taken while the folder is still being read
                await wait_for(pilot, lambda: field.value == f"{tmp_path}/osd")
            finally:
                release.set()
            await pilot.press("right")
            await wait_for(pilot, lambda: field.value == f"{tmp_path}/osdi-2025.md")
        assert on_loop and not any(on_loop)

    asyncio.run(run())
