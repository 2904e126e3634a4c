"""A list copy deleted by hand is named by `lists` and `doctor`, not dropped unsaid."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from papershelf.paths import ENV_DATA_DIR
from tests.conftest import run_cli as run

LIST = "# OSDI 2024\n\n- [A Paper Whose List Copy Goes Missing](https://e.org/a.pdf)\n"


def test_a_missing_list_copy_is_a_problem_until_the_list_is_imported_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "mine.md"
    source.write_text(LIST)
    assert run(capsys, "import", str(source), "-q")[0] == 0
    copy = Path(os.environ[ENV_DATA_DIR]) / "lists" / "mine.md"
    copy.unlink()
    said = f"{copy}: the list's copy is gone; its papers are left out until"
    code, out, err = run(capsys, "lists")
    assert code == 0 and said in err
    code, out, _ = run(capsys, "doctor")
    assert code == 1 and f"problem: list mine: {said}" in out
    assert f"`papershelf import {source}` brings it back" in out
    assert run(capsys, "import", str(source), "-q")[0] == 0
    code, out, _ = run(capsys, "doctor")
    assert code == 0 and "problem" not in out
