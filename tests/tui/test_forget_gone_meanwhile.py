"""A list the picker showed, forgotten elsewhere meanwhile, is not replaced by another."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input

from papershelf.errors import PapershelfError
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.library_commands import Forget
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.dialogs import ConfirmDialog
from papershelf.tui.screens.main import MainScreen

from .conftest import make_app, ready, settle, type_text, wait_for
from .test_forget_list import open_picker


def _two_lists(tmp_path: Path, library: Library) -> None:
    for name, title in (("graphs", "Graph Paper One"), ("graphs-old", "Graph Paper Two")):
        path = tmp_path / f"{name}.md"
        path.write_text(f"# OSDI 2024\n\n- [{title}](https://e.org/{name})\n", encoding="utf-8")
        library.import_lists([path])


def test_the_apps_forget_takes_the_name_alone(tmp_path: Path, library: Library) -> None:
    _two_lists(tmp_path, library)
    Library(library.paths).forget("graphs")  # elsewhere
    with pytest.raises(PapershelfError, match="no list 'graphs'"):
        Forget("graphs", exact=True).run(library)
    assert [i.name for i in library.lists() if not i.bundled] == ["graphs-old"]


def test_a_list_forgotten_while_the_picker_was_open_takes_no_other(
    tmp_path: Path, library: Library, paths: Paths
) -> None:
    _two_lists(tmp_path, library)
    app: PapershelfApp = make_app(library, paths)

    async def run() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await ready(pilot)
            await open_picker(pilot, app)
            Library(paths).forget("graphs")  # `papershelf forget graphs` meanwhile
            await type_text(pilot, "graphs")
            assert isinstance(app.focused, Input)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.press("y")
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
            await settle(pilot, screen)
            await wait_for(
                pilot, lambda: "no list 'graphs'" in str(screen.query_one("#status").render())
            )

    asyncio.run(run())
    assert [i.name for i in Library(paths).lists() if not i.bundled] == ["graphs-old"]
