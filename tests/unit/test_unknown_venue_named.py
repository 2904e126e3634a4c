"""A paper with no venue is "Unknown venue" everywhere a person reads it, null in JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

LIST = "# Reading\n\n- [A Study of Caches Without a Venue](https://example.org/caches.pdf)\n"


@pytest.fixture
def no_venue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "reading.md"
    path.write_text(LIST, encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path), "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["venues"] == [None]
    code, out, _ = run(capsys, "list", "--format", "json", "--venue", "unknown")
    (paper,) = json.loads(out)
    assert paper["venue"] is None
    return str(paper["id"])


def test_tables_and_exports_name_it(
    no_venue: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "list", "--venue", "unknown")
    assert code == 0 and "Unknown venue" in out.splitlines()[1]
    code, out, _ = run(capsys, "new")
    assert code == 0 and "Unknown venue" in out
    target = tmp_path / "out.md"
    assert run(capsys, "export", "--format", "markdown", "-o", str(target))[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "## Unknown venue" in text and "No venue" not in text
