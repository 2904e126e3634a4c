"""The app killed while a long note is being typed: at most the last moments are lost.

The real ``papershelf`` app runs in a child process on a pseudo-terminal; keys are typed into
the terminal as a user would. The process is then SIGKILLed (no chance to save on the way
out) and the library file must hold the note as of the last autosave, never an empty one.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from papershelf.paths import resolve_paths
from papershelf.services.library import Library
from tests.hardening.helpers import CHILD, child_env, first_paper_ids, run

AUTOSAVE = 0.3
LONG_NOTE = "".join(f"line {i}: months of careful notes on this paper\n" for i in range(200))

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


class TerminalApp:
    """``papershelf`` (the app) on a pty of 120x40, its output drained in a thread."""

    def __init__(self, data_dir: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = child_env(data_dir, TERM="xterm-256color", COLUMNS="120", LINES="40")
        env.pop("NO_COLOR", None)
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def type(self, text: str, *, per_key: float = 0.01) -> None:
        for char in text:
            os.write(self.master, char.encode())
            time.sleep(per_key)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        os.close(self.master)
        self._reader.join(timeout=5)


def _wait(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def test_a_note_typed_in_the_app_survives_a_kill_up_to_the_last_autosave(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = resolve_paths()
    [pid, other] = first_paper_ids(capsys, 2)
    assert run(capsys, "note", pid, "--set", LONG_NOTE).code == 0
    assert run(capsys, "note", other, "--set", "untouched").code == 0
    paths.config.write_text(f"[ui]\nautosave_seconds = {AUTOSAVE}\n", encoding="utf-8")

    def note() -> str:
        return Library(paths).state(pid).note  # a fresh reader: what is on disk

    app = TerminalApp(paths.data_dir)
    try:
        _wait(lambda: b"papershelf" in app.output and len(app.output) > 20_000, 20, "the app")
        time.sleep(0.3)  # the first paper (the one with the long note) is highlighted
        app.type("n")  # edit its note: the editor opens on the saved text, cursor at the end
        time.sleep(AUTOSAVE * 2)
        assert note() == LONG_NOTE, "opening the editor changed the note"
        app.type("first paragraph typed in the app. ")
        _wait(lambda: note().endswith("typed in the app. "), 5, "the autosave")
        app.type("the last few keys")  # killed before the autosave delay has passed
        app.kill()
    finally:
        if app.proc.poll() is None:
            app.kill()
    saved = note()
    assert saved == LONG_NOTE + "first paragraph typed in the app. "
    assert Library(paths).state(other).note == "untouched"
    assert run(capsys, "doctor").code == 0


def test_a_change_the_app_could_not_write_survives_a_kill_and_the_next_start_applies_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = resolve_paths()
    [pid] = first_paper_ids(capsys, 1)
    paths.lock.unlink(missing_ok=True)
    paths.lock.mkdir()  # every write fails: the lock file cannot be created

    def status() -> str:
        return Library(paths).state(pid).status.value

    app = TerminalApp(paths.data_dir)
    try:
        _wait(lambda: b"papershelf" in app.output and len(app.output) > 20_000, 20, "the app")
        time.sleep(0.3)
        app.type("r")  # the first paper: shown read at once, but it cannot be written
        _wait(paths.pending.exists, 20, "the change kept in the pending-changes file")
        app.kill()
    finally:
        if app.proc.poll() is None:
            app.kill()
    paths.lock.rmdir()
    assert status() == "unread"
    again = TerminalApp(paths.data_dir)
    try:
        _wait(lambda: status() == "read", 20, "the next start to apply the kept change")
        _wait(lambda: not paths.pending.exists(), 10, "the kept file to go")
    finally:
        again.kill()
    assert run(capsys, "doctor").code == 0
