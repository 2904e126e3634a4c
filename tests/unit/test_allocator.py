"""Large freed blocks go back to the system in the app (its peak memory depends on it), and
stay with a command (its speed does: each block given back is faulted in again)."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest

CHILD = """
import sys
from papershelf.cli.main import tune_allocator
if sys.argv[1] == "tuned":
    tune_allocator()
elif sys.argv[1] == "command":
    tune_allocator(command=True)

def rss_kb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))

big = bytearray(20_000_000)  # untuned, glibc now keeps blocks under 20 MB in its heap
del big
before = rss_kb()
blocks = [bytearray(1_000_000) for _ in range(30)]
del blocks
print(rss_kb() - before)
"""


def _glibc() -> bool:
    try:
        ctypes.CDLL("libc.so.6").gnu_get_libc_version  # noqa: B018
    except (OSError, AttributeError):
        return False
    return True


def _kept_kb(mode: str) -> int:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode], capture_output=True, text=True, env=env, check=True
    )
    return int(done.stdout)


@pytest.mark.skipif(sys.platform != "linux" or not _glibc(), reason="glibc's allocator")
def test_freed_megabyte_blocks_leave_the_process() -> None:
    assert _kept_kb("plain") > 20_000  # what the app suffered: 30 MB kept after use
    assert _kept_kb("tuned") < 5_000


@pytest.mark.skipif(sys.platform != "linux" or not _glibc(), reason="glibc's allocator")
def test_a_command_keeps_its_freed_blocks_for_the_next() -> None:
    # The 20 MB block freed first is reused for part of the 30 MB; the rest stays too.
    assert _kept_kb("command") > 5_000
