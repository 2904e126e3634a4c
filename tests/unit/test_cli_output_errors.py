"""Standard output that cannot be written: one line and exit 2; a closed pipe stays silent."""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli as run
from tests.hardening.helpers import child_argv, child_env

Capsys = pytest.CaptureFixture[str]


class _Failing(io.RawIOBase):
    def __init__(self, error: int) -> None:
        self.error = error

    def writable(self) -> bool:
        return True

    def write(self, b: object) -> int:
        raise OSError(self.error, os.strerror(self.error))


def _stdout_failing(monkeypatch: pytest.MonkeyPatch, error: int) -> None:
    raw = io.BufferedWriter(_Failing(error))
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8"))


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EIO])
@pytest.mark.parametrize("command", [["list"], ["list", "--format", "json"], ["paths"]])
def test_an_output_that_fails_is_one_line_and_exit_2(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch, error: int, command: list[str]
) -> None:
    _stdout_failing(monkeypatch, error)
    code, _, err = run(capsys, *command)
    assert code == 2
    assert err == f"papershelf: cannot write the output: {os.strerror(error)}\n"


def test_a_closed_pipe_is_still_a_silent_exit_0(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdout_failing(monkeypatch, errno.EPIPE)
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # the handler closes stderr
    assert run(capsys, "list")[0] == 0


def test_list_into_a_full_device_in_a_real_process(tmp_path: Path) -> None:
    full = tmp_path / "full"
    try:
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, AttributeError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    with full.open("wb") as sink:
        done = subprocess.run(
            child_argv("list"),
            stdout=sink,
            stderr=subprocess.PIPE,
            env=child_env(tmp_path / "data"),
            timeout=120,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == b"papershelf: cannot write the output: No space left on device\n"
    assert stat.S_ISCHR(full.lstat().st_mode)
