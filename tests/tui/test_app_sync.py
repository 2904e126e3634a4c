"""The app and the Library: outside changes show up, failed writes are retried, not dropped."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable

import pytest

from papershelf.domain.models import Status
from papershelf.errors import WriteError
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.results import Change
from papershelf.services.session import RetryPolicy
from papershelf.tui.app import PapershelfApp, run_app
from papershelf.tui.widgets.status_line import StatusLine

from .conftest import SIZE, highlighted, make_app, ready, row_text, settle, wait_for


def test_a_change_from_another_process_shows_up(app: PapershelfApp, paths: Paths) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            app.session.poll_seconds = 0.05
            paper = highlighted(screen)
            other = Library(paths, lock_timeout=2.0)  # like `papershelf mark` elsewhere
            other.set_status([paper.id], Status.READ)
            other.set_starred([paper.id], True)
            assert screen.shelf is not None
            shelf = screen.shelf
            await wait_for(pilot, lambda: shelf.state(paper.id).status is Status.READ)
            await pilot.pause()
            assert "●" in row_text(screen, 0) and "★" in row_text(screen, 0)

    asyncio.run(run())


def test_a_failed_write_is_shown_kept_and_retried(
    app: PapershelfApp, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Library.set_status
    disk_back = threading.Event()
    attempts: list[int] = []

    def flaky(self: Library, ids: Iterable[str], status: Status) -> Change:
        attempts.append(1)
        if not disk_back.is_set():
            raise WriteError("library.json: disk full")
        return real(self, ids, status)

    monkeypatch.setattr(Library, "set_status", flaky)
    said: list[tuple[str, str]] = []
    original = app.notify

    def notify(message: str, **kwargs: object) -> None:
        said.append((str(kwargs.get("severity")), message))
        original(message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)
    original_flash = StatusLine.flash

    def flash(self: StatusLine, message: str, *seconds: float | None) -> None:
        said.append(("status line", message))
        original_flash(self, message, *seconds)

    monkeypatch.setattr(StatusLine, "flash", flash)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            app.session.retry = RetryPolicy((0.05,))
            paper = highlighted(screen)
            await pilot.press("r")
            # Shown at once, whatever the disk says.
            assert "●" in row_text(screen, 0)
            await wait_for(pilot, lambda: len(attempts) >= 3)  # retried, again and again
            assert screen.live.unconfirmed  # kept while failing
            assert library.state(paper.id).status is Status.UNREAD
            disk_back.set()
            await settle(pilot, screen)
            assert library.state(paper.id).status is Status.READ
            assert screen.shelf is not None
            assert screen.shelf.state(paper.id).status is Status.READ

    asyncio.run(run())
    errors = [m for s, m in said if s == "error"]
    [error] = errors  # said once, not at every retry
    assert error.startswith("not saved yet, retrying: library.json: disk full")
    assert "pending-changes" in error  # and where the change is kept meanwhile
    assert ("status line", "saved: the changes that failed are written now") in said


def test_quit_waits_for_a_failing_write_and_asks_again(
    app: PapershelfApp, library: Library, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Library, ids: Iterable[str], status: Status) -> Change:
        raise WriteError("library.json: read-only")

    monkeypatch.setattr(Library, "set_status", broken)
    monkeypatch.setattr("papershelf.tui.leaving.QUIT_WAIT_SECONDS", 0.2)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            app.session.retry = RetryPolicy((0.05,))
            await pilot.press("r", "q")
            await pilot.pause(0.4)
            assert app.is_running  # not silently dropped
            assert screen.live.unconfirmed
            await pilot.press("q")
            await wait_for(pilot, lambda: not app.is_running)

    asyncio.run(run())
    # Quitting kept the change for the next start and says so in the exit code.
    assert app.return_code == 1
    assert app.exit_message is not None and "kept in" in app.exit_message
    assert paths.pending.exists() or paths.pending_fallback.exists()


def test_undo_after_pending_writes_runs_in_order(app: PapershelfApp, library: Library) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            ids = [p.id for p in screen.paper_list.papers[:3]]
            await pilot.press("r", "r", "r", "u")
            await settle(pilot, screen)
            expected = [Status.READ, Status.READ, Status.UNREAD]
            assert [library.state(i).status for i in ids] == expected

    asyncio.run(run())


def test_corrupt_library_exits_2_with_one_line(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.library.write_text('{"schema": 1, "states": {', encoding="utf-8")
    before = paths.library.read_bytes()
    assert run_app(paths) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("papershelf: ") and "library.json" in err and "corrupt" in err
    assert paths.library.read_bytes() == before


def test_bad_config_exits_2(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.config.write_text('[keys]\nmark-reed = "R"\n', encoding="utf-8")
    assert run_app(paths) == 2
    err = capsys.readouterr().err
    assert "mark-reed" in err and "config.toml" in err


def test_load_failure_in_the_app_exits_with_the_message(
    library: Library, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.errors import LibraryError

    def broken(self: Library) -> object:
        raise LibraryError("catalog.json: damaged")

    monkeypatch.setattr(Library, "papers", broken)
    app = make_app(library, paths)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: not app.is_running)

    asyncio.run(run())
    assert app.load_error == "catalog.json: damaged"
    assert app.return_code == 2


def test_own_changes_do_not_reshuffle_the_view(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            app.session.poll_seconds = 0.02
            await pilot.press("5", "r", "r")  # in "unread", mark two read
            await settle(pilot, screen)
            await pilot.pause(0.2)  # several polls
            assert screen.paper_list.cursor == 2
            assert "●" in row_text(screen, 0) and "●" in row_text(screen, 1)
            await pilot.press("5")  # asking again re-filters
            assert "●" not in row_text(screen, 0)

    asyncio.run(run())
