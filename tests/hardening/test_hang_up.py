"""Closing the terminal: the note being typed is saved and the app leaves at once.

The hang-up (SIGHUP) comes when the terminal's side of the pseudo-terminal closes. The app
saved the note but then waited forever in Textual's shutdown, writing to a terminal that
was gone: the process lived on.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

import pytest
from benchmarks.ptyterm import PtyProcess

from papershelf.paths import Paths
from papershelf.services.library import Library
from tests.hardening.helpers import CHILD, child_env

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

TYPED = "typed just before the terminal closed"


def _exit_status(pid: int, timeout: float) -> int | None:
    """The process's wait status once it has ended, or None if it still runs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    return None


def test_closing_the_terminal_saves_the_note_and_ends_the_app(paths: Paths) -> None:
    env = child_env(paths.data_dir, TERM="xterm-256color")
    env.pop("NO_COLOR", None)
    app = PtyProcess([sys.executable, str(CHILD)], env)
    try:
        assert app.wait_for_text("of 76", 0, 60) is not None, app.text_since(0)[-500:]
        app.settle(0.2, 5)
        app.send("n")  # the note editor opens on the first paper
        app.settle(0.3, 5)
        app.send(TYPED)
        app.settle(0.1, 2)  # well within the autosave pause: only the hang-up saves it
        os.close(app.fd)  # the terminal goes away: the kernel hangs up on the app
        status = _exit_status(app.pid, 20)
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(app.pid, 9)
            os.waitpid(app.pid, 0)
    assert status is not None, "the app still ran after the hang-up"
    notes = [s.note for s in Library(paths).states().values() if s.note]
    assert notes == [TYPED]
