"""``import --format json`` names every file given, the ones that failed too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

GOOD = "# OSDI 2024\n\n- [A Paper That Imports Fine](https://example.org/a.pdf)\n"


def test_json_lists_the_files_that_failed_with_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, prose = tmp_path / "good.md", tmp_path / "prose.md"
    good.write_text(GOOD)
    prose.write_text("# Nothing here\n\nJust prose.\n")
    missing = tmp_path / "missing.md"
    code, out, err = run(capsys, "import", "--format", "json", str(prose), str(good), str(missing))
    assert code == 2
    records = json.loads(out)
    assert [r["error"] is None for r in records] == [True, False, False]
    assert records[0]["list"] == "good" and records[0]["new"] == 1
    failed = {r["source"]: r["error"] for r in records[1:]}
    assert set(failed) == {str(prose), str(missing)}
    assert failed[str(missing)] == f"{missing}: no such file"
    assert failed[str(prose)].startswith(f"{prose}: no papers found")
    assert "2 of 3 files could not be imported" in err  # stderr says it as before
