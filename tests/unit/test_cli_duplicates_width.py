"""``papershelf duplicates`` fits the terminal: ids whole, titles cut, no line wraps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papershelf.cli.output import cells
from tests.conftest import run_cli as run

TITLE = "Checkpointing Very Large Mixture-of-Experts Models Without Stalls at Datacenter Scale"


def test_each_line_fits_80_columns_and_keeps_both_ids_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = f"- [{TITLE}](https://e.org/ckpt.pdf)\n"
    (tmp_path / "notes.md").write_text(f"# My reading\n\n{entry}")
    (tmp_path / "osdi.md").write_text(f"# OSDI 2024\n\n{entry}")
    code, _, _ = run(capsys, "import", str(tmp_path / "notes.md"), str(tmp_path / "osdi.md"))
    assert code == 0
    (pair,) = json.loads(run(capsys, "duplicates", "--format", "json")[1])
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "duplicates")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3, out
    assert all(cells(line) <= 80 for line in lines), out
    assert [lines[0].split()[1], lines[1].split()[0]] == [pair["a"], pair["b"]]
    assert lines[0].endswith("]") and lines[1].endswith("]")
    assert "…" in lines[0] and "…" in lines[1]
    # and on a wide terminal the title is whole
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run(capsys, "duplicates")
    assert out.count(TITLE) == 2
