"""Issue 16, defects 2, 6 and 7: list writes on a full disk, deep nesting, unsafe links."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from papershelf.paths import Paths
from tests.hardening.helpers import first_paper_ids, run, snapshot

Capsys = pytest.CaptureFixture[str]
ENTRY = "* \\[a] [P{n}](https://e.org/{n}). Ann. HOSTILE'26"


def _deep_list(levels: int) -> str:
    """One entry, ``levels`` levels of nested bullets, then 51 more entries."""
    lines = ["# Hostile 2026", "", ENTRY.format(n=0)]
    lines += ["  " * depth + "* nest" for depth in range(levels)]
    lines += [ENTRY.format(n=n) for n in range(1, 52)]
    return "\n".join(lines) + "\n"


def test_entries_after_a_nest_of_24_levels_are_all_read(capsys: Capsys, tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text(_deep_list(24), encoding="utf-8")
    result = run(capsys, "import", str(path))
    assert result.code == 0, result
    assert "52 papers" in result.out


def test_a_nest_past_the_limit_refuses_the_file_naming_the_line(
    capsys: Capsys, tmp_path: Path, paths: Paths
) -> None:
    """It used to import the first entry only and say nothing of the other 51."""
    path = tmp_path / "deep.md"
    path.write_text(_deep_list(25), encoding="utf-8")
    result = run(capsys, "import", str(path))
    assert result.code == 2 and result.out == ""
    [line] = result.err_lines
    assert "deep.md: line 28:" in line and "nested more than 24 levels" in line
    assert not (paths.lists / "deep.md").exists()


def test_an_entry_with_an_unsafe_link_keeps_the_paper_and_counts_the_link(
    capsys: Capsys, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.md"
    path.write_text(
        "# Hostile 2026\n\n"
        "* \\[a] [P1](https://e.org/1). Ann. HOSTILE'26\n"
        "* \\[a] [P2](https://e.org/2) [code](file:///etc/shadow). Ann. HOSTILE'26\n"
        "* \\[a] [P3](https://e.org/3) [demo](javascript:alert(1)). Bob. HOSTILE'26\n"
        "* \\[a] [P4](https://e.org/4) [x](data:,hi) [y](https://e.org/y). C. HOSTILE'26\n",
        encoding="utf-8",
    )
    result = run(capsys, "import", "--verbose", str(path))
    assert result.code == 0, result
    assert "4 papers" in result.out
    assert "left out 3 unsafe links (data:, file:, javascript:)" in result.out
    assert "left out a file: link on line 4" in result.out
    papers = json.loads(run(capsys, "list", "--format", "json", "--venue", "Hostile 2026").out)
    links = {p["title"]: [link["url"] for link in p["links"]] for p in papers}
    assert links == {
        "P1": ["https://e.org/1"],
        "P2": ["https://e.org/2"],
        "P3": ["https://e.org/3"],
        "P4": ["https://e.org/4", "https://e.org/y"],
    }


def test_a_javascript_link_edited_into_the_hand_added_file_reaches_no_output(
    capsys: Capsys, paths: Paths, tmp_path: Path
) -> None:
    added = run(
        capsys, "add", "--title", "By hand", "--venue", "Hand 2026", "--url", "https://e.org"
    )
    assert added.code == 0, added
    manual = paths.lists / "added-by-hand.json"
    manual.write_text(manual.read_text().replace("https://e.org", "javascript:alert(1)"))
    for argv in (
        ("list", "--format", "json"),
        ("export", "--format", "csv"),
        ("export", "--format", "json"),
        ("export", "--format", "markdown"),
        ("export", "--format", "bibtex"),
    ):
        result = run(capsys, *argv)
        assert result.code == 0, (argv, result)
        assert "By hand" in result.out, argv
        assert "javascript" not in result.out, argv


@pytest.mark.parametrize(
    "argv",
    [
        ("import", "LIST"),
        ("add", "--title", "T", "--venue", "V 2026"),
        ("forget", "edge"),
    ],
)
def test_list_writes_on_a_full_disk_are_one_line_and_change_nothing(
    argv: tuple[str, ...],
    capsys: Capsys,
    paths: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 16, defect 2: these said "unexpected error (OSError ...)" and exited 1."""
    (paper,) = first_paper_ids(capsys, 1)
    assert run(capsys, "mark", paper, "read").code == 0
    first = tmp_path / "edge.md"
    first.write_text("# Edge 2026\n\n" + ENTRY.format(n=1) + "\n", encoding="utf-8")
    assert run(capsys, "import", str(first)).code == 0
    changed = tmp_path / "other.md"
    changed.write_text("# Other 2026\n\n" + ENTRY.format(n=2) + "\n", encoding="utf-8")
    argv = tuple(str(changed) if a == "LIST" else a for a in argv)
    files = [paths.library, paths.lists / "index.json", paths.lists / "edge.md"]
    before = [snapshot(f) for f in files]
    listed_before = sorted(p.name for p in paths.lists.iterdir())

    def full(_fd: int, _data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", full)
        result = run(capsys, *argv)
    assert result.code == 2 and result.out == "", result
    [line] = result.err_lines
    assert "No space left on device" in line and "nothing was changed" in line, line
    assert str(paths.lists) in line
    assert [snapshot(f) for f in files] == before
    assert sorted(p.name for p in paths.lists.iterdir()) == listed_before
    assert run(capsys, *argv).code == 0  # space again: the same command works
