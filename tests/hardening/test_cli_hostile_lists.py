"""Hostile files through ``papershelf import``: bounded time, one clear line, nothing half-stored.

The parser's own tests (tests/unit/test_catalog_hostile.py, test_catalog_source.py) check
``parse_list`` and ``read_list_file``; these run the real command and check what reaches the
user and the data folder.
"""

from __future__ import annotations

import codecs
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pytest

from papershelf.catalog import merge
from papershelf.paths import Paths, resolve_paths
from papershelf.services.library import Library
from tests.hardening.helpers import Result, child_argv, child_env, run

Capsys = pytest.CaptureFixture[str]

ENTRY = "* \\[t] [Paper {i}: A Hostile Test](https://example.org/{i}). Ann Lee. HOTOS'21\n"
CLEAN = "# Hostile lists\n\n" + "".join(ENTRY.format(i=i) for i in range(3))
TITLES = [f"Paper {i}: A Hostile Test" for i in range(3)]


def _catalog_state(capsys: Capsys) -> tuple[str, list[str], bytes | None]:
    """What an import could change: the lists, the stored copies, the library."""
    paths = resolve_paths()
    lists = run(capsys, "lists", "--format", "json").out
    copies = sorted(p.name for p in paths.lists.iterdir()) if paths.lists.is_dir() else []
    library = paths.library.read_bytes() if paths.library.exists() else None
    return lists, copies, library


def _hostile_titles(capsys: Capsys) -> list[str]:
    result = run(capsys, "list", "--format", "json", "--venue", "HOTOS 2021")
    if result.code != 0:
        return []
    return sorted(str(p["title"]) for p in json.loads(result.out))


REFUSED: dict[str, tuple[Callable[[Path], Path], str]] = {
    "50 MB list": (
        lambda d: _write(d / "huge.md", CLEAN.encode() + ENTRY.encode() * (50 * 2**20 // 80)),
        "too large for a paper list",
    ),
    "NUL bytes": (
        lambda d: _write(d / "nul.md", CLEAN.encode() + b"\x00\x00junk\n"),
        "binary file",
    ),
    "invalid UTF-8": (
        lambda d: _write(d / "latin1.md", CLEAN.encode() + "Caf\u00e9\n".encode("latin-1")),
        "not UTF-8 text",
    ),
    "UTF-16 without a BOM": (
        lambda d: _write(d / "utf16-nobom.md", CLEAN.encode("utf-16-le")),
        "binary file",
    ),
    "a directory": (lambda d: _mkdir(d / "folder.md"), "is a directory"),
    "an empty file": (lambda d: _write(d / "empty.md", b""), "empty file"),
    "only whitespace": (lambda d: _write(d / "blank.md", b" \n\r\n\t\n"), "empty file"),
    "a missing file": (lambda d: d / "missing.md", "no such file"),
    "a character device": (lambda _d: Path("/dev/zero"), "not a regular file"),
    "no papers in it": (
        lambda d: _write(d / "prose.md", b"# Notes\n\nJust prose, [a link](https://x.org).\n"),
        "no papers found",
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_in_one_line_with_exit_2_and_nothing_stored(
    case: str, capsys: Capsys, tmp_path: Path
) -> None:
    make, reason = REFUSED[case]
    if case == "a character device" and not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    path = make(tmp_path)
    before = _catalog_state(capsys)
    result = run(capsys, "import", str(path))  # a device or FIFO read to the end would hang
    assert result.code == 2, result
    assert result.out == ""
    [line] = result.err_lines
    assert line.startswith(f"papershelf: {path}:")
    assert reason in line
    assert _catalog_state(capsys) == before
    assert _hostile_titles(capsys) == []


def test_bad_files_among_good_ones_are_skipped_and_the_others_imported(
    capsys: Capsys, tmp_path: Path
) -> None:
    first = _write(tmp_path / "first.md", CLEAN.encode())
    bad = _write(tmp_path / "bad.md", b"\x00")
    prose = _write(tmp_path / "prose.md", b"# Notes\n\nJust prose.\n")
    last = _write(tmp_path / "last.md", CLEAN.replace("HOTOS'21", "HOTOS'22").encode())
    result = run(capsys, "import", str(first), str(bad), str(prose), str(last))
    assert result.code == 2, result
    assert [line.split(":")[0] for line in result.out.splitlines()] == [
        f"imported {first}",
        f"imported {last}",
    ]
    nul, no_papers, summary = result.err_lines
    assert nul.startswith(f"papershelf: {bad}: binary file")
    assert no_papers.startswith(f"papershelf: {prose}: no papers found")
    assert summary == ("papershelf: 2 of 4 files could not be imported; the other 2 were imported")
    lists = json.loads(run(capsys, "lists", "--format", "json").out)
    imported = {i["name"]: i["papers"] for i in lists if not i["bundled"]}
    assert imported == {"first": 3, "last": 3}


def test_a_dry_run_reads_past_a_bad_file_and_stores_nothing(capsys: Capsys, tmp_path: Path) -> None:
    prose = _write(tmp_path / "prose.md", b"# Notes\n\nJust prose.\n")
    good = _write(tmp_path / "good.md", CLEAN.encode())
    before = _catalog_state(capsys)
    result = run(capsys, "import", "--dry-run", str(prose), str(good))
    assert result.code == 2 and result.out.startswith(f"would import {good}:")
    assert result.err_lines[-1].endswith(
        "1 of 2 files could not be imported; the other file was read"
    )
    assert _catalog_state(capsys) == before


# The markdown parser's slowest inputs, each on one 100,000-character line (about 4 s in all
# without the importer's line cap; skipped at once with it).
LONG_LINES = "".join(
    f"* [{chars * (100_000 // len(chars))}](https://e.org). A. HOTOS'21\n"
    for chars in ("[", "![", "[x](", "*", "_", "x")
)

ACCEPTED: dict[str, Callable[[Path], Path]] = {
    "UTF-8 BOM": lambda d: _write(d / "bom.md", codecs.BOM_UTF8 + CLEAN.encode()),
    "UTF-16 LE with BOM": lambda d: _write(d / "u16le.md", CLEAN.encode("utf-16")),
    "UTF-16 BE with BOM": lambda d: _write(
        d / "u16be.md", codecs.BOM_UTF16_BE + CLEAN.encode("utf-16-be")
    ),
    "CRLF line endings": lambda d: _write(d / "crlf.md", CLEAN.replace("\n", "\r\n").encode()),
    "100,000-character lines": lambda d: _write(d / "long.md", (CLEAN + LONG_LINES).encode()),
    "10,000 nested bullets": lambda d: _write(
        d / "nested.md", (CLEAN + "* " * 9_990 + "deep\n").encode()
    ),
    "1,000 levels of indentation": lambda d: _write(
        d / "indented.md", (CLEAN + "".join("  " * i + "* x\n" for i in range(1_000))).encode()
    ),
    "10,000 nested quotes": lambda d: _write(d / "quotes.md", (CLEAN + "> " * 9_990).encode()),
}


def _write_text(path: Path, text: str) -> Path:
    path.write_bytes(text.encode())
    return path


ACCEPTED["mixed line endings"] = lambda d: _write_text(
    d / "mixed.md",
    "# Hostile lists\r\n\r\n"
    + ENTRY.format(i=0).replace("\n", "\r\n")
    + ENTRY.format(i=1).replace("\n", "\r")
    + ENTRY.format(i=2),
)


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_accepted_with_clean_titles(case: str, capsys: Capsys, tmp_path: Path) -> None:
    # How the work grows with these shapes is checked by counting it, in test_catalog_hostile.
    path = ACCEPTED[case](tmp_path)
    result = run(capsys, "import", str(path))
    assert result.code == 0, result.err
    [line] = result.out.splitlines()
    assert line.startswith(f"imported {path}: HOTOS 2021: 3 papers")
    assert _hostile_titles(capsys) == TITLES


def _links_of(capsys: Capsys, title: str) -> list[str]:
    result = run(capsys, "list", "--format", "json", "--search", title)
    [paper] = [p for p in json.loads(result.out) if p["title"] == title]
    return [str(link["url"]) for link in paper["links"]]


@pytest.mark.parametrize("family", ["wrapped entry", "labelled links"])
def test_ten_thousand_links_in_one_entry(family: str, capsys: Capsys, tmp_path: Path) -> None:
    if family == "wrapped entry":
        text = "* \\[t] [Linked](https://x.org/p). Ann Lee. HOTOS'21\n" + "".join(
            f"  [c{i}](https://x.org/{i})\n" for i in range(10_000)
        )
    else:
        text = "# HotOS 2021\n\n## Papers\n\n* Linked \\[[Paper](https://x.org/p)]\n" + "".join(
            f"  \\[[Code](https://x.org/{i})]\n" for i in range(10_000)
        )
    path = _write_text(tmp_path / "links.md", text)
    result = run(capsys, "import", str(path))
    assert result.code == 0, result.err
    links = _links_of(capsys, "Linked")
    assert links[0] == "https://x.org/p"
    assert len(links) <= 100


_BIG_VENUE = "ASPLOS'25"  # a venue the bundled catalog already holds 33 papers of


def test_a_large_list_in_a_known_venue_imports_in_linear_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-import matching must not compare every new paper with every catalog paper of its
    venue (difflib on every pair took ~4 s here for 2,000 new ASPLOS papers, 0.45 s in a
    venue the catalog did not hold). Counted, not timed: fuzzy title comparisons."""
    compared = 0

    class CountingMatcher(SequenceMatcher[str]):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            nonlocal compared
            compared += 1
            super().__init__(*args, **kwargs)

    def close_lengths(a: str, b: str, threshold: float) -> bool:
        nonlocal compared
        compared += 1
        return plain_close_lengths(a, b, threshold)

    plain_close_lengths = merge._close_lengths
    monkeypatch.setattr(merge, "SequenceMatcher", CountingMatcher)
    monkeypatch.setattr(merge, "_close_lengths", close_lengths)
    entry = "* \\[t] [Study {i} of Things](https://example.org/{i}). Ann Lee. " + _BIG_VENUE + "\n"
    path = _write_text(tmp_path / "big.md", "".join(entry.format(i=i) for i in range(2_000)))
    library = Library(Paths(tmp_path / "data"))
    in_venue = [p for p in library.papers() if p.venue == "ASPLOS 2025"]
    assert len(in_venue) >= 30
    [report] = library.import_lists([path])
    assert report.new == 2_000
    # Every pair would be 2,000 x 33; a near-linear matcher looks at a few per new paper.
    assert compared <= report.new, compared


def _largest_accepted_list(path: Path, venue: str) -> Path:
    from papershelf.catalog.source import MAX_LIST_BYTES

    entry = "* \\[t] [Study {i} of Things](https://example.org/{i}). Ann Lee. " + venue + "\n"
    with path.open("w", encoding="utf-8") as handle:
        size, i = 0, 0
        while True:
            line = entry.format(i=i)
            if size + len(line) > MAX_LIST_BYTES - 1024:
                break
            handle.write(line)
            size += len(line)
            i += 1
    return path


@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="the 16 MiB cap (catalog/source.py MAX_LIST_BYTES) admits ~200,000 entries: "
    "16.6 s and 1.05 GB to import here, far past the 50,000-paper catalog target",
)
def test_the_largest_accepted_list_imports_within_20_s_and_600_mb(tmp_path: Path) -> None:
    path = _largest_accepted_list(tmp_path / "largest.md", "HOTOS'21")
    started = time.perf_counter()
    proc = subprocess.run(
        child_argv("import", str(path)),
        capture_output=True,
        env=child_env(tmp_path / "data"),
        timeout=600,
    )
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"largest accepted list: {path.stat().st_size / 2**20:.1f} MiB, "
          f"{elapsed:.1f} s, peak {peak_mb:.0f} MB, exit {proc.returncode}")  # fmt: skip
    assert proc.returncode in (0, 2), proc.stderr
    assert elapsed < 20 and peak_mb < 600


def test_import_errors_reach_the_user_as_one_line_from_a_real_process(tmp_path: Path) -> None:
    path = _write(tmp_path / "nul.md", b"\x00")
    proc = subprocess.run(
        [sys.executable, "-m", "papershelf", "import", str(path)],
        capture_output=True,
        text=True,
        env=child_env(tmp_path / "data"),
        timeout=60,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == (
        f"papershelf: {path}: binary file (contains NUL bytes), not a markdown list\n"
    )


def test_a_file_name_that_is_not_utf8_is_refused_in_one_line(
    capsys: Capsys, tmp_path: Path
) -> None:
    name = os.fsdecode(b"bad-\xff-name.md")
    path = _write_text(tmp_path / name, CLEAN)
    before = _catalog_state(capsys)
    result: Result = run(capsys, "import", str(path))
    assert result.code == 2
    [line] = result.err_lines
    assert "the file name is not valid UTF-8" in line
    assert _catalog_state(capsys) == before
