"""Writes that cannot happen, end to end: read-only file or folder, full disk, no folder, locks.

The storage layer's own tests (tests/unit/test_state_store_failures.py, test_storage_lock.py)
check the store; these check what the user of the real CLI sees: reads keep working, a change
fails with exit 2 and one line, the previous file stays byte for byte, a retry succeeds.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from papershelf.paths import Paths, resolve_paths
from papershelf.storage.atomic import TEMP_SUFFIX
from tests.hardening.helpers import (
    CHILD,
    child_env,
    first_paper_ids,
    run,
    run_child,
    snapshot,
)

Capsys = pytest.CaptureFixture[str]


def _library_with_state(capsys: Capsys) -> tuple[Paths, list[str]]:
    paths = resolve_paths()
    ids = first_paper_ids(capsys, 3)
    assert run(capsys, "mark", ids[0], "read").code == 0
    assert run(capsys, "note", ids[0], "--set", "kept").code == 0
    return paths, ids


def _temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def _status(capsys: Capsys, pid: str) -> str:
    result = run(capsys, "list", "--format", "json", "--search", "")
    assert result.code == 0, result.err
    return next(str(p["status"]) for p in json.loads(result.out) if p["id"] == pid)


# read-only ----------------------------------------------------------------------------------
def test_read_only_library_file_reads_and_refuses_changes(capsys: Capsys) -> None:
    paths, ids = _library_with_state(capsys)
    paths.library.chmod(0o444)
    before = snapshot(paths.library)
    try:
        assert _status(capsys, ids[0]) == "read"
        assert run(capsys, "note", ids[0]).out == "kept\n"
        assert run(capsys, "stats").code == 0
        assert run(capsys, "export", "--format", "csv").code == 0
        for argv in (
            ["mark", ids[1], "read"],
            ["star", ids[0]],
            ["note", ids[0], "--append", "more"],
            ["undo"],
        ):
            result = run(capsys, *argv)
            assert result.code == 2, (argv, result.out)
            assert result.err == (
                f"papershelf: {paths.library} is read-only; the change was not saved "
                "(make it writable and retry)\n"
            )
            assert result.out == ""
        assert snapshot(paths.library) == before
        assert _temps(paths.data_dir) == []
    finally:
        paths.library.chmod(0o600)
    assert run(capsys, "mark", ids[1], "read").code == 0  # the retry works
    assert _status(capsys, ids[1]) == "read"


def _without_root_powers() -> list[str]:
    """A command prefix under which permission bits apply even to root."""
    if os.getuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a folder read-only")
    caps = "-dac_override,-dac_read_search,-fowner"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]


def test_read_only_data_folder_for_real(capsys: Capsys) -> None:
    prefix = _without_root_powers()
    paths, ids = _library_with_state(capsys)
    before = snapshot(paths.library)
    paths.data_dir.chmod(0o555)
    try:

        def papershelf(*argv: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*prefix, sys.executable, str(CHILD), *argv],
                capture_output=True,
                text=True,
                env=child_env(paths.data_dir),
                timeout=60,
            )

        listed = papershelf("list", "--format", "json", "--status", "read")
        assert listed.returncode == 0, listed.stderr
        assert [p["id"] for p in json.loads(listed.stdout)] == [ids[0]]
        assert papershelf("note", ids[0]).stdout == "kept\n"
        marked = papershelf("mark", ids[1], "read")
        assert marked.returncode == 2
        assert marked.stdout == ""
        [line] = marked.stderr.splitlines()
        assert line.startswith(f"papershelf: cannot write {paths.library}")
        assert "Permission denied" in line and "not saved" in line
    finally:
        paths.data_dir.chmod(0o755)
    assert snapshot(paths.library) == before
    assert _temps(paths.data_dir) == []


# missing folder -----------------------------------------------------------------------------
def test_missing_data_folder_is_created_on_the_first_write(capsys: Capsys, tmp_path: Path) -> None:
    folder = tmp_path / "fresh" / "install" / "data"
    ids = first_paper_ids(capsys, 1)
    result = run(capsys, "--data-dir", str(folder), "list", "--format", "json")
    assert result.code == 0 and json.loads(result.out)
    assert not (folder / "library.json").exists()  # reading creates no library
    result = run(capsys, "--data-dir", str(folder), "mark", ids[0], "read")
    assert result.code == 0, result.err
    assert (folder / "library.json").is_file()
    result = run(capsys, "--data-dir", str(folder), "list", "--format", "json", "--status", "read")
    assert [p["id"] for p in json.loads(result.out)] == ids


# full disk ----------------------------------------------------------------------------------
def test_full_disk_is_one_line_and_the_old_file_stays(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, ids = _library_with_state(capsys)
    before = snapshot(paths.library)
    real_write = os.write

    def half_then_full(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:  # never monkeypatch.undo(): it drops the data dir
        patch.setattr(os, "write", half_then_full)
        result = run(capsys, "note", ids[0], "--set", "a much longer note " * 50)
    assert result.code == 2 and result.out == ""
    assert result.err == (
        f"papershelf: cannot write {paths.library} (No space left on device); the change was "
        "not saved and the previous file is intact\n"
    )
    assert snapshot(paths.library) == before
    assert _temps(paths.data_dir) == []
    assert run(capsys, "note", ids[0]).out == "kept\n"
    assert run(capsys, "note", ids[0], "--set", "later").code == 0  # space freed: retry works


_TMPFS_DRIVER = r"""
import json, os, subprocess, sys
from pathlib import Path
mount, child = Path(sys.argv[1]), sys.argv[2]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], check=True)
data = mount / "data"
env = {**os.environ, "PAPERSHELF_DATA_DIR": str(data)}
def cli(*argv):
    p = subprocess.run([sys.executable, child, *argv], capture_output=True, text=True, env=env)
    return {"code": p.returncode, "out": p.stdout, "err": p.stderr}
ids = [p["id"] for p in json.loads(cli("list", "--format", "json")["out"])[:2]]
out = {"ids": ids, "setup": [cli("note", ids[0], "--set", "precious " * 300)]}
library = data / "library.json"
out["before"] = library.read_text()
filler, chunk = mount / "filler", b"x" * 4096
fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
try:
    while True:
        os.write(fd, chunk)
except OSError:
    pass
os.close(fd)
out["full"] = cli("note", ids[0], "--set", "replaced " * 900)
out["after"] = library.read_text()
out["temps"] = [p.name for p in data.iterdir() if p.name.endswith(".tmp")]
filler.unlink()
out["retry"] = cli("note", ids[0], "--set", "replaced " * 900)
out["final"] = library.read_text()
print(json.dumps(out))
"""


def test_really_full_disk_on_a_small_tmpfs(tmp_path: Path) -> None:
    """A 256 KiB tmpfs filled to the last byte, in a private mount namespace."""
    unshare = shutil.which("unshare")
    if unshare is None or not sys.platform.startswith("linux"):
        pytest.skip("needs Linux and unshare to mount a private tmpfs")
    mount = tmp_path / "small"
    mount.mkdir()
    proc = subprocess.run(
        [unshare, "--map-root-user", "--mount", sys.executable, "-c", _TMPFS_DRIVER,
         str(mount), str(CHILD)],
        capture_output=True,
        text=True,
        env=child_env(tmp_path / "unused"),
        timeout=120,
    )  # fmt: skip
    if proc.returncode != 0 and ("mount" in proc.stderr or "unshare" in proc.stderr):
        pytest.skip(f"cannot mount a private tmpfs here: {proc.stderr.strip()[-200:]}")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["setup"][0]["code"] == 0, out["setup"]
    full = out["full"]
    assert full["code"] == 2 and full["out"] == ""
    [line] = full["err"].splitlines()
    assert "No space left on device" in line and "previous file is intact" in line
    assert out["after"] == out["before"]
    assert out["temps"] == []
    assert out["retry"]["code"] == 0, out["retry"]
    assert "replaced" in out["final"]


# locks --------------------------------------------------------------------------------------
_HOLDER = r"""
import sys, time
from pathlib import Path
from papershelf.storage.lock import WriteLock
folder = Path(sys.argv[1])
held = WriteLock(folder / "library.json.lock", target=folder / "library.json")
held.acquire()
print("locked", flush=True)
time.sleep(120)
"""


def test_a_lock_held_by_a_live_process_fails_in_one_line_and_a_killed_one_blocks_no_one(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.services.library import Library

    paths, ids = _library_with_state(capsys)
    # The CLI waits 5 s for the lock; a shorter wait keeps the test fast.
    monkeypatch.setattr(Library.__init__, "__kwdefaults__", {"lock_timeout": 0.3, "parse": None})
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(paths.data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(paths.data_dir),
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        result = run(capsys, "mark", ids[1], "read")
        assert result.code == 2
        assert result.err == (
            f"papershelf: another papershelf is writing {paths.library} (still after 0.3 s)\n"
        )
        assert _status(capsys, ids[0]) == "read"  # reading never waits for the lock
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert paths.lock.exists()  # the dead holder's lock file stays, harmless
    # A lock still held would make the child give up with "another papershelf is writing".
    child = run_child(paths.data_dir, "mark", ids[1], "read")
    assert child.returncode == 0, child.stderr
    assert _status(capsys, ids[1]) == "read"


# notes typed in $EDITOR ---------------------------------------------------------------------
def _editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> Path:
    """An $EDITOR that "types" ``content`` into the file it is given; temp files go to tmp."""
    typed = tmp_path / "typed.bin"
    typed.write_bytes(content)
    script = tmp_path / "editor.sh"
    script.write_text(f'#!/bin/sh\ncat "{typed}" > "$1"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


def _kept_file(line: str) -> Path:
    assert "kept in " in line, line
    return Path(line.rsplit("kept in ", 1)[1].strip())


def test_a_note_edited_in_editor_is_kept_when_it_cannot_be_saved(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, ids = _library_with_state(capsys)
    typed = "an hour of typing\n" * 100
    temp = _editor(tmp_path, monkeypatch, typed.encode())
    paths.library.chmod(0o444)
    before = snapshot(paths.library)
    try:
        result = run(capsys, "note", ids[0], "--edit")
    finally:
        paths.library.chmod(0o600)
    assert result.code == 2
    [line] = result.err_lines
    assert "is read-only; the change was not saved" in line
    kept = _kept_file(line)
    # Notes are kept without the final newline editors add (the app's `e` does the same).
    assert kept.parent == temp and kept.read_text(encoding="utf-8") == typed.rstrip("\n")
    assert snapshot(paths.library) == before
    monkeypatch.setattr(sys, "stdin", io.StringIO(kept.read_text(encoding="utf-8")))
    assert run(capsys, "note", ids[0], "--set", "-").code == 0  # the way back in
    assert run(capsys, "note", ids[0]).out == typed


def test_a_note_edited_in_another_encoding_is_refused_and_kept(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, ids = _library_with_state(capsys)
    typed = "caf\u00e9 notes".encode("latin-1")
    _editor(tmp_path, monkeypatch, typed)
    before = snapshot(paths.library)
    result = run(capsys, "note", ids[0], "--edit")
    assert result.code == 2
    [line] = result.err_lines
    assert "not UTF-8 text" in line and "note left unchanged" in line
    assert _kept_file(line).read_bytes() == typed
    assert snapshot(paths.library) == before


@pytest.mark.parametrize("how", ["argument", "stdin"])
def test_note_text_that_is_not_utf8_is_refused_in_one_line(
    capsys: Capsys, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bad bytes in arguments and stdin decode to surrogates, which no JSON file can hold."""
    paths, ids = _library_with_state(capsys)
    bad = os.fsdecode(b"caf\xe9 au lait")
    before = snapshot(paths.library)
    if how == "stdin":
        monkeypatch.setattr(sys, "stdin", io.StringIO(bad))
        result = run(capsys, "note", ids[0], "--append", "-")
    else:
        result = run(capsys, "note", ids[0], "--set", bad)
    assert result.code == 2
    assert result.err == (
        "papershelf: the note text is not valid UTF-8 (character 3); note left unchanged\n"
    )
    assert snapshot(paths.library) == before
    proc = subprocess.run(
        [sys.executable, "-m", "papershelf", "note", ids[0], "--set", "-"],
        input=b"caf\xe9",
        capture_output=True,
        env=child_env(paths.data_dir),
        timeout=60,
    )
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert snapshot(paths.library) == before
