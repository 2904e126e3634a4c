"""Enter in the import dialog checks the path off the event loop, as the completion does.

A network folder that does not answer a ``stat`` froze every key while enter waited for it.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from papershelf.services import importing
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens import import_dialog
from papershelf.tui.screens.import_dialog import ImportDialog

from .conftest import HOSTILE_LIST, SIZE, open_import_dialog, ready, wait_for


@pytest.fixture
def hung(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[int]]:
    """``check_list_path`` as on a folder that answers only once released; who called it."""
    release, callers = threading.Event(), []
    real = importing.check_list_path

    def check(path: Path) -> None:
        callers.append(threading.get_ident())
        release.wait(30)  # a guard against a hang, not a timing
        real(path)

    monkeypatch.setattr(f"{import_dialog.__name__}.check_list_path", check)
    return release, callers


def test_keys_act_while_enter_waits_for_the_folder(
    app: PapershelfApp, tmp_path: Path, hung: tuple[threading.Event, list[int]]
) -> None:
    release, callers = hung
    source = tmp_path / "extra.md"
    source.write_text(HOSTILE_LIST, encoding="utf-8")

    async def run() -> tuple[int, bool]:
        loop_thread = threading.get_ident()
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            field = await open_import_dialog(pilot, screen)
            field.value = str(source)
            await pilot.press("enter")
            await wait_for(pilot, lambda: bool(callers))
            await pilot.press("left")  # a key, while the folder has not answered
            waiting = isinstance(app.screen, ImportDialog) and not release.is_set()
            release.set()
            await wait_for(pilot, lambda: len(screen.shelf.papers) > 77)  # then imported
            return loop_thread, waiting

    loop_thread, waiting = asyncio.run(run())
    assert callers[0] != loop_thread
    assert waiting


def test_an_answer_for_text_edited_meanwhile_is_dropped(
    app: PapershelfApp, tmp_path: Path, hung: tuple[threading.Event, list[int]]
) -> None:
    release, callers = hung
    source = tmp_path / "extra.md"
    source.write_text(HOSTILE_LIST, encoding="utf-8")

    async def run() -> tuple[bool, str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            field = await open_import_dialog(pilot, screen)
            field.value = str(source)
            await pilot.press("enter")
            await wait_for(pilot, lambda: bool(callers))
            await pilot.press("x")  # the path edited before the folder answered
            release.set()
            dialog = app.screen
            await wait_for(pilot, lambda: not dialog.workers)  # the answer came back
            await pilot.pause()
            still = app.screen is dialog
            await pilot.press("backspace", "enter")  # the path as it was: imported now
            await wait_for(pilot, lambda: len(screen.shelf.papers) > 77)
            return still, field.value

    still, value = asyncio.run(run())
    assert still
    assert value == str(source)
