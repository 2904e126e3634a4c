"""A ``--data-dir`` that names no folder yet starts a new library, and says so once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli as run

Capsys = pytest.CaptureFixture[str]


def test_a_missing_data_dir_is_a_new_library_said_once(tmp_path: Path, capsys: Capsys) -> None:
    typo = tmp_path / "librray"
    code, out, err = run(capsys, "--data-dir", str(typo), "stats")
    assert code == 0
    assert "All papers" in out
    assert err == f"papershelf: a new, empty library in {typo} (that folder did not exist)\n"
    code, _, err = run(capsys, "--data-dir", str(typo), "stats")
    assert (code, err) == (0, "")


def test_quiet_says_nothing(tmp_path: Path, capsys: Capsys) -> None:
    code, _, err = run(capsys, "-q", "--data-dir", str(tmp_path / "new"), "stats")
    assert (code, err) == (0, "")


def test_the_environment_variable_is_not_a_typo_to_flag(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh install's default (or its variable) is new by nature: nothing to warn about."""
    monkeypatch.setenv("PAPERSHELF_DATA_DIR", str(tmp_path / "fresh"))
    code, _, err = run(capsys, "stats")
    assert (code, err) == (0, "")


def test_the_app_is_told_the_folder_is_new(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import papershelf.tui.app

    told: list[bool] = []

    def run_app(paths: object, new_folder: bool = False, parse: object = None) -> int:
        told.append(new_folder)
        return 0

    monkeypatch.setattr(papershelf.tui.app, "run_app", run_app)
    assert run(capsys, "--data-dir", str(tmp_path / "new"))[0] == 0
    assert run(capsys, "--data-dir", str(tmp_path))[0] == 0
    assert told == [True, False]
