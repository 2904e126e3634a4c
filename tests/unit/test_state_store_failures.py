"""Broken library files, read-only files and folders, full disks, migrations with a backup."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson
import pytest

from papershelf.domain.models import DEFAULT_STATE, Status
from papershelf.domain.state_ops import with_status
from papershelf.errors import LibraryError, WriteError
from papershelf.storage import atomic, backups
from papershelf.storage.schema import SCHEMA
from papershelf.storage.state_store import StateStore

AT = "2026-11-25T09:00:00Z"


def make_store(folder: Path) -> StateStore:
    return StateStore(
        folder / "library.json",
        lock_path=folder / "library.json.lock",
        backups_dir=folder / "backups",
        clock=lambda: AT,
    )


def mark(store: StateStore, pid: str, status: Status = Status.READ) -> object:
    return store.update([pid], lambda _p, s: with_status(s, status, AT), label="mark")


def _snapshot(path: Path) -> tuple[bytes, int, int]:
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_ino


def _temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX)]


GOOD = b'{"schema": 1, "states": {"a": {"status": "read"}}}'
CORRUPT = {
    "truncated": GOOD[: len(GOOD) // 2],
    "invalid": b"{'schema': 1}",
    "empty": b"",
    "list": b'[{"status": "read"}]',
    "wrong shape": b'{"schema": 1, "states": {"a": {"status": 5}}}',
    "schema text": b'{"schema": "one", "states": {}}',
}


@pytest.mark.parametrize("kind", sorted(CORRUPT))
def test_corrupt_file_is_reported_and_never_written(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "library.json"
    path.write_bytes(CORRUPT[kind])
    before = _snapshot(path)
    store = make_store(tmp_path)
    with pytest.raises(LibraryError) as info:
        store.states()
    message = str(info.value)
    assert message.startswith(f"{path}: library file is corrupt (")
    assert message.endswith("newest good backup: none")
    assert "\n" not in message
    with pytest.raises(LibraryError):
        store.get("a")
    with pytest.raises(LibraryError):
        mark(store, "a")
    with pytest.raises(LibraryError):
        store.undo()
    assert _snapshot(path) == before
    problems = store.check()
    assert problems and "library file is corrupt" in problems[0]
    assert problems[-1] == "newest good backup: none"
    assert not (tmp_path / "backups").exists()


def test_corruption_after_loading_names_the_newest_good_backup(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    mark(store, "a")
    mark(store, "b")  # the file existed: today's backup of it was made first
    good_backups = store.backups.paths()
    assert len(good_backups) == 1
    path = tmp_path / "library.json"
    path.write_bytes(path.read_bytes()[:50])
    before = _snapshot(path)
    with pytest.raises(LibraryError, match=f"newest good backup: {good_backups[0]}$"):
        store.states()
    with pytest.raises(LibraryError, match="library file is corrupt"):
        mark(store, "c")
    assert _snapshot(path) == before
    assert store.check()[-1] == f"newest good backup: {good_backups[0]}"


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    path.write_bytes(b'{"schema": %d, "states": {}, "tags": {"x": {}}}' % (SCHEMA + 1))
    before = _snapshot(path)
    store = make_store(tmp_path)
    with pytest.raises(LibraryError) as info:
        store.states()
    message = str(info.value)
    assert str(path) in message
    assert f"newer papershelf (schema {SCHEMA + 1}" in message
    with pytest.raises(LibraryError, match="newer papershelf"):
        mark(store, "a")
    assert _snapshot(path) == before
    assert not (tmp_path / "backups").exists()
    assert store.check() == [message]


def test_missing_folder_reads_empty_and_is_created_on_first_write(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "data"
    store = make_store(folder)
    assert dict(store.states()) == {}
    assert not (tmp_path / "deep").exists()
    mark(store, "a")
    assert (folder / "library.json").is_file()


def test_read_only_file_reads_but_refuses_changes(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    mark(store, "a")
    path = tmp_path / "library.json"
    path.chmod(0o444)
    before = _snapshot(path)
    fresh = make_store(tmp_path)
    assert fresh.get("a").status is Status.READ
    with pytest.raises(WriteError) as info:
        mark(fresh, "b")
    assert str(info.value) == (
        f"{path} is read-only; the change was not saved (make it writable and retry)"
    )
    with pytest.raises(WriteError):
        fresh.undo()
    assert _snapshot(path) == before
    assert fresh.get("b") == DEFAULT_STATE
    assert fresh.get("a").status is Status.READ  # the view is intact
    assert f"{path}: read-only; changes cannot be saved" in fresh.check()
    path.chmod(0o600)
    assert mark(fresh, "b") is not None  # retry works


def test_read_only_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = make_store(tmp_path)
    mark(store, "a")
    path = tmp_path / "library.json"
    before = _snapshot(path)

    def denied(*_a: object, **_k: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(WriteError, match=f"cannot write {path} \\(Permission denied\\)"):
        mark(store, "b")
    assert _snapshot(path) == before
    assert store.get("b") == DEFAULT_STATE
    assert store.get("a").status is Status.READ
    monkeypatch.undo()
    assert mark(store, "b") is not None


_READ_ONLY_CHILD = r"""
import sys
import tempfile
from pathlib import Path
from papershelf.errors import WriteError
from papershelf.storage.state_store import StateStore
from papershelf.domain.state_ops import with_status
from papershelf.domain.models import Status
folder = Path(sys.argv[1])
store = StateStore(folder / "library.json", lock_path=folder / "library.json.lock",
                   backups_dir=folder / "backups")
print(store.get("a").status.value)
try:
    store.update(["b"], lambda _p, s: with_status(s, Status.READ, "t"), label="mark")
except WriteError as exc:
    print("WriteError:", exc)
"""


def _without_root_powers() -> list[str]:
    """A command prefix under which permission bits apply (root ignores them otherwise)."""
    if os.getuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a folder read-only")
    caps = "-dac_override,-dac_read_search,-fowner"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]


@pytest.mark.parametrize("lock_exists", [True, False])
def test_read_only_folder_for_real(tmp_path: Path, lock_exists: bool) -> None:
    """A folder without write permission: reads work, a change fails with one clear line."""
    prefix = _without_root_powers()
    folder = tmp_path / "data"
    store = make_store(folder)
    mark(store, "a")
    store.close()
    if not lock_exists:
        (folder / "library.json.lock").unlink()
    before = _snapshot(folder / "library.json")
    folder.chmod(0o555)
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-c", _READ_ONLY_CHILD, str(folder)],
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, "PAPERSHELF_DATA_DIR": str(folder)},
        )
    finally:
        folder.chmod(0o755)
    lines = result.stdout.splitlines()
    assert lines[0] == "read", result.stderr
    assert lines[1].startswith(f"WriteError: cannot write {folder / 'library.json'}")
    assert "Permission denied" in lines[1]
    assert _snapshot(folder / "library.json") == before
    assert _temps(folder) == []


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_full_disk_keeps_previous_file_and_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    store = make_store(tmp_path)
    for i in range(20):
        mark(store, f"p{i}")
    path = tmp_path / "library.json"
    before = _snapshot(path)
    states_before = dict(store.states())

    def no_space(*_a: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if where == "write":
        real_write = os.write

        def half(fd: int, data: bytes) -> int:
            real_write(fd, bytes(data[: len(data) // 2]))
            no_space()
            return 0

        monkeypatch.setattr(os, "write", half)
    else:
        monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(WriteError) as info:
        mark(store, "new")
    monkeypatch.undo()
    assert str(info.value) == (
        f"cannot write {path} (No space left on device); the change was not saved and the "
        "previous file is intact"
    )
    assert _snapshot(path) == before
    assert _temps(tmp_path) == []
    assert dict(store.states()) == states_before
    assert len(store.history()) == 20
    assert mark(store, "new") is not None  # space freed: the retry succeeds
    assert make_store(tmp_path).get("new").status is Status.READ


SCHEMA_0 = {
    "asplos2025-fast-paths": {"status": "read", "starred": True, "note": "## Key idea\nbatching"},
    "mlsys2025-quant": {"status": "reading", "starred": False, "note": ""},
    "mlsys2025-untouched": {"status": "unread", "starred": False, "note": ""},
}


def test_schema_0_file_is_read_then_migrated_with_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    original = orjson.dumps(SCHEMA_0)
    path.write_bytes(original)
    store = make_store(tmp_path)
    assert store.get("asplos2025-fast-paths").note == "## Key idea\nbatching"
    assert store.get("asplos2025-fast-paths").starred
    assert store.get("mlsys2025-quant").status is Status.READING
    assert "mlsys2025-untouched" not in store.states()
    assert path.read_bytes() == original  # reading never migrates on disk
    assert store.check() == []
    mark(store, "mlsys2025-quant")
    saved = store.backups.paths()
    assert len(saved) == 1
    assert saved[0].name.endswith("-schema0.json")
    assert saved[0].read_bytes() == original
    migrated = orjson.loads(path.read_bytes())
    assert migrated["schema"] == SCHEMA
    assert migrated["states"]["asplos2025-fast-paths"]["note"] == "## Key idea\nbatching"
    assert migrated["states"]["mlsys2025-quant"]["status"] == "read"
    assert store.undo() is not None  # the migrated file has a working log
    assert make_store(tmp_path).get("mlsys2025-quant").status is Status.READING


def test_migration_without_a_backup_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.json"
    path.write_bytes(orjson.dumps(SCHEMA_0))
    before = _snapshot(path)

    def cannot(*_a: object, **_k: object) -> Path:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(backups.Backups, "make", cannot)
    store = make_store(tmp_path)
    with pytest.raises(WriteError, match=r"cannot back up .* before upgrading it"):
        mark(store, "x")
    assert _snapshot(path) == before


def test_daily_backup_failure_does_not_block_the_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(tmp_path)
    mark(store, "a")

    def cannot(*_a: object, **_k: object) -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backups.Backups, "make", cannot)
    assert mark(store, "b") is not None
    assert make_store(tmp_path).get("b").status is Status.READ
