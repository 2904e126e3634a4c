"""A bare ``papershelf`` with no terminal says so and ends, instead of waiting for keys."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

GUARD_SECONDS = 120
"""Against a hang (the failure this guards against), not a speed check."""


@pytest.mark.parametrize("stream", ["standard input", "standard error"])
def test_the_app_without_a_terminal_is_one_line_and_exit_2(tmp_path: Path, stream: str) -> None:
    env = {**os.environ, "PAPERSHELF_DATA_DIR": str(tmp_path / "data")}
    env.pop("TEXTUAL_DRIVER", None)
    leader, follower = pty.openpty()
    try:
        stdin = subprocess.DEVNULL if stream == "standard input" else follower
        done = subprocess.run(
            [sys.executable, "-m", "papershelf"],
            stdin=stdin,
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
            timeout=GUARD_SECONDS,
        )
    finally:
        os.close(follower)
        os.close(leader)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err.count("\n") == 1 and "\x1b" not in err, err
    assert err.startswith("papershelf: the app needs a terminal and ") and stream in err
    assert "--help" in err
    assert not (tmp_path / "data").exists()  # nothing was opened or made
