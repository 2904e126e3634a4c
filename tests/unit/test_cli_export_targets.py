"""Export targets that are no regular file: devices and FIFOs are written into, never replaced."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

Capsys = pytest.CaptureFixture[str]


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A copy of a memory device node (``c 1 minor``) in ``tmp_path``; skips without mknod."""
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (PermissionError, AttributeError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return node


def _read_fifo(fifo: Path, into: list[bytes]) -> threading.Thread:
    def reader() -> None:
        with fifo.open("rb") as f:
            into.append(f.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_fifo_is_written_into_and_stays_a_fifo(
    capsys: Capsys, tmp_path: Path, force: list[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    thread = _read_fifo(fifo, got)
    code, out, err = run(capsys, "export", "--format", "csv", "-o", str(fifo), *force)
    thread.join(timeout=10)
    assert (code, err) == (0, "")
    assert out == f"exported 76 papers as csv to {fifo}\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and got[0].startswith(b"id,title,") and got[0].count(b"\n") >= 77
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "pipe"]


def test_a_device_is_written_into_without_force_and_stays_a_device(
    capsys: Capsys, tmp_path: Path
) -> None:
    null = _device(tmp_path, "null", 3)
    code, _, err = run(capsys, "export", "--format", "json", "-o", str(null))
    assert (code, err) == (0, "")
    assert stat.S_ISCHR(null.lstat().st_mode)


def test_a_full_device_is_one_line_exit_2_and_stays_a_device(
    capsys: Capsys, tmp_path: Path
) -> None:
    full = _device(tmp_path, "full", 7)
    code, out, err = run(capsys, "export", "--format", "csv", "-o", str(full), "--force")
    assert (code, out) == (2, "")
    assert err == f"papershelf: {full}: cannot write (No space left on device)\n"
    assert stat.S_ISCHR(full.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "full"]


def test_dev_null_takes_an_export_and_stays_the_device(capsys: Capsys) -> None:
    code, _, err = run(capsys, "export", "--format", "bibtex", "-o", os.devnull)
    assert (code, err) == (0, "")
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_a_link_to_a_fifo_writes_into_the_fifo(capsys: Capsys, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    got: list[bytes] = []
    thread = _read_fifo(fifo, got)
    code, _, err = run(capsys, "export", "--format", "json", "-o", str(link))
    thread.join(timeout=10)
    assert (code, err) == (0, "")
    assert link.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and got[0].lstrip().startswith(b"{")


def test_a_folder_target_stays_an_error(capsys: Capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "export", "--format", "csv", "-o", str(tmp_path), "--force")
    assert (code, out) == (2, "")
    assert err == f"papershelf: {tmp_path}: is a directory\n"


def test_dev_stdout_is_the_output_itself(capsys: Capsys) -> None:
    code, out, err = run(capsys, "export", "--format", "csv", "-o", "/dev/stdout", "--venue", "x")
    assert code == 2 and out == ""  # the filters are checked as for stdout
    code, out, err = run(capsys, "export", "--format", "csv", "-o", "/dev/stdout")
    assert (code, err) == (0, "")
    assert out.startswith("id,title,") and "exported" not in out


@pytest.mark.parametrize("terminal", [True, False])
@pytest.mark.parametrize("output", [[], ["-o", "x.csv"]])
def test_an_export_of_no_paper_is_written_and_said_on_a_terminal(
    capsys: Capsys,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    output: list[str],
    terminal: bool,
) -> None:
    """A pipe or a script gets the empty export alone (exit 0); a person is told why."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: terminal)
    code, out, err = run(capsys, "export", "--format", "csv", "--search", "zzzqqq", *output)
    assert code == 0
    assert err == ("no papers match: the export is empty\n" if terminal else "")
    header = "id,title,"
    if output:
        assert out == "exported 0 papers as csv to x.csv\n"
        assert (tmp_path / "x.csv").read_text().startswith(header)
    else:
        assert out.startswith(header) and out.count("\n") == 1


def test_an_export_of_one_paper_says_one_paper(capsys: Capsys, tmp_path: Path) -> None:
    target = tmp_path / "one.csv"
    argv = ["export", "--format", "csv", "--search", "flashinfer", "-o", str(target)]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert out == f"exported 1 paper as csv to {target}\n"


def test_a_fifo_nobody_reads_is_said_not_waited_for(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app exports on its writer: an open that waited for a reader held every change."""
    from papershelf.storage import stream_out

    monkeypatch.setattr(stream_out, "READER_WAIT_SECONDS", 0.1)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "export", "--format", "csv", "-o", str(fifo))
    assert code == 2
    assert err == f"papershelf: {fifo}: no program is reading this FIFO\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_block_device_or_a_socket_is_refused(capsys: Capsys, tmp_path: Path) -> None:
    """A block device is a disk: never written into, with or without --force."""
    import socket

    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        for force in ([], ["--force"]):
            code, _, err = run(capsys, "export", "--format", "csv", "-o", str(path), *force)
            assert code == 2
            assert "not a file, a character device or a FIFO" in err
        assert stat.S_ISSOCK(path.lstat().st_mode)
    finally:
        server.close()
