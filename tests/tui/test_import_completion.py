"""The import dialog says when the path typed can complete to nothing (it looked the same)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

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


async def accept(pilot: Pilot[int], field: Input, value: str) -> None:
    """Right arrow until the completion is taken: it comes from a thread, a little later."""
    deadline = time.monotonic() + 30  # a guard against a hang, not a speed check
    while field.value != value:
        assert time.monotonic() < deadline, field.value
        await pilot.press("right")


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
            await accept(pilot, field, f"{tmp_path}/osdi-2025.md")  # the completion is there
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
            await accept(pilot, field, f"{tmp_path}/osdi-2025.md")
        assert on_loop and not any(on_loop)

    asyncio.run(run())


def test_what_enter_refused_stays_over_a_completion_that_comes_late(
    app: PapershelfApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder's answer comes after enter said why: enter's reason is the one kept."""
    release, done = threading.Event(), threading.Event()
    complete = PathSuggester._complete

    def late(value: str) -> tuple[str | None, str]:
        release.wait(60)
        try:
            return complete(value)
        finally:
            done.set()

    async def run() -> tuple[str, str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            field = await open_import_dialog(pilot, screen)
            note = pilot.app.screen.query_one("#import-error", Static)
            monkeypatch.setattr(PathSuggester, "_complete", staticmethod(late))
            field.value = f"{tmp_path}/nope.md"
            await pilot.press("enter")
            await wait_for(pilot, lambda: "nope.md" in str(note.visual))
            refused = str(note.visual)
            release.set()
            await wait_for(pilot, done.is_set)
            for _ in range(3):  # the answer's word reaches the dialog on the loop
                await pilot.pause()
            return refused, str(note.visual)

    refused, shown = asyncio.run(run())
    assert "starts with" not in refused
    assert shown == refused
