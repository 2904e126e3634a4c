"""Running the real CLI in-process and in child processes, and checking what reaches a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from papershelf.cli.main import main

CHILD = Path(__file__).with_name("child.py")


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Result:
    """``papershelf ARGV`` in this process, as a user would run it."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits by itself
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return Result(code, out, err)


def child_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PAPERSHELF_DATA_DIR": str(data_dir), "NO_COLOR": "1", **extra}
    env.pop("VISUAL", None)
    env.pop("EDITOR", None)
    return env


def child_argv(*argv: str) -> list[str]:
    """A papershelf process (the sabotage, if one is set, applies in it too)."""
    return [sys.executable, str(CHILD), *argv]


def run_child(
    data_dir: Path, *argv: str, stdin: bytes | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        child_argv(*argv),
        input=stdin,
        capture_output=True,
        env=child_env(data_dir),
        timeout=timeout,
        check=False,
    )


def snapshot(path: Path) -> tuple[bytes, int, int]:
    """Bytes, mtime and inode: equal snapshots mean nobody wrote or replaced the file."""
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_ino


_ALLOWED_CONTROLS = frozenset("\n\t\r")


def terminal_hazards(text: str) -> list[str]:
    """Characters that would drive a terminal or hide text: ESC and other C0/C1 controls,
    DEL, format characters (bidi overrides and isolates, zero-width), line separators."""
    found = []
    for char in text:
        if char in _ALLOWED_CONTROLS:
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            found.append(f"U+{ord(char):04X}")
    return found


def first_paper_ids(capsys: pytest.CaptureFixture[str], count: int) -> list[str]:
    import json

    result = run(capsys, "list", "--format", "json")
    assert result.code == 0, result.err
    return [str(p["id"]) for p in json.loads(result.out)[:count]]
