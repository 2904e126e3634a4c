"""A command started with a standard stream closed (``>&-``, ``<&-``): one line, no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


def _sh(script: str) -> subprocess.CompletedProcess[str]:
    """``papershelf`` run by a shell that closes or redirects its streams as ``script`` says."""
    papershelf = f"'{sys.executable}' -m papershelf"
    return subprocess.run(
        ["sh", "-c", script.replace("papershelf", papershelf)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=False,
    )


def test_a_closed_stdout_is_an_output_that_cannot_be_written() -> None:
    for command in ("papershelf list", "papershelf list --format json"):
        done = _sh(f"{command} >&-")
        assert done.returncode == 2, done.stderr
        assert done.stderr == "papershelf: cannot write the output: standard output is closed\n"


def test_a_closed_stdin_leaves_the_note_as_it_was() -> None:
    """Read as an empty text, a closed stdin emptied the note."""
    assert _sh("papershelf note mlsys2025-flashinfer --set kept -q").returncode == 0
    done = _sh("papershelf note mlsys2025-flashinfer --set - <&-")
    assert done.returncode == 2
    assert done.stderr == (
        "papershelf: standard input is closed; nothing was read, nothing changed\n"
    )
    assert _sh("papershelf note mlsys2025-flashinfer").stdout == "kept\n"


def test_a_closed_stderr_keeps_the_exit_code_and_stdout_clean() -> None:
    """The error line went to stdout (into a pipe's data); stats failed with exit 1."""
    done = _sh("papershelf mark no-such-paper read 2>&-")
    assert (done.returncode, done.stdout) == (2, "")
    done = _sh("papershelf stats 2>&-")
    assert done.returncode == 0 and done.stdout.startswith("VENUE")


def test_another_bad_descriptor_is_a_fault_not_an_output_that_cannot_be_written(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a closed standard output is "cannot write the output"; an ``EBADF`` of a lock
    or a pipe inside a command is a bug, said as one and logged."""
    import errno

    from papershelf.cli.main import main
    from papershelf.services.library import Library

    def broken(self: Library, *args: object, **kwargs: object) -> object:
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr(Library, "stats", broken)
    assert main(["stats"]) == 1
    err = capsys.readouterr().err
    assert "unexpected error (OSError" in err and "cannot write the output" not in err
