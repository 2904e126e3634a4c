"""``papershelf lists``, ``new`` and ``orphans`` fit an 80-column terminal, as ``duplicates``.

An id or a list name cut to fit keeps the start that names it alone, and what the table shows
is handed on: the cut id (or name) ending in ``…`` works in the next command.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from papershelf.cli.output import cells, fit_line
from papershelf.domain.ids import start_alone
from tests.conftest import run_cli as run

LONG = "a-rather-long-file-name-for-a-reading-list-of-systems-papers"
TITLES = (
    "Checkpointing Very Large Mixture-of-Experts Models Without Stalls at Datacenter Scale",
    "Checkpointing Very Large Mixture-of-Experts Models With Stalls at Datacenter Scale",
)


@pytest.fixture
def long_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / f"{LONG}.md"
    entries = "".join(f"- [{t}](https://e.org/{n}.pdf)\n" for n, t in enumerate(TITLES))
    path.write_text(f"# OSDI 2024\n\n{entries}", encoding="utf-8")
    assert run(capsys, "import", str(path))[0] == 0
    return path


def _fits(out: str, width: int = 80) -> list[str]:
    lines = out.splitlines()
    assert lines and all(cells(line) <= width for line in lines), out
    return lines


@pytest.mark.usefixtures("long_list")
def test_new_fits_80_columns_and_its_cut_ids_name_their_papers(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "new")
    assert code == 0
    rows = _fits(out)[1:]
    assert len(rows) == 2
    assert all(re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d$", row) for row in rows), out  # a minute
    shown = [row.split()[0] for row in rows]
    assert all(pid.endswith("…") for pid in shown), out  # cut to fit
    for pid, title in zip(shown, TITLES, strict=True):
        code, out, err = run(capsys, "show", pid)
        assert code == 0, err
        assert title in out


@pytest.mark.usefixtures("long_list")
def test_lists_fits_80_columns_and_forget_takes_the_cut_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "lists")
    assert code == 0
    (row,) = [line for line in _fits(out) if line.startswith("a-")]
    name = row.split()[0]
    assert name.endswith("…") and LONG.startswith(name[:-1]), out
    code, out, err = run(capsys, "forget", name)
    assert code == 0, err
    assert LONG in out
    assert LONG[:20] not in run(capsys, "lists")[1]  # that list, forgotten


def test_a_cut_keeps_the_start_that_names_each_alone() -> None:
    ids = sorted(["osdi2024-check-a1", "osdi2024-check-b2", "osdi2024-other", "x", "x-2"])
    assert start_alone(["osdi2024-check-a1"], ids) == len("osdi2024-check-a")
    assert start_alone(["osdi2024-other"], ids) == len("osdi2024-o")
    assert start_alone(["x"], ids) == 1  # whole: an exact id is never cut
    assert start_alone(["x-2"], ids) == 2
    assert start_alone(["y"], ids) == 1  # not among them: its first character


def test_fit_line_gives_way_widest_first_down_to_the_floor_and_header() -> None:
    assert fit_line([30, 2, 20], [2, 2, 5], [(0, 10), (2, 4)], 40) == [14, 2, 20]
    assert fit_line([30, 2, 20], [2, 2, 5], [(0, 25), (2, 4)], 40) == [25, 2, 9]
    assert fit_line([30, 2, 20], [2, 2, 12], [(0, 25), (2, 4)], 40) == [25, 2, 12]
