"""A damaged library file, end to end: every command that reads the user's state refuses it.

The state store's own tests (tests/unit/test_state_store_failures.py) check the storage
layer; these run the real CLI (and the app's entry point) and check what the user sees: exit
code 2, one line naming the file and the newest good backup, and the file left byte for byte.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from papershelf.paths import Paths, resolve_paths
from papershelf.storage.atomic import TEMP_SUFFIX
from papershelf.storage.schema import SCHEMA
from tests.hardening.helpers import CHILD, Result, child_env, first_paper_ids, run, snapshot

Capsys = pytest.CaptureFixture[str]

DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty (a truncating writer killed)": lambda _good: b"",
    "invalid JSON": lambda _good: b"{'schema': 1, 'states': {}}",
    "binary junk": lambda _good: b"\x00\xff\xfe" * 100,
    "top level is a list": lambda _good: b'[{"status": "read"}]',
    "top level is null": lambda _good: b"null\n",
    "states is a list": lambda _good: b'{"schema": 1, "states": []}',
    "unknown status": lambda _good: b'{"schema": 1, "states": {"x": {"status": "done"}}}',
    "undo log of the wrong shape": lambda _good: b'{"schema": 1, "states": {}, "undo": {"1": 5}}',
    "newer schema": lambda _good: b'{"schema": %d, "states": {}, "tags": {}}' % (SCHEMA + 1),
}
CORRUPT = [kind for kind in DAMAGE if kind != "newer schema"]


class Damaged:
    """A library with some state and one daily backup, then damaged in place."""

    def __init__(self, capsys: Capsys, tmp_path: Path, kind: str) -> None:
        self.paths: Paths = resolve_paths()
        self.ids = first_paper_ids(capsys, 3)
        for argv in (
            ("mark", self.ids[0], "read"),
            ("star", self.ids[0]),  # the file exists now: this write backs it up first
            ("note", self.ids[1], "--set", "months of notes"),
            ("export", "--format", "json", "-o", str(tmp_path / "state.json")),
        ):
            result = run(capsys, *argv)
            assert result.code == 0, result.err
        [self.backup] = sorted((self.paths.backups).iterdir())
        good = self.paths.library.read_bytes()
        self.paths.library.write_bytes(DAMAGE[kind](good))
        self.before = snapshot(self.paths.library)
        self.backups_before = sorted(p.name for p in self.paths.backups.iterdir())
        self.export = tmp_path / "state.json"

    def assert_untouched(self) -> None:
        assert snapshot(self.paths.library) == self.before
        assert sorted(p.name for p in self.paths.backups.iterdir()) == self.backups_before
        temps = [p.name for p in self.paths.data_dir.iterdir() if p.name.endswith(TEMP_SUFFIX)]
        assert temps == []


COMMANDS: dict[str, Callable[[Damaged, Path], list[str]]] = {
    "list": lambda d, _t: ["list"],
    "list json": lambda d, _t: ["list", "--format", "json", "--starred"],
    "mark": lambda d, _t: ["mark", d.ids[2], "reading"],
    "star": lambda d, _t: ["star", d.ids[2]],
    "unstar": lambda d, _t: ["unstar", d.ids[0]],
    "note (print)": lambda d, _t: ["note", d.ids[1]],
    "note --set": lambda d, _t: ["note", d.ids[1], "--set", "new"],
    "note --append": lambda d, _t: ["note", d.ids[1], "--append", "more"],
    "stats": lambda d, _t: ["stats"],
    "stats json": lambda d, _t: ["stats", "--format", "json"],
    "export bibtex": lambda d, _t: ["export", "--format", "bibtex"],
    "export markdown": lambda d, _t: ["export", "--format", "markdown"],
    "export csv": lambda d, _t: ["export", "--format", "csv"],
    "export json -o": lambda d, t: ["export", "--format", "json", "-o", str(t / "out.json")],
    "undo": lambda d, _t: ["undo"],
    "redo": lambda d, _t: ["redo"],
    "import-state": lambda d, _t: ["import-state", str(d.export)],
    "doctor": lambda d, _t: ["doctor"],
    "the app": lambda d, _t: [],
}


def _no_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from papershelf.tui.app import PapershelfApp

    def started(self: object) -> int:
        raise AssertionError("the app started on a damaged library")

    monkeypatch.setattr(PapershelfApp, "run", started)


def _the_line(result: Result, command: str) -> str:
    """The one line on stderr (`doctor` too: it cannot check what it cannot read)."""
    assert result.out == "", "nothing may be printed as if the library were fine"
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("papershelf: ")
    return result.err_lines[0]


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_every_state_command_refuses_a_damaged_library(
    kind: str, capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = Damaged(capsys, tmp_path, kind)
    _no_app(monkeypatch)
    for command, argv in COMMANDS.items():
        result = run(capsys, *argv(damaged, tmp_path))
        assert result.code == 2, (command, result.out, result.err)
        line = _the_line(result, command)
        assert str(damaged.paths.library) in line, command
        assert "Traceback" not in result.err
        damaged.assert_untouched()
        assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("kind", CORRUPT)
def test_the_message_names_the_newest_good_backup(
    kind: str, capsys: Capsys, tmp_path: Path
) -> None:
    damaged = Damaged(capsys, tmp_path, kind)
    result = run(capsys, "mark", damaged.ids[2], "read")
    assert result.code == 2
    assert result.err_lines[0].endswith(f"newest good backup: {damaged.backup}")
    assert "library file is corrupt" in result.err


def test_a_null_library_is_described_in_json_words(capsys: Capsys, tmp_path: Path) -> None:
    damaged = Damaged(capsys, tmp_path, "top level is null")
    result = run(capsys, "list")
    assert result.code == 2 and len(result.err_lines) == 1
    assert "the top level is null, not an object" in result.err and "NoneType" not in result.err
    damaged.assert_untouched()


def test_a_newer_schema_message_names_the_newest_good_backup(
    capsys: Capsys, tmp_path: Path
) -> None:
    damaged = Damaged(capsys, tmp_path, "newer schema")
    result = run(capsys, "mark", damaged.ids[2], "read")
    assert result.code == 2 and "newer papershelf" in result.err
    assert f"newest good backup: {damaged.backup}" in result.err


def test_a_real_process_shows_one_line_and_no_traceback(capsys: Capsys, tmp_path: Path) -> None:
    damaged = Damaged(capsys, tmp_path, "truncated")
    runs = [["-m", "papershelf", "list"]] + [
        [str(CHILD), *argv]
        for argv in (["list"], ["mark", damaged.ids[2], "read"], ["note", damaged.ids[1]], [])
    ]
    for argv in runs:
        proc = subprocess.run(
            [sys.executable, *argv],
            capture_output=True,
            text=True,
            env=child_env(damaged.paths.data_dir),
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        assert proc.returncode == 2, proc.stderr
        assert proc.stdout == ""
        assert len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr
        assert f"newest good backup: {damaged.backup}" in proc.stderr
    damaged.assert_untouched()


def test_the_backup_it_names_restores_the_state(capsys: Capsys, tmp_path: Path) -> None:
    """The way out the message offers works: copy the named backup over the damaged file."""
    damaged = Damaged(capsys, tmp_path, "truncated")
    damaged.paths.library.write_bytes(damaged.backup.read_bytes())
    result = run(capsys, "list", "--format", "json", "--status", "read")
    assert result.code == 0, result.err
    assert damaged.ids[0] in result.out
    assert run(capsys, "doctor").code == 0
