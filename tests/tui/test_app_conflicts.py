"""A sync folder's conflict copy found at start: the app offers to merge it."""

from __future__ import annotations

import asyncio
import errno
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services import commands as cmd
from papershelf.services import merging
from papershelf.services.library import Library
from papershelf.tui.screens.dialogs import ConfirmDialog
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.widgets.status_line import StatusLine

from .conftest import make_app, ready, recorded_toasts, settle, wait_for

COPY = "library.sync-conflict-20261204-101010-LAPTOP1.json"


def _with_a_conflict_copy(library: Library, paths: Paths, tmp_path: Path) -> tuple[str, str]:
    """This machine read the first paper; the laptop (a copy of the library) read the second."""
    first, second = (p.id for p in library.papers()[:2])
    library.set_status([first], Status.READ)
    laptop = Paths(tmp_path / "laptop")
    laptop.data_dir.mkdir()
    shutil.copy(paths.library, laptop.library)
    Library(laptop, lock_timeout=2.0).set_status([second], Status.READING)
    shutil.copy(laptop.library, paths.data_dir / COPY)
    return first, second


def test_y_merges_the_copy_and_moves_it_to_backups(
    library: Library, paths: Paths, tmp_path: Path
) -> None:
    first, second = _with_a_conflict_copy(library, paths, tmp_path)
    app = make_app(library, paths)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(
                pilot, lambda: isinstance(app.screen, ConfirmDialog) and app.screen.query(Static)
            )  # composed
            question = app.screen.query(Static).first()
            assert "1 conflicting copy from another device: merge?" in str(question.visual)
            await pilot.press("y")
            screen = await ready(pilot)
            assert isinstance(screen, MainScreen)
            await wait_for(pilot, lambda: not (paths.data_dir / COPY).exists())
            await wait_for(pilot, lambda: screen.shelf.state(second).status is Status.READING)

    asyncio.run(run())
    fresh = Library(paths)
    assert fresh.state(first).status is Status.READ  # this side's change kept
    assert fresh.state(second).status is Status.READING  # the laptop's change merged
    assert (paths.backups / COPY).exists()


def test_n_leaves_the_copy_for_later(library: Library, paths: Paths, tmp_path: Path) -> None:
    _, second = _with_a_conflict_copy(library, paths, tmp_path)
    app = make_app(library, paths)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(
                pilot, lambda: isinstance(app.screen, ConfirmDialog) and app.screen.query(Static)
            )  # composed
            await pilot.press("n")
            await ready(pilot)

    asyncio.run(run())
    assert (paths.data_dir / COPY).exists()
    assert Library(paths).state(second).status is Status.UNREAD


def test_a_damaged_copy_is_said_and_the_good_one_is_merged_all_the_same(
    library: Library, paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged copy sorting first stopped the merge: the good one after it stayed out."""
    _, second = _with_a_conflict_copy(library, paths, tmp_path)
    damaged = paths.data_dir / "library.sync-conflict-20261204-101009-AAAAAAA.json"
    damaged.write_text("{not json")
    app = make_app(library, paths)
    said: list[str] = []
    notify, flash = app.notify, StatusLine.flash

    def notified(message: str, **kwargs: object) -> None:
        said.append(message)
        notify(message, **kwargs)  # type: ignore[arg-type]

    def flashed(self: StatusLine, message: str, *seconds: float | None) -> None:
        said.append(message)
        flash(self, message, *seconds)

    monkeypatch.setattr(app, "notify", notified)
    monkeypatch.setattr(StatusLine, "flash", flashed)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(
                pilot, lambda: isinstance(app.screen, ConfirmDialog) and app.screen.query(Static)
            )
            await pilot.press("y")
            screen = await ready(pilot)
            assert isinstance(screen, MainScreen)
            await wait_for(pilot, lambda: screen.shelf.state(second).status is Status.READING)
            await wait_for(pilot, lambda: any("AAAAAAA.json: not a papershelf" in m for m in said))

    asyncio.run(run())
    assert not (paths.data_dir / COPY).exists() and (paths.backups / COPY).exists()
    assert damaged.exists()  # left for the user to look at
    assert any(m.startswith("merged 1 copy: 1 paper changed") for m in said), said


def test_a_copy_merged_but_not_moved_is_said_and_the_app_goes_on(
    library: Library, paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that refused the move stopped the merge at start with a traceback's message."""
    _, second = _with_a_conflict_copy(library, paths, tmp_path)

    def refuse(copy: Path, backups: Path) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied", str(copy))

    monkeypatch.setattr(merging, "move_to_backups", refuse)
    app = make_app(library, paths)
    toasts = recorded_toasts(app)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(
                pilot, lambda: isinstance(app.screen, ConfirmDialog) and app.screen.query(Static)
            )
            await pilot.press("y")
            screen = await ready(pilot)
            await wait_for(pilot, lambda: screen.shelf.state(second).status is Status.READING)
            await wait_for(pilot, lambda: any("not moved" in m for m, _ in toasts))

    asyncio.run(run())
    copy = paths.data_dir / COPY
    stuck = (
        f"merged {copy}, but not moved to {paths.backups}: permission denied;"
        " it stays there, not offered again unless it changes"
    )
    assert stuck in [m for m, _ in toasts], toasts
    assert copy.exists()
    assert Library(paths).state(second).status is Status.READING

    again = make_app(Library(paths, lock_timeout=2.0), paths)  # the next start

    async def restart() -> bool:
        async with again.run_test(size=(120, 40)) as pilot:
            screen = await ready(pilot)
            # The writer looks for copies before it takes a change: once one is in, an
            # offer would have come before it.
            screen.submit(cmd.Reload())
            await settle(pilot, screen)
            await pilot.pause()
            return isinstance(again.screen, ConfirmDialog)

    assert not asyncio.run(restart())  # it was offered and merged again at every start
