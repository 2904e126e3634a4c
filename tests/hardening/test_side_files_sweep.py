"""Every side file damaged every way, against every command and the app start.

The side files are ``catalog.json`` (a cache: rebuilt), ``lists/index.json`` and
``lists/added-by-hand.json`` (the user's lists: one line naming the file), ``config.toml`` and
``settings.json`` (the app's: one line, or the preference forgotten). Whatever the damage,
no command prints a traceback or an "unexpected error", and a command that fails leaves
``library.json`` as it was.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from papershelf.errors import PapershelfError
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import load_config
from papershelf.storage.catalog_store import CACHE_FORMAT
from papershelf.tui.app import PapershelfApp
from papershelf.tui.keymap_check import check_keymap
from papershelf.tui.screens.main import MainScreen
from tests.hardening.helpers import first_paper_ids, run, snapshot

Capsys = pytest.CaptureFixture[str]

LIST = "# Sweep 2026\n\n* \\[a] [A paper](https://e.org/1). Ann. SWEEP'26\n"
CONFIG = '[ui]\nautosave_seconds = 2\n\n[keys]\nmark-read = "R"\n'


def _catalog_wrong_types(good: bytes) -> bytes:
    doc = orjson.loads(good)
    for entry in doc["lists"].values():
        entry["papers"] = [[*row[:3], str(row[3]), *row[4:]] for row in entry["papers"]]
    return orjson.dumps(doc)


def _catalog_wrong_shape(good: bytes) -> bytes:
    doc = orjson.loads(good)
    for entry in doc["lists"].values():  # the case: rows cut short, venues unlike venues
        entry["papers"] = [row[:5] for row in entry["papers"]]
        entry["venues"] = [{"x": 1}]
    return orjson.dumps(doc)


Damage = Callable[[bytes], bytes]
BINARY: Damage = lambda _good: b"\x00\xff\xfe\x80" * 64  # noqa: E731
TRUNCATED: Damage = lambda good: good[: len(good) // 2]  # noqa: E731

SIDE_FILES: dict[str, dict[str, Damage]] = {
    "catalog.json": {
        "truncated": TRUNCATED,
        "binary": BINARY,
        "wrong types": _catalog_wrong_types,
        "wrong shape": _catalog_wrong_shape,
    },
    "lists/index.json": {
        "truncated": TRUNCATED,
        "binary": BINARY,
        "wrong types": lambda _g: b'{"lists": [{"name": 5, "source": 1}], "bundled": []}',
        "wrong shape": lambda _g: b'{"lists": [], "bundled": [{"x": 1}]}',
    },
    "lists/added-by-hand.json": {
        "truncated": TRUNCATED,
        "binary": BINARY,
        "wrong types": lambda _g: b'[{"id": 5, "title": ["x"], "venue": "V 2026"}]',
        "wrong shape": lambda _g: b'{"papers": []}',
    },
    "config.toml": {
        "truncated": TRUNCATED,
        "binary": BINARY,
        "wrong types": lambda _g: b'[ui]\nautosave_seconds = "fast"\n',
        "wrong shape": lambda _g: b"keys = 5\n",
    },
    "settings.json": {
        "truncated": TRUNCATED,
        "binary": BINARY,
        "wrong types": lambda _g: b'{"theme": 5}',
        "wrong shape": lambda _g: b'["nord"]',
    },
}
CASES = [(name, kind) for name, kinds in SIDE_FILES.items() for kind in kinds]


class Setup:
    """A library with state, an imported list, a hand-added paper, a config and settings."""

    def __init__(self, capsys: Capsys, paths: Paths, tmp_path: Path) -> None:
        self.paths = paths
        self.ids = first_paper_ids(capsys, 2)
        self.list_file = tmp_path / "sweep.md"
        self.list_file.write_text(LIST, encoding="utf-8")
        self.export = tmp_path / "state.json"
        for argv in (
            ("mark", self.ids[0], "read"),
            ("note", self.ids[0], "--set", "kept"),
            ("import", str(self.list_file)),
            ("add", "--title", "By hand", "--venue", "Hand 2026", "--url", "https://e.org/h"),
            ("export", "--format", "json", "-o", str(self.export)),
        ):
            result = run(capsys, *argv)
            assert result.code == 0, (argv, result)
        paths.config.write_text(CONFIG, encoding="utf-8")
        paths.settings.write_text('{"theme": "nord"}\n', encoding="utf-8")

    def commands(self, tmp_path: Path) -> list[tuple[str, ...]]:
        pid = self.ids[1]
        return [
            ("list",),
            ("list", "--format", "json"),
            ("lists",),
            ("venues",),
            ("stats",),
            ("paths",),
            ("doctor",),
            ("export", "--format", "csv"),
            ("export", "--format", "json", "-o", str(tmp_path / "out.json"), "--force"),
            ("note", self.ids[0]),
            ("mark", pid, "reading"),
            ("star", pid),
            ("unstar", pid),
            ("note", pid, "--set", "sweep"),
            ("undo",),
            ("redo",),
            ("import", str(self.list_file)),
            ("add", "--title", "Another", "--venue", "Hand 2026"),
            ("forget", "sweep"),
            ("import-state", str(self.export)),
        ]


def _check(argv: tuple[str, ...], code: int, err: str, where: str, out: str = "") -> None:
    assert "Traceback" not in err and "unexpected error" not in err, (argv, err)
    if argv[0] == "doctor" and code == 1:  # a list that no longer reads is a problem it finds
        assert "problem: list " in out and where in out, (argv, out)
        return
    assert code in (0, 2), (argv, code, err)
    if code != 0:
        assert len(err.splitlines()) == 1, (argv, err)
        assert where in err, (argv, err)


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_every_command_with_a_damaged_side_file(
    name: str, kind: str, capsys: Capsys, paths: Paths, tmp_path: Path
) -> None:
    setup = Setup(capsys, paths, tmp_path)
    target = paths.data_dir / name
    damaged = SIDE_FILES[name][kind](target.read_bytes())
    for argv in setup.commands(tmp_path):
        target.write_bytes(damaged)
        before = snapshot(paths.library)
        result = run(capsys, *argv)
        _check(argv, result.code, result.err, Path(name).name, result.out)
        if result.code != 0 or argv[0] in ("list", "lists", "venues", "stats", "paths", "doctor"):
            assert snapshot(paths.library) == before, (argv, result)
        if name == "catalog.json" and argv[0] not in ("paths", "import-state"):  # these skip it
            # A cache: rebuilt from the lists and said once.
            assert result.code == 0, result
            notice = f"papershelf: {target}: the catalog cache was damaged; rebuilt from the lists"
            assert result.err.splitlines() == [notice], result
            assert orjson.loads(target.read_bytes())["format"] == CACHE_FORMAT


async def _start_app(paths: Paths) -> tuple[int | None, str | None, int]:
    """What ``run_app`` does, headless: (exit code, load error, papers shown)."""
    config = load_config(paths.config)
    check_keymap(config, str(paths.config))
    library = Library(paths)
    library.states()
    app = PapershelfApp(library, paths, config=config, remember_theme=True)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            await pilot.pause(0.02)
            if app.load_error is not None or app.return_code is not None:
                break
            # The screen's papers, not the Library's: asked on the UI thread while the
            # catalog loads, the Library waits for the loader, which waits (3 s a part)
            # for this thread to draw what it sent.
            screen = app.screen
            if isinstance(screen, MainScreen) and screen.paper_list.papers:
                break
    papers = len(library.papers()) if app.load_error is None else 0
    return app.return_code, app.load_error, papers


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_the_app_starts_or_says_one_line_with_a_damaged_side_file(
    name: str, kind: str, capsys: Capsys, paths: Paths, tmp_path: Path
) -> None:
    Setup(capsys, paths, tmp_path)
    target = paths.data_dir / name
    target.write_bytes(SIDE_FILES[name][kind](target.read_bytes()))
    before = snapshot(paths.library)
    try:
        code, error, papers = asyncio.run(_start_app(paths))
    except PapershelfError as exc:  # run_app prints this as its one line, exit 2
        message = str(exc)
        assert len(message.splitlines()) == 1 and Path(name).name in message, message
    else:
        if error is not None:
            assert code == 2 and len(error.splitlines()) == 1, error
            assert Path(name).name in error, error
        else:
            assert papers > 0
    assert snapshot(paths.library) == before


def test_a_damaged_cache_is_rebuilt_and_said_once(
    capsys: Capsys, paths: Paths, tmp_path: Path
) -> None:
    """Issue 16, defect 4: stamps that still match no longer vouch for the rows."""
    Setup(capsys, paths, tmp_path)
    good = json.loads(run(capsys, "list", "--format", "json").out)
    paths.catalog.write_bytes(_catalog_wrong_shape(paths.catalog.read_bytes()))
    first = run(capsys, "list", "--format", "json")
    assert first.code == 0
    assert (
        first.err
        == f"papershelf: {paths.catalog}: the catalog cache was damaged; rebuilt from the lists\n"
    )
    assert json.loads(first.out) == good
    again = run(capsys, "list", "--format", "json")
    assert again.err == "" and json.loads(again.out) == good


def test_a_cached_javascript_link_is_not_trusted(
    capsys: Capsys, paths: Paths, tmp_path: Path
) -> None:
    Setup(capsys, paths, tmp_path)
    doc = orjson.loads(paths.catalog.read_bytes())
    for entry in doc["lists"].values():
        for row in entry["papers"]:
            row[6] = "paper\x1fjavascript:alert(1)"  # the packed links of cache format 3
    paths.catalog.write_bytes(orjson.dumps(doc))
    result = run(capsys, "list", "--format", "json")
    assert result.code == 0 and "javascript:" not in result.out


@pytest.mark.parametrize("index", [b"[]", b'{"lists": "abc"}', b"\x00\xff"])
@pytest.mark.parametrize("command", ["undo", "redo"])
def test_undo_and_redo_that_fail_have_changed_nothing(
    index: bytes, command: str, capsys: Capsys, paths: Paths
) -> None:
    """Issue 16, defect 5: undo used to undo on disk, then exit 2 on the index error."""
    (paper,) = first_paper_ids(capsys, 1)
    for argv in (("mark", paper, "read"), ("mark", paper, "reading"), ("undo",)):
        assert run(capsys, *argv).code == 0
    (paths.lists).mkdir(parents=True, exist_ok=True)
    (paths.lists / "index.json").write_bytes(index)
    before = snapshot(paths.library)
    for _ in range(2):  # a retry must not step back once more either
        result = run(capsys, command)
        assert result.code == 2 and len(result.err_lines) == 1, result
        assert snapshot(paths.library) == before
