"""Several writers on one library: CLI processes, and apps driven headless while CLIs write.

tests/unit/test_storage_lock.py checks the lock between two store processes; these check the
user's view: no acknowledged change is lost, whoever wrote it, and an open app shows a CLI's
change within a second (its refresh polling), without any key pressed.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from papershelf.domain.models import Status
from papershelf.paths import Paths, resolve_paths
from papershelf.services.library import Library
from papershelf.services.settings import Config, UiOptions
from papershelf.tui.app import PapershelfApp
from papershelf.tui.shelf import Shelf
from tests.hardening.helpers import child_env, first_paper_ids, run, run_child
from tests.tui.conftest import SIZE, ready, settle, wait_for

Capsys = pytest.CaptureFixture[str]

_APPENDER = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from tests.hardening.sabotage import apply_from_env
apply_from_env(setattr)
from papershelf.cli.main import main
name, shared, own, count = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
for i in range(count):
    assert main(["-q", "note", shared, "--append", f"{name} {i}"]) == 0
    assert main(["-q", "mark" if i % 2 else "star", own] + (["read"] if i % 2 else [])) == 0
print("done", flush=True)
"""


def test_two_cli_processes_appending_to_one_note_lose_nothing(capsys: Capsys) -> None:
    paths = resolve_paths()
    shared, own_a, own_b = first_paper_ids(capsys, 3)
    count = 40
    repo = str(Path(__file__).resolve().parents[2])
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _APPENDER, repo, name, shared, own, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(paths.data_dir),
        )
        for name, own in (("a", own_a), ("b", own_b))
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out == "done\n"
    note = run(capsys, "note", shared).out.splitlines()
    for name in ("a", "b"):
        mine = [line for line in note if line.startswith(f"{name} ")]
        assert mine == [f"{name} {i}" for i in range(count)], f"lost updates of {name}"
    listed = json.loads(run(capsys, "list", "--format", "json", "--starred").out)
    assert {p["id"] for p in listed} == {own_a, own_b}
    assert all(p["status"] == "read" for p in listed)
    assert run(capsys, "doctor").code == 0


def _app(paths: Paths) -> PapershelfApp:
    """The real app on its own Library, as ``papershelf`` opens it (default 0.5 s polling)."""
    return PapershelfApp(
        Library(paths),
        paths,
        config=Config(ui=UiOptions(autosave_seconds=0.2)),
        remember_theme=False,
    )


async def _cli(paths: Paths, *argv: str) -> None:
    proc = await asyncio.to_thread(run_child, paths.data_dir, *argv)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip(), f"{argv}: no acknowledgement printed"


def test_an_app_and_cli_processes_lose_no_update(capsys: Capsys) -> None:
    paths = resolve_paths()
    first_paper_ids(capsys, 1)  # builds the catalog cache
    app = _app(paths)
    seen_after: list[float] = []

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            assert screen.shelf is not None
            shelf = screen.shelf
            ids = [p.id for p in screen.paper_list.papers[:3]]
            for i, pid in enumerate(ids[:2]):
                # The app writes (r marks read and moves down) while a CLI process writes.
                await pilot.press("r")
                await _cli(paths, "star", pid)
                acked = time.monotonic()
                await wait_for(pilot, partial(lambda p: shelf.state(p).starred, pid))
                seen_after.append(time.monotonic() - acked)
                await _cli(paths, "note", ids[2], "--append", f"cli {i}")
            await settle(pilot, screen)
            await wait_for(pilot, lambda: shelf.state(ids[2]).note.count("cli") == 2)
            for pid in ids[:2]:
                assert shelf.state(pid).status is Status.READ and shelf.state(pid).starred
            disk = Library(paths)
            for pid in ids[:2]:
                assert disk.state(pid).status is Status.READ, "the app's change was lost"
                assert disk.state(pid).starred, "the CLI's change was lost"
            assert disk.state(ids[2]).note == "cli 0\ncli 1"

    asyncio.run(scenario())
    print(f"the app showed each CLI change after {[f'{s:.2f}' for s in seen_after]} s")


def test_two_apps_and_a_cli_on_one_library(capsys: Capsys) -> None:
    """Two app instances and a CLI write the same paper; each app ends up showing all three."""
    paths = resolve_paths()
    first_paper_ids(capsys, 1)
    one, two = _app(paths), _app(paths)

    async def scenario() -> None:
        async with one.run_test(size=SIZE) as p1, two.run_test(size=SIZE) as p2:
            s1, s2 = await ready(p1), await ready(p2)
            assert s1.shelf is not None and s2.shelf is not None
            shelf1, shelf2 = s1.shelf, s2.shelf
            paper = s1.paper_list.papers[0]
            assert s2.paper_list.highlighted == paper
            await p1.press("r")  # app one: read
            await p2.press("s")  # app two: star, at the same time
            await _cli(paths, "note", paper.id, "--set", "from the CLI")
            await settle(p1, s1)
            await settle(p2, s2)

            def shows_all(shelf: Shelf) -> bool:
                state = shelf.state(paper.id)
                return (
                    state.status is Status.READ and state.starred and state.note == "from the CLI"
                )

            for pilot, shelf in ((p1, shelf1), (p2, shelf2)):
                await wait_for(pilot, partial(shows_all, shelf))
            state = Library(paths).state(paper.id)
            assert (state.status, state.starred, state.note) == (
                Status.READ,
                True,
                "from the CLI",
            )

    asyncio.run(scenario())
    assert run(capsys, "doctor").code == 0


def test_a_cli_append_during_an_app_edit_is_not_lost(capsys: Capsys) -> None:
    paths = resolve_paths()
    [pid] = first_paper_ids(capsys, 1)
    assert run(capsys, "note", pid, "--set", "start").code == 0
    app = _app(paths)

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            assert screen.shelf is not None
            shelf = screen.shelf
            await pilot.press("n")  # edit the highlighted (first) paper's note
            await _cli(paths, "note", pid, "--append", "added by the CLI")
            await wait_for(pilot, lambda: "CLI" in shelf.state(pid).note)  # polled
            await pilot.press(*" typed in the app")
            # The whole text: a pause mid-typing on a busy machine autosaves a part first.
            await wait_for(pilot, lambda: "typed in the app" in Library(paths).state(pid).note)
            await settle(pilot, screen)

    asyncio.run(scenario())
    note = Library(paths).state(pid).note
    assert "typed in the app" in note
    assert "added by the CLI" in note


def test_an_open_note_shows_a_cli_change_while_nothing_typed_waits(capsys: Capsys) -> None:
    """The editor shows the note as stored; typing then continues it, with no merge marks."""
    paths = resolve_paths()
    [pid] = first_paper_ids(capsys, 1)
    assert run(capsys, "note", pid, "--set", "start").code == 0
    app = _app(paths)
    shown: list[str] = []

    async def scenario() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("n")
            editor = screen.detail.editor
            await wait_for(pilot, lambda: editor.text == "start")
            await _cli(paths, "note", pid, "--append", "added by the CLI")
            await wait_for(pilot, lambda: "added by the CLI" in editor.text)  # polled
            shown.append(editor.text)
            assert editor.cursor_location == editor.document.end  # the writer was at the end
            await pilot.press(*" typed")
            await wait_for(pilot, lambda: "typed" in Library(paths).state(pid).note)
            await settle(pilot, screen)

    asyncio.run(scenario())
    assert Library(paths).state(pid).note == shown[0] + " typed"  # no merge marks
