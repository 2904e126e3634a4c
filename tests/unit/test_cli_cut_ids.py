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


def test_a_cut_id_that_could_be_an_orphan_or_a_catalog_paper_names_neither(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The ``orphans`` row's cut id also starts a catalog paper's: it marked that one."""
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.write_text(LIST)
    two.write_text(f"# {LONG}\n\n- [Another Paper of the Same Venue Entirely](https://e.org/b)\n")
    assert run(capsys, "import", str(one), "-q")[0] == 0
    (first,) = json.loads(run(capsys, "list", "--search", "Very Long", "--format", "json")[1])
    assert run(capsys, "note", first["id"], "--set", "note on A")[0] == 0
    assert run(capsys, "forget", "one")[0] == 0
    assert run(capsys, "import", str(two), "-q")[0] == 0
    code, out, _ = run(capsys, "orphans")
    shown = next(line.split()[0] for line in out.splitlines() if "…" in line.split()[0])
    assert first["id"].startswith(shown.removesuffix("…"))
    code, _, err = run(capsys, "mark", shown, "read")
    assert code == 2 and "ambiguous" in err
    assert json.loads(run(capsys, "list", "--status", "read", "--format", "json")[1]) == []
