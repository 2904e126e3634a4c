"""``python -m papershelf`` ends a command's process without freeing what it made.

Everything the command wrote must be there all the same: its output (through a pipe, where
Python buffers it), the files and the exit code; ``atexit`` functions still run, and what
they print is not lost. Where a
thread is still running, the usual exit (which waits for it) runs instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from papershelf.catalog.match_keys import PaperKeys
from papershelf.paths import Paths
from papershelf.services.library import Library

TITLES = ["Alpha: Caching Sparse Models", "Beta: Serving Dense Graphs", "Gamma: Tiny Networks"]
LIST = "# Reading\n\n" + "".join(
    f"* [{t}](https://example.org/{n}.pdf). Ann Lee.\n" for n, t in enumerate(TITLES)
)

# "freed": the library ``main`` held was let go of before the process ended. ``--busy``: a
# thread is still running when the command is done; it ends (saying so) when the usual
# exit asks threads to (``threading._register_atexit``), which an exit at once never does.
SCRIPT = """
import atexit, os, sys, threading, weakref
from papershelf.cli import main as cli

atexit.register(lambda: print("atexit ran"))  # into stdout's buffer (a pipe: not flushed)
real = cli.main

def busy(fd):
    os.read(fd, 1)
    print("thread done", file=sys.stderr)

def main(argv=None, *, hold=None, begun=None):
    code = real(argv, hold=hold, begun=begun)
    weakref.finalize(hold[0], print, "freed", file=sys.stderr).atexit = False
    if BUSY:
        r, w = os.pipe()
        threading.Thread(target=busy, args=(r,)).start()
        threading._register_atexit(os.write, w, b"x")
    return code

BUSY = "--busy" in sys.argv
sys.argv = [a for a in sys.argv if a != "--busy"]
cli.main = main
cli.run()
"""


def _papershelf(data: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PAPERSHELF_DATA_DIR": str(data), "PAPERSHELF_STATE_DIR": str(data)}
    env.pop("PYTHONUNBUFFERED", None)  # stdout into a pipe is buffered, as for a user
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *argv], capture_output=True, text=True, env=env
    )


def _before_atexit(out: str) -> str:
    """The command's own output: the ``atexit`` function's line must follow it."""
    assert out.endswith("]\natexit ran\n")
    return out.removesuffix("atexit ran\n")


def test_an_import_ends_without_freeing_and_loses_nothing(tmp_path: Path) -> None:
    source = tmp_path / "reading.md"
    source.write_text(LIST, encoding="utf-8")
    done = _papershelf(
        tmp_path / "data", "import", "--venue", "OSDI 2030", "--format", "json", str(source)
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # not "freed"
    (report,) = json.loads(_before_atexit(done.stdout))
    assert (report["found"], report["new"], report["joined"]) == (3, 3, 3)
    listed = _papershelf(tmp_path / "data", "list", "--format", "json", "--venue", "OSDI 2030")
    assert listed.returncode == 0, listed.stderr
    assert sorted(p["title"] for p in json.loads(_before_atexit(listed.stdout))) == TITLES


def test_a_failed_command_keeps_its_exit_code(tmp_path: Path) -> None:
    done = _papershelf(tmp_path / "data", "import", str(tmp_path / "missing.md"))
    assert done.returncode == 2
    assert done.stdout == "atexit ran\n"
    assert "no such file" in done.stderr
    assert "freed" not in done.stderr


def test_a_thread_still_running_gets_the_usual_exit(tmp_path: Path) -> None:
    done = _papershelf(tmp_path / "data", "--busy", "stats")
    assert done.returncode == 0, done.stderr
    assert "thread done" in done.stderr.splitlines()
    assert "read per week" in done.stdout
    assert done.stdout.endswith("atexit ran\n")


def test_an_import_leaves_its_matching_to_a_process_that_ends_at_once(tmp_path: Path) -> None:
    """Held to the exit: the keys and index of the venue's papers the last import compared with.

    One import's at a time: a batch of lists does not hold every list's.
    """
    source, other = tmp_path / "reading.md", tmp_path / "other.md"
    source.write_text(LIST, encoding="utf-8")
    other.write_text(
        "# More\n\n* [Zeta: Graph Partitioning at Scale](https://example.org/z.pdf)\n",
        encoding="utf-8",
    )
    library = Library(Paths(tmp_path / "data"))
    library.import_files([source], venue="OSDI 2030")
    library.left_to_exit = held = list[object]()
    source.write_text(LIST.replace("Tiny", "Small"), encoding="utf-8")
    reports = library.import_files([source, other], venue="OSDI 2030").reports
    assert [(r.new, r.updated, r.unchanged) for r in reports] == [(0, 1, 2), (1, 0, 0)]
    keys = [k for k in held if isinstance(k, PaperKeys)]
    assert len(keys) == 1
    assert "Zeta: Graph Partitioning at Scale" in keys[0].titles  # the last list's


def test_a_command_run_in_a_process_that_goes_on_lets_go_of_the_library_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Called in process (a script, a test), ``main`` closes what the library kept open.

    The library keeps its file's descriptor to know the file unchanged; a process that
    runs many commands kept one per command until the collector freed the library.
    """
    import gc

    from tests.conftest import run_cli

    data = tmp_path / "data"
    library = data / "library.json"

    def held() -> int:
        target = library.resolve()
        return sum(1 for fd in Path("/proc/self/fd").iterdir() if fd.resolve() == target)

    gc.disable()  # nothing freed behind the test's back
    try:
        code, out, err = run_cli(capsys, "--data-dir", str(data), "list", "--format", "json")
        assert code == 0, err
        first = json.loads(out)[0]["id"]
        for command in (["star", first], ["unstar", first], ["stats"]):
            code, _, err = run_cli(capsys, "--data-dir", str(data), *command)
            assert code == 0, err
        code, _, _ = run_cli(capsys, "--data-dir", str(data), "star", "no-such-id")
        assert code != 0  # a command that fails lets go too
        assert library.exists() and held() == 0
    finally:
        gc.enable()


def test_a_library_used_after_close_reads_its_file_again(tmp_path: Path) -> None:
    from papershelf.domain.models import Status
    from papershelf.paths import resolve_paths

    paths = resolve_paths(tmp_path / "data")
    library = Library(paths)
    first, second = (p.id for p in library.papers()[:2])
    library.set_status([first], Status.READ)
    library.close()
    library.set_status([second], Status.TO_READ)  # after close: read again, then written
    library.close()
    again = Library(paths).states()
    assert again[first].status == Status.READ and again[second].status == Status.TO_READ
