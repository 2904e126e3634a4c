"""Atomic file replacement: old or new file, never a broken one; temp files cleaned up."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from papershelf.storage import atomic


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX))


def test_writes_creates_folder_and_returns_stat_of_new_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "library.json"
    written, fd = atomic.atomic_write(target, b'{"x": 1}\n')
    assert fd == -1
    assert target.read_bytes() == b'{"x": 1}\n'
    now = target.stat()
    assert (written.st_ino, written.st_size, written.st_mtime_ns) == (
        now.st_ino,
        now.st_size,
        now.st_mtime_ns,
    )
    assert stat.S_IMODE(now.st_mode) == 0o600
    assert _temps(target.parent) == []


def test_a_public_file_gets_the_umask_mode_and_keeps_an_existing_mode(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    old = os.umask(0o022)
    try:
        atomic.atomic_write(target, b"a", private=False)
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o600)
        atomic.atomic_write(target, b"b", private=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes() == b"b"
    assert _temps(tmp_path) == []


def test_a_missing_folder_is_an_error_when_not_to_be_made(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic.atomic_write(tmp_path / "no" / "x.csv", b"a", private=False, make_folder=False)
    assert list(tmp_path.iterdir()) == []


def test_replaces_with_a_new_inode_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    old_ino = target.stat().st_ino
    _, fd = atomic.atomic_write(target, b"new", keep_open=True)
    try:
        assert os.fstat(fd).st_ino == target.stat().st_ino != old_ino
        assert os.pread(fd, 10, 0) == b"new"
    finally:
        os.close(fd)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symlinked_file_is_written_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "library.json"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "library.json"
    link.symlink_to(real)
    atomic.atomic_write(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert _temps(real.parent) == []


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_failure_leaves_previous_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = tmp_path / "library.json"
    target.write_bytes(b"previous contents")

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if where == "write":
        real_write = os.write

        def half_then_full(fd: int, data: bytes) -> int:
            real_write(fd, bytes(data[: len(data) // 2]))
            full()
            return 0

        monkeypatch.setattr(os, "write", half_then_full)
    elif where == "fsync":
        monkeypatch.setattr(os, "fsync", full)
    else:
        monkeypatch.setattr(Path, "replace", full)
    with pytest.raises(OSError) as info:
        atomic.atomic_write(target, b"x" * 100_000)
    assert info.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert target.read_bytes() == b"previous contents"
    assert _temps(tmp_path) == []


def test_read_only_detection_honours_the_file_mode_even_for_root(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    assert not atomic.is_read_only(target)  # missing: writable (it will be created)
    target.write_bytes(b"{}")
    assert not atomic.is_read_only(target)
    target.chmod(0o444)
    assert atomic.is_read_only(target)


def test_remove_stale_temps_only_touches_our_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "library.json"
    stale = tmp_path / f"{atomic.temp_prefix(target)}abc{atomic.TEMP_SUFFIX}"
    stale.write_bytes(b"half")
    other = tmp_path / ".catalog.json.abc.tmp"
    other.write_bytes(b"x")
    assert atomic.remove_stale_temps(target) == 1
    assert not stale.exists()
    assert other.exists()


def test_atomic_write_bytes_for_other_files(tmp_path: Path) -> None:
    target = tmp_path / "lists" / "index.json"
    atomic.atomic_write_bytes(target, b"[]")
    assert target.read_bytes() == b"[]"
