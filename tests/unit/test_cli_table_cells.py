"""CLI tables line up by terminal columns: a CJK character or an emoji takes two."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len

from papershelf.cli import output
from tests.conftest import run_cli as run

Capsys = pytest.CaptureFixture[str]

_WIDE = ["🚀 Rocket: launching models to orbit", "中文 模型 training at scale"]


def _column(line: str, index: int) -> int:
    """The terminal column where field ``index`` (fields are two or more spaces apart) starts."""
    pos, field = 0, 0
    while field < index:
        gap = line.index("  ", pos)
        pos = gap
        while line[pos] == " ":
            pos += 1
        field += 1
    return cell_len(line[:pos])


@pytest.mark.parametrize("columns", ["160", "60"])
def test_list_columns_line_up_with_wide_titles(
    capsys: Capsys, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    for title in _WIDE:
        assert run(capsys, "add", "--title", title, "--venue", "OSDI 2024")[0] == 0
    assert run(capsys, "add", "--title", "Plain ascii title", "--venue", "OSDI 2024")[0] == 0
    code, out, _ = run(capsys, "list", "--venue", "OSDI 2024")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4 and any("🚀" in line for line in lines)
    assert {_column(line, 3) for line in lines} == {_column(lines[0], 3)}  # VENUE
    if columns == "60":  # the ids stay whole; the titles are cut, wide ones by columns too
        assert all("…" in line for line in lines[1:3])


def test_tags_columns_line_up_with_wide_tags(capsys: Capsys) -> None:
    code, out, _ = run(capsys, "list", "--format", "json")
    ids = [p["id"] for p in json.loads(out)[:3]]
    for pid, tag in zip(ids, ["中文", "🚀 launch", "plain"], strict=True):
        assert run(capsys, "tag", pid, tag)[0] == 0
    code, out, _ = run(capsys, "tags")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    assert {_column(line, 1) for line in lines} == {_column(lines[0], 1)}  # PAPERS
    assert {_column(line, 2) for line in lines} == {_column(lines[0], 2)}  # READ


_TEXT = st.text(st.sampled_from(["a", "Z", " ", "中", "文", "🚀", "é", "\u0301", "…"]))


@given(text=_TEXT, width=st.integers(0, 30))
@example(text="\u0301", width=0)
def test_a_cut_cell_fits_its_width_in_columns(text: str, width: int) -> None:
    assert output.cells(text) == cell_len(text)
    cut = output.cut(text, width)
    assert cell_len(cut) <= width
    if cell_len(text) <= width:
        assert cut == text
    elif width > 0:
        assert cut.endswith("…") and cell_len(cut) >= width - 2  # a wide char may not fit


def test_a_zwj_emoji_title_lines_up(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """👩‍🔬 and 👨‍👩‍👧 in titles: the columns after the title still line up.

    The joiners never reach the terminal (zero-width characters are dropped from what is
    printed), so each emoji is drawn and counted on its own: two cells each, in any terminal.
    """
    monkeypatch.setenv("COLUMNS", "120")
    for title in ("👩\u200d🔬 Scientist: labs", "👨\u200d👩\u200d👧 Family of models", "Plain"):
        assert run(capsys, "add", "--title", title, "--venue", "OSDI 2024")[0] == 0
    code, out, _ = run(capsys, "list", "--venue", "OSDI 2024")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    assert "\u200d" not in out and "👩🔬 Scientist" in out
    assert {_column(line, 3) for line in lines} == {_column(lines[0], 3)}  # VENUE


def test_a_table_cell_with_a_joiner_lines_up(capsys: Capsys) -> None:
    """Whatever reaches ``print_table`` (a library written by another tool): aligned."""
    output.print_table(
        ["T", "V"], [["👩\u200d🔬 a", "x"], ["👨\u200d👩\u200d👧 b", "y"], ["c", "z"]]
    )
    lines = capsys.readouterr().out.splitlines()
    assert {_column(line, 1) for line in lines} == {_column(lines[0], 1)}
