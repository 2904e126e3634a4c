"""An id the ``list`` table cut with "…" names its paper, as the prefix it shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

LONG = "Proceedings International Conference on Computer Design 2024"
LIST = f"# {LONG}\n\n- [A Paper Under a Very Long Venue Name Indeed](https://e.org/a.pdf)\n"


def test_an_id_cut_by_the_table_marks_its_paper(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "long.md").write_text(LIST)
    assert run(capsys, "import", str(tmp_path / "long.md"), "-q")[0] == 0
    code, out, _ = run(capsys, "list", "--search", "Very Long Venue")
    assert code == 0
    shown = out.splitlines()[1].split()[0]
    assert shown.endswith("…")  # the table cut it: a script reads it as it is
    code, _, err = run(capsys, "mark", shown, "read")
    assert code == 0, err
    (paper,) = json.loads(run(capsys, "list", "--status", "read", "--format", "json")[1])
    assert paper["id"].startswith(shown.removesuffix("…")) and len(paper["id"]) > 48
