"""A command's summary on stderr comes after the table it sums up, in one stream too.

Into a pipe or a file Python buffers stdout: ``papershelf orphans 2>&1 | less`` showed the
summary line before the table (it went out at once, the table at exit).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from papershelf.paths import Paths
from papershelf.services.library import Library
from tests.conftest import corpus_file


def merged(data: Path, *argv: str) -> list[str]:
    """``papershelf ARGV``'s stdout and stderr through one pipe, as ``2>&1 | less`` reads it."""
    env = {**os.environ, "PAPERSHELF_DATA_DIR": str(data), "PAPERSHELF_STATE_DIR": str(data)}
    env.pop("PYTHONUNBUFFERED", None)  # stdout into a pipe is buffered, as for a user
    done = subprocess.run(
        [sys.executable, "-m", "papershelf", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout.splitlines()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A library with an orphan (a starred paper whose list was forgotten) and an import."""
    where = tmp_path / "lib"
    library = Library(Paths(where), lock_timeout=2.0)
    concerto = next(p.id for p in library.papers() if p.title.startswith("Concerto"))
    library.set_starred([concerto], True)
    library.forget("asplos-2025")
    library.import_lists([corpus_file("B12")])
    return where


@pytest.mark.parametrize(
    ("argv", "first", "summary"),
    [
        (("orphans",), "ID", "1 paper no list holds"),
        (("new",), "ID", "26 papers joined the catalog"),
    ],
)
def test_the_summary_follows_the_table(
    data: Path, argv: tuple[str, ...], first: str, summary: str
) -> None:
    lines = merged(data, *argv)
    assert lines[0].startswith(first), lines[:2]  # the table (or the file) comes first
    assert lines[-1].startswith(summary), lines[-2:]  # then the line that sums it up
    assert sum(summary in line for line in lines) == 1


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("list", "--search", "nothing-here"), 0),
        (("export", "--format", "csv", "--search", "nothing-here"), 1),  # the csv header
        (("list", "--format", "json", "--status", "read"), 1),  # []
    ],
)
def test_an_empty_result_in_a_pipe_is_the_result_alone(
    data: Path, argv: tuple[str, ...], expected: int
) -> None:
    """ "no papers match" is for a person at a terminal: a script reads what it asked for."""
    lines = merged(data, *argv)
    assert len(lines) == expected, lines
    assert not any("match" in line for line in lines), lines


_FAILS_PARTWAY = """
import sys, types
from papershelf.cli import main, parser
from papershelf.errors import PapershelfError

def command(lib, args):
    print("row 1")
    print("row 2")
    raise PapershelfError("stopped at row 3")

parser.parse = lambda argv: types.SimpleNamespace(command="rows", func=command, quiet=False)
sys.exit(main.main(["rows"]))
"""


def test_an_error_follows_what_the_command_printed_before_it(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PAPERSHELF_DATA_DIR": str(tmp_path),
        "PAPERSHELF_STATE_DIR": str(tmp_path),
    }
    env.pop("PYTHONUNBUFFERED", None)
    done = subprocess.run(
        [sys.executable, "-c", _FAILS_PARTWAY],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode != 0
    assert done.stdout.splitlines() == ["row 1", "row 2", "papershelf: stopped at row 3"]
