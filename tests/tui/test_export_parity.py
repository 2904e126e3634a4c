"""The app and the CLI write the same export, byte for byte, in every format."""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton

from papershelf.cli.main import main
from papershelf.export import FORMATS
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui import commands
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.export_dialog import ExportDialog
from papershelf.tui.widgets.status_line import StatusLine

from .conftest import SIZE, ready, settle, wait_for


@pytest.mark.parametrize("fmt", FORMATS)
def test_app_and_cli_exports_are_identical(
    fmt: str, app: PapershelfApp, library: Library, paths: Paths, tmp_path: Path
) -> None:
    from_app = tmp_path / f"app.{fmt}"
    from_cli = tmp_path / f"cli.{fmt}"

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("r", "s", "j", "t")  # state the export carries
            await settle(pilot, screen)
            commands.export_view(screen)
            await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
            dialog = app.screen
            await wait_for(pilot, lambda: len(dialog.query(RadioButton)) == len(FORMATS))
            buttons = list(dialog.query(RadioButton))
            buttons[FORMATS.index(fmt)].value = True
            await pilot.pause()  # the dialog suggests a file suffix for the format first
            path_input = dialog.query_one("#export-path", Input)
            path_input.value = str(from_app)
            path_input.focus()
            await pilot.press("enter")
            await wait_for(pilot, from_app.exists)
            await settle(pilot, screen)

    umask = os.umask(0o027)  # an export is the user's file: the umask decides, in both
    try:
        asyncio.run(run())
        code = main(
            [
                "--data-dir",
                str(paths.data_dir),
                "-q",
                "export",
                "--format",
                fmt,
                "-o",
                str(from_cli),
            ]
        )
    finally:
        os.umask(umask)
    assert code == 0
    assert from_app.read_bytes() == from_cli.read_bytes()
    assert b"read" in from_app.read_bytes() or fmt == "bibtex"
    assert stat.S_IMODE(from_app.stat().st_mode) == stat.S_IMODE(from_cli.stat().st_mode) == 0o640


def test_the_export_dialog_works_from_the_keys_alone(app: PapershelfApp, tmp_path: Path) -> None:
    """Down picks markdown, enter goes on to the file name, enter there exports."""
    target = tmp_path / "by-keys.md"

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            commands.export_view(screen)
            await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
            dialog = app.screen
            await wait_for(pilot, lambda: len(dialog.query(RadioButton)) == len(FORMATS))
            await pilot.press("down", "enter")
            path_input = dialog.query_one("#export-path", Input)
            assert app.focused is path_input
            await wait_for(pilot, lambda: path_input.value.endswith(".md"))
            path_input.value = str(target)
            await pilot.press("enter")
            await wait_for(pilot, target.exists)
            await settle(pilot, screen)

    asyncio.run(run())
    assert target.read_text(encoding="utf-8").startswith("#")


def test_no_papers_in_view_is_said_instead_of_an_empty_export(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("4")  # papers read: none yet
            await wait_for(pilot, lambda: not screen.paper_list.papers)
            commands.export_view(screen)
            await pilot.pause()
            assert not isinstance(app.screen, ExportDialog)
            line = screen.query_one(StatusLine)
            assert line.message == "nothing to export: no papers in view"

    asyncio.run(run())
