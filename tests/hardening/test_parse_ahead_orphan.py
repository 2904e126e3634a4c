"""A list parsed ahead in a child never outlives an import process that died (SIGKILL).

The child sends its papers down a pipe; a parent killed before reading leaves it blocked on
a full pipe unless the pipe's read end lives in the parent alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.generate import generate_family_a

from papershelf.services import parse_ahead

pytestmark = pytest.mark.skipif(not parse_ahead.available(), reason="needs fork and two cores")

_DIES_UNREAD = """
import os, sys
from papershelf.services import parse_ahead
text = open(sys.argv[1], encoding="utf-8").read()
ahead = parse_ahead.parse_ahead(text, source="big.md", venue=None)
with open(sys.argv[2], "w") as out:
    out.write(str(ahead._proc.pid if ahead.started else 0))
os._exit(0)  # as a SIGKILL would: the answer is never read
"""


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")  # a zombie has ended; init reaps it


def test_the_child_ends_when_its_parent_dies_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text(generate_family_a(3_000, 7), encoding="utf-8")  # far more than a pipe holds
    assert big.stat().st_size > parse_ahead.MIN_CHARS
    pid_file = tmp_path / "child.pid"
    # No pipe to this test: a child left behind would hold it open, and the run with it.
    done = subprocess.run(
        [sys.executable, "-c", _DIES_UNREAD, str(big), str(pid_file)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == 0
    pid = int(pid_file.read_text())
    assert pid > 0
    deadline = time.monotonic() + 120  # a liveness bound for a busy machine, not a figure
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = not _gone(pid)
    if alive:
        os.kill(pid, 9)
    assert not alive, "the parsing child outlived its parent"
