"""``import-state`` says what it restored: only the papers whose state changed, or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run


def _ids(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [str(p["id"]) for p in json.loads(run(capsys, "list", "--format", "json")[1])]


def _export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """The library's states as ``export --format json`` writes them (what import-state reads)."""
    dump = tmp_path / "state.json"
    assert run(capsys, "export", "--format", "json", "-o", str(dump), "-q")[0] == 0
    return dump


def _history(capsys: pytest.CaptureFixture[str]) -> list[object]:
    return list(json.loads(run(capsys, "history", "--format", "json")[1]))


def test_a_second_import_state_restores_nothing_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second, third = _ids(capsys)[:3]
    assert run(capsys, "mark", first, second, third, "reading", "-q")[0] == 0
    dump = _export(capsys, tmp_path)
    assert run(capsys, "mark", first, "read", "-q")[0] == 0
    code, out, _ = run(capsys, "import-state", str(dump))
    assert code == 0
    assert out == (
        f"restored the state of 1 paper from {dump}; "
        "the other 2 already had theirs (undo reverts)\n"
    )
    changes = len(_history(capsys))
    code, out, _ = run(capsys, "import-state", str(dump))
    assert code == 0
    assert out == f"nothing to restore: the 3 papers in {dump} already have these states\n"
    assert len(_history(capsys)) == changes  # and no change was recorded


def test_import_state_of_one_paper_already_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    [first] = _ids(capsys)[:1]
    assert run(capsys, "star", first, "-q")[0] == 0
    dump = _export(capsys, tmp_path)
    code, out, _ = run(capsys, "import-state", str(dump))
    assert (code, out) == (0, f"nothing to restore: the paper in {dump} already has this state\n")


def test_import_state_of_an_export_without_state(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dump = _export(capsys, tmp_path)
    code, out, _ = run(capsys, "import-state", str(dump))
    assert (code, out) == (0, f"nothing to restore: {dump} gives no paper a state of its own\n")


def test_import_state_names_the_one_other_paper_in_the_singular(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = _ids(capsys)[:2]
    assert run(capsys, "mark", first, second, "to-read", "-q")[0] == 0
    dump = _export(capsys, tmp_path)
    assert run(capsys, "mark", second, "read", "-q")[0] == 0
    code, out, _ = run(capsys, "import-state", str(dump))
    assert code == 0
    assert out == (
        f"restored the state of 1 paper from {dump}; "
        "the other paper already had its state (undo reverts)\n"
    )


def test_import_state_keeps_the_same_and_different_decisions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An export carries no decisions: restoring it erased them (and "restored" that paper)."""
    first, second, third = _ids(capsys)[:3]
    assert run(capsys, "mark", first, second, "reading", "-q")[0] == 0
    assert run(capsys, "different", first, third, "-q")[0] == 0
    from papershelf.paths import resolve_paths
    from papershelf.services.library import Library

    before = Library(resolve_paths()).state(first)
    assert before.different
    dump = _export(capsys, tmp_path)
    code, out, _ = run(capsys, "import-state", str(dump))
    assert (code, out.split(":")[0]) == (0, "nothing to restore")
    assert Library(resolve_paths()).state(first).different == before.different
