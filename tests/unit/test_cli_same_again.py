"""``same`` on two ids that are already one paper: a no-op said as one, not an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

Capsys = pytest.CaptureFixture[str]


def _ids(capsys: Capsys, tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "l1.md").write_text(
        "# OSDI 2024\n\n- [Alpha: Fast Serving of Models](https://a.org)\n"
    )
    (tmp_path / "l2.md").write_text(
        "# OSDI 2024\n\n- [AlphaServe: Fast Serving of Big Models at Scale](https://b.org)\n"
    )
    assert run(capsys, "import", str(tmp_path / "l1.md"), str(tmp_path / "l2.md"), "-q")[0] == 0
    papers = json.loads(run(capsys, "list", "--format", "json", "--venue", "OSDI 2024")[1])
    [a] = [p["id"] for p in papers if p["title"].startswith("Alpha:")]
    [b] = [p["id"] for p in papers if p["title"].startswith("AlphaServe")]
    return str(a), str(b)


def test_same_again_changes_nothing_and_names_both_ids_as_given(
    capsys: Capsys, tmp_path: Path
) -> None:
    a, b = _ids(capsys, tmp_path)
    assert run(capsys, "same", a, b, "-q")[0] == 0
    history = run(capsys, "history", "--format", "json")[1]
    code, out, err = run(capsys, "same", a, b)
    assert (code, err) == (0, "")
    assert out.startswith(f"same paper (no change): {a} and {b} are already one paper: {a} (")
    code, out, _ = run(capsys, "same", b, a)
    assert code == 0 and out.startswith(f"same paper (no change): {b} and {a} are already one")
    assert run(capsys, "history", "--format", "json")[1] == history


def test_same_with_one_id_twice_is_still_refused(capsys: Capsys, tmp_path: Path) -> None:
    a, _ = _ids(capsys, tmp_path)
    code, out, err = run(capsys, "same", a, a)
    assert (code, out) == (2, "")
    assert err == f"papershelf: {a} and {a} are one id: give two papers\n"


def test_different_names_both_papers_and_again_says_it_was_recorded(
    capsys: Capsys, tmp_path: Path
) -> None:
    """``different A B`` named only A (the paper that records the decision)."""
    a, b = _ids(capsys, tmp_path)
    code, out, err = run(capsys, "different", a, b)
    assert (code, err) == (0, "")
    assert out == (
        f"different papers: {a} (Alpha: Fast Serving of Models) and "
        f"{b} (AlphaServe: Fast Serving of Big Models at Scale)\n"
    )
    history = run(capsys, "history", "--format", "json")[1]
    code, out, _ = run(capsys, "different", b, a)  # the other way round: recorded as well
    assert code == 0
    assert out == (
        f"different papers (no change): {b} (AlphaServe: Fast Serving of Big Models at Scale) "
        f"and {a} (Alpha: Fast Serving of Models) are already two papers\n"
    )
    assert run(capsys, "history", "--format", "json")[1] == history


def test_same_names_both_ids_and_the_paper_they_are_now(capsys: Capsys, tmp_path: Path) -> None:
    a, b = _ids(capsys, tmp_path)
    code, out, err = run(capsys, "same", b, a)
    assert (code, err) == (0, "")
    assert out.startswith(f"same paper: {b} and {a} are one paper now: {a} (")
    # Taken back: two papers again, each named with its title.
    code, out, _ = run(capsys, "different", a, b)
    assert code == 0
    assert out.startswith(f"different papers: {a} (") and f") and {b} (AlphaServe" in out
