"""A file named like a list from another path takes its place, and the import says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

A = "# OSDI 2024\n\n- [A Paper Only The First Checkout Lists](https://e.org/a.pdf)\n"
B = "# SOSP 2024\n\n- [A Paper Only The Second Checkout Lists](https://e.org/b.pdf)\n"


def test_a_readme_of_another_checkout_says_whose_place_it_took(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "one" / "README.md", tmp_path / "two" / "README.md"
    for path, text in ((first, A), (second, B)):
        path.parent.mkdir()
        path.write_text(text)
    assert run(capsys, "import", str(first), "-q")[0] == 0
    code, out, _ = run(capsys, "import", str(second))
    assert code == 0
    assert "1 no longer listed" in out and "1 paper left it" in out  # as before
    assert out.rstrip().endswith(
        f"; it took the place of list README, imported from {first} "
        "(a file of the same name is the same list: rename the file to keep both)"
    )
    code, out, _ = run(capsys, "import", str(second), "--format", "json")
    assert json.loads(out)[0]["replaces"] is None  # the same file again: its own list
    (second.parent / "two.md").write_text(A)
    code, out, _ = run(capsys, "import", str(second.parent / "two.md"))
    assert code == 0 and "place of" not in out
