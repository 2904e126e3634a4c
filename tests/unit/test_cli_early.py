"""An import's big lists start parsing before the command line is read, and only count if right.

``cli.early`` glances at the arguments; ``parse_ahead.start_files`` keeps a parse begun
that way only for a file and venue the command truly names (argparse's reading).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from papershelf.cli.early import begin, command_at, import_arguments
from papershelf.cli.main import main
from papershelf.paths import Paths
from papershelf.services import parse_ahead
from papershelf.services.library import Library

needs_fork = pytest.mark.skipif(not parse_ahead.available(), reason="needs fork and two cores")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["import", "a.md"], (["a.md"], None)),
        (["import", "a.md", "--venue", "OSDI 2024", "b.md"], (["a.md", "b.md"], "OSDI 2024")),
        (["import", "--venue=SOSP '23", "a.md", "-q"], (["a.md"], "SOSP '23")),
        (["-q", "--data-dir", "d", "import", "a.md", "--format", "json"], (["a.md"], None)),
        (["--data-dir=d", "import", "--dry-run", "--", "-odd.md"], (["-odd.md"], None)),
        (["import", "a.md", "--venue"], (["a.md"], None)),
        (["list", "--venue", "OSDI 2024"], None),
        (["--data-dir", "import"], None),
        ([], None),
    ],
)
def test_the_glance_at_an_import(argv: list[str], expected: object) -> None:
    assert import_arguments(argv) == expected


def test_the_command_stands_past_the_common_flags() -> None:
    assert command_at(["--quiet", "--data-dir", "x", "-q", "lists"]) == 4
    assert command_at(["--data-dir", "x"]) is None


def _big(path: Path) -> Path:
    """A list long enough to parse ahead, in few entries (long links): quick to import."""
    pad = "x" * 2000
    lines = [f"- [Paper {n}](https://e.org/{pad}/{n}.pdf)\n" for n in range(200)]
    assert len("".join(lines)) >= parse_ahead.MIN_CHARS
    path.write_text("".join(lines), "utf-8")
    return path


@needs_fork
def test_a_parse_begun_early_is_the_one_the_import_keeps(tmp_path: Path) -> None:
    big = _big(tmp_path / "big.md")
    begun = begin(["import", str(big), "--venue", "OSDI 2024"])
    assert list(begun) == [str(big)] and begun[str(big)].started
    early = begun[str(big)]
    started = parse_ahead.start_files([str(big)], "OSDI 2024", begun=begun)
    try:
        assert started[str(big)] is early
    finally:
        early.close()


@needs_fork
def test_a_parse_begun_with_another_venue_or_file_is_ended(tmp_path: Path) -> None:
    """The glance misread the venue (an abbreviated ``--ven``) or took a value for a file."""
    big, other = _big(tmp_path / "big.md"), _big(tmp_path / "json")
    begun = begin(["import", str(big), str(other), "--venue", "OSDI"])
    assert set(begun) == {str(big), str(other)}
    procs = [a._proc for a in begun.values()]
    early = begun[str(big)]
    started = parse_ahead.start_files([str(big)], "OSDI 2024", begun=begun)
    try:
        assert started[str(big)] is not early and started[str(big)].venue == "OSDI 2024"
        assert all(p is not None and not p.is_alive() and p.exitcode is not None for p in procs)
        assert started[str(big)].result().papers[0].venue == "OSDI 2024"
    finally:
        for ahead in started.values():
            ahead.close()


def test_other_commands_and_small_lists_begin_nothing(tmp_path: Path) -> None:
    small = tmp_path / "small.md"
    small.write_text("- [T](https://e.org/x.pdf)\n", "utf-8")
    assert begin(["import", str(small)]) == {}
    assert begin(["list", str(_big(tmp_path / "big.md"))]) == {}


@needs_fork
def test_an_import_begun_early_parses_once_and_stores_what_a_plain_import_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What ``run`` does: ``begin``, then ``main`` with what it began."""
    big = _big(tmp_path / "big.md")
    starts: list[str] = []
    real = parse_ahead.Ahead.start

    def start(self: parse_ahead.Ahead) -> parse_ahead.Ahead:
        starts.append(self.source)
        return real(self)

    monkeypatch.setattr(parse_ahead.Ahead, "start", start)
    argv = ["--data-dir", str(tmp_path / "early"), "import", str(big), "--venue", "OSDI 2024"]
    begun = begin(argv)
    assert main(argv, hold=[], begun=begun) == 0
    assert starts == ["big.md"]  # begun once, never started again
    proc = begun[str(big)]._proc
    assert proc is None or not proc.is_alive()  # taken by the import, which ended it
    assert "imported" in capsys.readouterr().out
    plain = Library(Paths(tmp_path / "plain"))
    plain.import_lists([big], venue="OSDI 2024")
    papers = Library(Paths(tmp_path / "early")).papers()
    assert papers == plain.papers() and "OSDI 2024" in {p.venue for p in papers}


@needs_fork
def test_the_installed_command_imports_a_big_list(tmp_path: Path) -> None:
    big = _big(tmp_path / "big.md")
    cmd = [sys.executable, "-m", "papershelf", "--data-dir", str(tmp_path / "d")]
    done = subprocess.run(
        [*cmd, "import", str(big), "--venue", "OSDI 2024", "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    listed = subprocess.run([*cmd, "venues"], capture_output=True, text=True, check=True)
    assert "OSDI 2024" in listed.stdout
